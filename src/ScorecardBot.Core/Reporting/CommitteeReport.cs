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

        var scope = (measures ?? definition.Measures).ToList();
        var columns = ColumnsFor(figures, range, scope);
        columns.Add(new ReportColumn(definition.Key.YearToDate, "FYTD", year.ToDate(range.To), true));

        var rows = new List<ReportMeasureRow>(scope.Count);
        foreach (var measure in scope)
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

    /// <summary>
    /// A column per month, except that months held only as one figure (the seed's April–May balance) are one column,
    /// "Apr–May-07": they cannot be shown apart, and two columns of "No data" would hide the figure there is.
    /// </summary>
    private static List<ReportColumn> ColumnsFor(FigureSet figures, MonthRange range, IReadOnlyList<Measure> scope)
    {
        var componentIds = scope.SelectMany(m => m.Components).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        // A balance stops being one column once any of its components has a figure of its own for one of its months.
        var balances = figures.Balances
            .Where(f => range.Contains(f.Period) && componentIds.Contains(f.ComponentId))
            .GroupBy(f => f.Period)
            .Where(g => !g.Key.Months().Any(m => g.Any(f => figures.Find(f.ComponentId, MonthRange.Single(m)) is not null)))
            .Select(g => g.Key)
            .ToList();

        var columns = new List<ReportColumn>(range.Length + 1);
        for (var month = range.From; month <= range.To;)
        {
            var at = balances.FindIndex(b => b.From == month);
            if (at >= 0)
            {
                var balance = balances[at];
                // "Apr–May-07"; across a year end, "Dec-07–Jan-08".
                var from = balance.From.Year == balance.To.Year ? balance.From.ToPaperLabel()[..3] : balance.From.ToPaperLabel();
                columns.Add(new ReportColumn($"{from}–{balance.To.ToPaperLabel()}", balance.ToString(), balance, false));
                month = balance.To.AddMonths(1);
                continue;
            }
            columns.Add(new ReportColumn(month.ToPaperLabel(), month.ToString(), MonthRange.Single(month), false));
            month = month.AddMonths(1);
        }
        return columns;
    }
}
