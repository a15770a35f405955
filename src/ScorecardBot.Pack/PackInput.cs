using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Pack;

/// <summary>The pack cannot be made from what was asked; the message says why in the committee's words.</summary>
public sealed class PackException(string message) : Exception(message);

/// <summary>What a pack shows: the committee report Core computes, refused when it would be empty or span years.</summary>
public static class PackInput
{
    public static CommitteeReport Build(ScorecardDefinition definition, FigureSet figures, MonthRange range)
    {
        var year = definition.FinancialYear;
        if (!year.Months.Contains(range))
        {
            throw new PackException($"A committee pack covers one financial year: {range.ToLongLabel()} runs outside "
                + $"{year.Label} ({year.Start.ToLongLabel()} to {year.End.ToLongLabel()}).");
        }
        var report = CommitteeReport.Build(definition, figures, range);
        var hasFigures = report.Rows.Any(r => r.Cells.Where((_, c) => !report.Columns[c].IsYearToDate).Any(cell => cell.HasData));
        if (!hasFigures) throw new PackException($"There are no figures for {range.ToLongLabel()}, so there is no pack to make.");
        return report;
    }
}
