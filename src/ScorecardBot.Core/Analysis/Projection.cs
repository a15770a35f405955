using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Analysis;

/// <summary>
/// Where a measure would finish the financial year at its current run rate, the status that would get, the monthly
/// rate needed from here to finish on target (<see cref="Needed"/>), the method as a sentence and its limits.
/// </summary>
public sealed record YearEndProjection(
    Measure Measure,
    MonthRange BasedOn,
    int MonthsOfFigures,
    int RemainingMonths,
    decimal? ProjectedValue,
    string ProjectedDisplay,
    decimal TargetForYear,
    Status ProjectedStatus,
    string ProjectedStatusLabel,
    YearRecovery Needed,
    string Method,
    IReadOnlyList<string> Limits);

public static class Projections
{
    public static YearEndProjection YearEnd(Measure measure, FigureSet figures, FinancialYear year, YearMonth asOf)
    {
        var shape = new MeasureShape(measure);
        var toDate = year.ToDate(asOf);
        var result = ScorecardCalculator.Evaluate(measure, figures, toDate);
        var months = MeasureShape.MonthsOfFigures(measure, figures, toDate);
        var remaining = MeasureShape.RemainingMonths(year, asOf);
        var (value, method) = shape.Kind switch
        {
            ValueKind.RatioOfFlows => RatioOfFlows(shape, result, months, remaining),
            ValueKind.CountOfFlow => CountOfFlow(shape, result, months),
            _ => Stock(shape, figures, toDate, result, remaining),
        };
        var yearTarget = shape.TargetFor(12);
        var status = value is { } v ? StatusKey.Evaluate(v, yearTarget, measure.Direction, measure.Tolerance) : Status.NoData;
        return new YearEndProjection(measure, toDate, months, remaining, value, value is { } p ? measure.FormatValue(p) : "No data",
            yearTarget, status, measure.Label(status), Recovery.ForYear(measure, figures, year, asOf), method,
            Limits(shape, figures, toDate, months));
    }

    // Numerator and denominator each go on at their own monthly run rate: the year's ratio is then the year to date's.
    private static (decimal?, string) RatioOfFlows(MeasureShape shape, MeasureResult result, int months, int remaining)
    {
        decimal? value = null;
        if (result.Numerator is { } n && result.Denominator is { } d && months > 0)
        {
            var scale = (decimal)(months + remaining) / months;
            value = shape.Published(Round(n * scale), Round(d * scale));
        }
        var method = $"'{shape.Driver.Name}' and '{shape.DenominatorComponent?.Name}' each continue at their monthly average of "
            + $"{result.Period.ToLongLabel()} ({months} months) for the {remaining} remaining months; two run rates keep the year to "
            + "date's ratio, so the year-end value is the FYTD value.";
        return (value, method);
    }

    private static (decimal?, string) CountOfFlow(MeasureShape shape, MeasureResult result, int months)
    {
        decimal? value = result.Numerator is { } n && months > 0 ? Round(n * 12m / months) : null;
        var method = $"'{shape.Driver.Name}' continues at its run rate of {result.Period.ToLongLabel()} ({result.Numerator} in {months} months): "
            + $"the run rate × 12, against the year's target of {shape.Measure.FormatValue(shape.TargetFor(12))}.";
        return (value, method);
    }

    // A stock follows the straight line through its monthly figures so far, no higher than its maximum.
    private static (decimal?, string) Stock(MeasureShape shape, FigureSet figures, MonthRange toDate, MeasureResult result, int remaining)
    {
        var points = toDate.Months()
            .Select((m, i) => (X: (decimal)i, Y: figures.Month(shape.Driver.Id, m)))
            .Where(p => p.Y is not null)
            .Select(p => (p.X, Y: (decimal)p.Y!.Value))
            .ToList();
        if (points.Count == 0) return (null, $"'{shape.Driver.Name}' has no monthly figures to follow.");
        var slope = 0m;
        if (points.Count > 1)
        {
            var (meanX, meanY) = (points.Average(p => p.X), points.Average(p => p.Y));
            var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
            slope = spread == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
        }
        var last = points[^1];
        var projected = last.Y + slope * (toDate.Length - 1 - last.X + remaining);
        var cap = shape.Driver.Max ?? (shape.Measure.Value as RatioFormula)?.DenominatorConstant;
        var stock = Math.Max(0, cap is { } c ? Math.Min(c, Round(projected)) : Round(projected));
        var value = shape.Published(stock, result.Denominator);
        var method = $"'{shape.Driver.Name}' follows its straight-line trend over {points.Count} monthly figures "
            + $"({slope:+0.##;-0.##;0} a month) to the year's end: {stock}{(cap is { } m ? $", capped at its maximum of {m}" : "")}.";
        return (value, method);
    }

    private static List<string> Limits(MeasureShape shape, FigureSet figures, MonthRange toDate, int months)
    {
        var limits = new List<string> { $"Rests on {months} month{(months == 1 ? "" : "s")} of figures ({toDate.ToLongLabel()})." };
        var balances = figures.Balances
            .Where(b => toDate.Contains(b.Period) && shape.Measure.Components.Any(c => c.Id == b.ComponentId))
            .Select(b => b.Period).Distinct();
        foreach (var balance in balances)
            limits.Add($"{balance.ToLongLabel()} is held as one figure, so it counts as its {balance.Length} months, never split.");
        limits.Add("Assumes the months to come are like the months so far: no seasons, no known events.");
        return limits;
    }

    private static long Round(decimal value) => (long)Rounding.ToReportingPrecision(value, 0);
}
