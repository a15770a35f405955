using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Analysis;

/// <summary>
/// What the rest of the financial year must bring for the year to finish on target. For a ratio of flows the expected
/// volume (<see cref="ExpectedPerMonth"/>) is the denominator's run rate so far, resting on <see cref="RunRateMonths"/>
/// months; for a stock it is the stock needed at the year's end. <see cref="Possible"/> is false, with
/// <see cref="WhyNot"/>, when no months remain, when even the best the remaining months could bring falls short, or
/// when a zero target has already been breached.
/// </summary>
public sealed record YearRecovery(
    bool Possible,
    string? WhyNot,
    YearMonth YearEnd,
    int RemainingMonths,
    long? Needed,
    long? NeededPerMonth,
    long? ExpectedInRemaining,
    long? ExpectedPerMonth,
    int RunRateMonths,
    string Sentence);

public static class Recovery
{
    public static YearRecovery ForYear(Measure measure, FigureSet figures, FinancialYear year, YearMonth asOf)
    {
        var shape = new MeasureShape(measure);
        var toDate = year.ToDate(asOf);
        var result = ScorecardCalculator.Evaluate(measure, figures, toDate);
        var remaining = MeasureShape.RemainingMonths(year, asOf);
        var runMonths = MeasureShape.MonthsOfFigures(measure, figures, toDate);
        var context = new Context(shape, year, remaining, runMonths, result);
        if (result.Numerator is not { } n)
            return context.Impossible($"there are no figures for {toDate.ToLongLabel()} to work from");

        return shape.Kind switch
        {
            ValueKind.RatioOfFlows => RatioOfFlows(context, n, result.Denominator ?? 0),
            ValueKind.CountOfFlow => CountOfFlow(context, n),
            _ => Stock(context, n, result.Denominator),
        };
    }

    private sealed record Context(MeasureShape Shape, FinancialYear Year, int Remaining, int RunMonths, MeasureResult ToDate)
    {
        public YearRecovery Impossible(string why) => new(false, why, Year.End, Remaining, null, null, null, null, RunMonths,
            $"{Shape.Measure.ShortName} cannot finish {Year.Label} on target: {why}.");

        public string Rest => Remaining == 1 ? "the one remaining month" : $"the {Remaining} remaining months";
    }

    private static YearRecovery RatioOfFlows(Context c, long n, long d)
    {
        if (c.Remaining == 0) return c.Impossible($"no months remain in {c.Year.Label}");
        var shape = c.Shape;
        // The denominator's run rate so far is the expected volume of each month to come.
        var perMonth = c.RunMonths == 0 ? 0 : Rounding.ToReportingPrecision((decimal)d / c.RunMonths, 0);
        var expected = (long)(perMonth * c.Remaining);
        var yearTotal = d + expected;
        var numerator = shape.Driver.Name;
        var basis = shape.Basis;
        var rate = $"expected from the run rate of '{shape.DenominatorComponent?.Name}' over {c.RunMonths} month{(c.RunMonths == 1 ? "" : "s")}";
        if (shape.HigherIsBetter)
        {
            var step = MeasureShape.SmallestStep(expected, k => shape.Meets(n + k, yearTotal, 12));
            if (step is not { } k)
            {
                var best = shape.Published(n + expected, yearTotal);
                return c.Impossible($"even all {Shortfalls.Count(expected)} {basis} {rate} in {c.Rest} would leave the year at "
                    + $"{shape.Measure.FormatValue(best ?? 0)}");
            }
            var each = MeasureShape.CeilingDivide(k, c.Remaining);
            return new YearRecovery(true, null, c.Year.End, c.Remaining, k, each, expected, (long)perMonth, c.RunMonths,
                $"To finish {c.Year.Label} on target, {Shortfalls.Count(each)} of an expected {Shortfalls.Count((long)perMonth)} {basis} a month "
                + $"must be '{numerator}' for {c.Rest} ({Shortfalls.Count(k)} of {Shortfalls.Count(expected)}; volume {rate}).");
        }
        // Lower is better: the most of the driver the year can still take.
        if (!shape.Meets(n, yearTotal, 12))
            return c.Impossible($"even none of an expected {Shortfalls.Count(expected)} {basis} in {c.Rest} would bring the year back");
        var allowed = expected - MeasureShape.SmallestStep(expected, k => shape.Meets(n + expected - k, yearTotal, 12))!.Value;
        var allowedEach = allowed / c.Remaining;
        return new YearRecovery(true, null, c.Year.End, c.Remaining, allowed, allowedEach, expected, (long)perMonth, c.RunMonths,
            $"To finish {c.Year.Label} on target, no more than {Shortfalls.Count(allowedEach)} of an expected {Shortfalls.Count((long)perMonth)} "
            + $"{basis} a month may be '{numerator}' for {c.Rest} ({Shortfalls.Count(allowed)} of {Shortfalls.Count(expected)}; volume {rate}).");
    }

    private static YearRecovery CountOfFlow(Context c, long n)
    {
        var shape = c.Shape;
        var basis = shape.Basis;
        var yearTarget = shape.TargetFor(12);
        if (!shape.HigherIsBetter)
        {
            if (yearTarget == 0 && n > 0)
                return c.Impossible($"the target is zero and {Shortfalls.Count(n)} {basis} have already happened this year");
            if (!shape.Meets(n, null, 12))
                return c.Impossible($"the {Shortfalls.Count(n)} {basis} so far already exceed the year's target of {shape.Measure.FormatValue(yearTarget)}");
            if (c.Remaining == 0) return c.Impossible($"no months remain in {c.Year.Label}");
            var cap = (long)Math.Floor(yearTarget) + 1;
            var allowed = cap - MeasureShape.SmallestStep(cap, k => shape.Meets(n + cap - k, null, 12))!.Value;
            return new YearRecovery(true, null, c.Year.End, c.Remaining, allowed, allowed / c.Remaining, null, null, c.RunMonths,
                $"To finish {c.Year.Label} within its target of {shape.Measure.FormatValue(yearTarget)}, no more than {Shortfalls.Count(allowed)} "
                + $"{basis} may happen in {c.Rest}.");
        }
        if (c.Remaining == 0) return c.Impossible($"no months remain in {c.Year.Label}");
        var needed = MeasureShape.SmallestStep((long)Math.Ceiling(yearTarget) + 1, k => shape.Meets(n + k, null, 12))!.Value;
        var each = MeasureShape.CeilingDivide(needed, c.Remaining);
        var runRate = c.RunMonths == 0 ? 0 : (long)Rounding.ToReportingPrecision((decimal)n / c.RunMonths, 0);
        return new YearRecovery(true, null, c.Year.End, c.Remaining, needed, each, null, runRate, c.RunMonths,
            $"To finish {c.Year.Label} on target, {Shortfalls.Count(needed)} more {basis} are needed in {c.Rest}: {Shortfalls.Count(each)} a month "
            + $"against {Shortfalls.Count(runRate)} a month so far (over {c.RunMonths} months).");
    }

    /// <summary>A stock's year-end value is its last month: what matters is the stock needed by then.</summary>
    private static YearRecovery Stock(Context c, long stock, long? denominator)
    {
        var shape = c.Shape;
        if (c.Remaining == 0) return c.Impossible($"no months remain in {c.Year.Label}");
        var cap = shape.Driver.Max ?? denominator ?? (long)Math.Ceiling(shape.TargetFor(12)) + 1;
        if (denominator is { } d) cap = Math.Min(cap, d);
        var name = shape.Driver.Name;
        var end = c.Year.End.ToLongLabel();
        if (shape.HigherIsBetter)
        {
            var step = MeasureShape.SmallestStep(cap - stock, k => shape.Meets(stock + k, denominator, 12));
            if (step is not { } gain)
                return c.Impossible($"even all {Shortfalls.Count(cap)} for '{name}' would not reach the target");
            var each = MeasureShape.CeilingDivide(gain, c.Remaining);
            return new YearRecovery(true, null, c.Year.End, c.Remaining, stock + gain, each, null, null, c.RunMonths,
                $"'{name}' must reach {Shortfalls.Count(stock + gain)} by {end} (now {Shortfalls.Count(stock)}): {Shortfalls.Count(gain)} more, "
                + $"about {Shortfalls.Count(each)} a month over {c.Rest}.");
        }
        var fall = MeasureShape.SmallestStep(stock, k => shape.Meets(stock - k, denominator, 12));
        if (fall is not { } cut) return c.Impossible($"even none for '{name}' would not meet the target");
        var cutEach = MeasureShape.CeilingDivide(cut, c.Remaining);
        return new YearRecovery(true, null, c.Year.End, c.Remaining, stock - cut, cutEach, null, null, c.RunMonths,
            $"'{name}' must fall to {Shortfalls.Count(stock - cut)} by {end} (now {Shortfalls.Count(stock)}): {Shortfalls.Count(cut)} fewer, "
            + $"about {Shortfalls.Count(cutEach)} a month over {c.Rest}.");
    }
}
