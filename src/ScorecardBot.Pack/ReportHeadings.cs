using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Pack;

/// <summary>The paper's grouping: each measure row with the objective and outcome headings that begin just before it.</summary>
internal static class ReportHeadings
{
    public static IEnumerable<(Objective? Objective, Outcome? Outcome, ReportMeasureRow Row)> Walk(CommitteeReport report)
    {
        Objective? objective = null;
        Outcome? outcome = null;
        foreach (var row in report.Rows)
        {
            var newObjective = row.Measure.Outcome?.Objective is { } o && o != objective ? o : null;
            var newOutcome = row.Measure.Outcome is { } m && m != outcome ? m : null;
            objective = newObjective ?? objective;
            outcome = newOutcome ?? outcome;
            yield return (newObjective, newOutcome, row);
        }
    }
}
