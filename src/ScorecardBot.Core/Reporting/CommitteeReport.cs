using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Reporting;

/// <summary>A column of the committee paper: one month, or financial year to date.</summary>
public sealed record ReportColumn(string Label, string Key, MonthRange Period, bool IsYearToDate);

public sealed record ReportComponentRow(Component Component, IReadOnlyList<long?> Cells);

public sealed record ReportMeasureRow(Measure Measure, IReadOnlyList<MeasureResult> Cells, IReadOnlyList<ReportComponentRow> Components, IReadOnlyList<string> Comments);

/// <summary>The committee paper for a run of months: measures and their components × months + FYTD, target, status.</summary>
public sealed record CommitteeReport(ScorecardDefinition Definition, MonthRange Range, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportMeasureRow> Rows)
{
    public static CommitteeReport Build(ScorecardDefinition definition, FigureSet figures, MonthRange range, IEnumerable<Measure>? measures = null)
    {
        var year = definition.FinancialYear;
        if (!year.Months.Contains(range))
        {
            throw new ArgumentOutOfRangeException(nameof(range), range,
                $"The {definition.Title} scorecard covers {year.Label} ({year.Start} to {year.End}); {range} is outside it.");
        }

        var columns = range.Months()
            .Select(m => new ReportColumn(m.ToPaperLabel(), m.ToString(), MonthRange.Single(m), false))
            .Append(new ReportColumn("FYTD", "FYTD", year.ToDate(range.To), true))
            .ToList();

        var rows = new List<ReportMeasureRow>(definition.Measures.Count);
        foreach (var measure in measures ?? definition.Measures)
        {
            var cells = new MeasureResult[columns.Count];
            for (var c = 0; c < cells.Length; c++) cells[c] = ScorecardCalculator.Evaluate(measure, figures, columns[c].Period);
            var componentRows = new ReportComponentRow[measure.Components.Count];
            for (var i = 0; i < componentRows.Length; i++)
            {
                var values = new long?[cells.Length];
                for (var c = 0; c < cells.Length; c++) values[c] = cells[c].Components[i].Value;
                componentRows[i] = new ReportComponentRow(measure.Components[i], values);
            }
            var comments = figures.CommentsFor(measure.Number, range).Select(c => c.Text).Distinct().ToList();
            rows.Add(new ReportMeasureRow(measure, cells, componentRows, comments));
        }

        return new CommitteeReport(definition, range, columns, rows);
    }
}
