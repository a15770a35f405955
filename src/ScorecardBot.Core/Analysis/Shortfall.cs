using System.Globalization;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Analysis;

/// <summary>A component over the period and over the period of the same length just before it.</summary>
public sealed record ComponentMovement(Component Component, long? Previous, long? Current)
{
    public long? Change => Current - Previous;
}

/// <summary>
/// How far a measure missed its target in its own units: <see cref="Amount"/> more (or fewer) of <see cref="Unit"/>
/// would have met it. For a zero target the amount is the count itself.
/// </summary>
public sealed record ShortfallAmount(long Amount, bool More, string Unit, long? OutOf, string Sentence);

/// <summary>Why a measure is not Above Target for a period, by how much, and what the rest of the year needs.</summary>
public sealed record ShortfallAnalysis(
    MeasureResult Result,
    decimal Target,
    ShortfallAmount? Shortfall,
    MonthRange PreviousPeriod,
    IReadOnlyList<ComponentMovement> Movements,
    IReadOnlyList<string> Comments,
    MeasureResult YearToDate,
    YearRecovery? Recovery);

public static class Shortfalls
{
    /// <summary>
    /// The shortfall of <paramref name="measure"/> over <paramref name="period"/>; null when it is Above Target or has
    /// no figures. <see cref="ShortfallAnalysis.Recovery"/> is set only when the year to date is off target too.
    /// </summary>
    public static ShortfallAnalysis? Analyse(Measure measure, FigureSet figures, MonthRange period, FinancialYear year)
    {
        var result = ScorecardCalculator.Evaluate(measure, figures, period);
        if (!result.Status.IsOffTarget()) return null;
        var shape = new MeasureShape(measure);

        var previous = new MonthRange(period.From.AddMonths(-period.Length), period.From.AddMonths(-1));
        var movements = measure.Components
            .Select(c => new ComponentMovement(c, figures.Aggregate(c, previous), figures.Aggregate(c, period)))
            .ToList();
        var comments = figures.CommentsFor(measure.Number, period).Select(c => c.Text).Distinct().ToList();
        var yearToDate = ScorecardCalculator.Evaluate(measure, figures, year.ToDate(period.To));
        var recovery = yearToDate.Status.IsOffTarget() ? Recovery.ForYear(measure, figures, year, period.To) : null;

        return new ShortfallAnalysis(result, shape.TargetFor(period.Length), Amount(shape, result), previous, movements, comments,
            yearToDate, recovery);
    }

    private static ShortfallAmount? Amount(MeasureShape shape, MeasureResult result)
    {
        if (result.Numerator is not { } n) return null;
        var d = result.Denominator;
        var months = result.Period.Length;
        var target = shape.Measure.TargetLabelFor(result.Period);
        var unit = shape.Measure.Value is RatioFormula ? shape.Driver.Name : shape.Basis;

        if (shape.Measure.Value is CountFormula && !shape.HigherIsBetter && shape.TargetFor(months) == 0)
        {
            return new ShortfallAmount(n, More: false, unit, null,
                $"The target is zero, so any occurrence misses it: {Count(n)} {unit} in {result.Period.ToLongLabel()}.");
        }

        // More of the driver for higher-is-better, fewer for lower-is-better; a ratio cannot pass its denominator.
        var max = shape.HigherIsBetter ? (d ?? MaxCountStep(shape, n, months)) - n : n;
        var step = MeasureShape.SmallestStep(max, k => shape.Meets(shape.HigherIsBetter ? n + k : n - k, d, months));
        if (step is not { } k) return null;
        var more = shape.HigherIsBetter;
        var outOf = shape.Measure.Value is RatioFormula ? d : null;
        var of = outOf is { } total ? $" (of {Count(total)} {shape.Basis})" : "";
        // The Key reads the published (rounded) value, so fewer may suffice than for the target exactly: say both.
        var reached = shape.HigherIsBetter ? n + k : n - k;
        var exactly = Unrounded(shape, n, d, months) is { } e && e != k
            ? $" as the scorecard rounds it ({(reached * 100m / d!.Value).ToString("0.##", CultureInfo.InvariantCulture)}% shows as "
              + $"{shape.Measure.FormatValue(shape.Published(reached, d)!.Value)}); {Count(e)} for {target} exactly" : "";
        return new ShortfallAmount(k, more, unit, outOf,
            $"{Count(k)} {(more ? "more" : "fewer")} '{unit}'{of} would have met the {target} target{exactly}.");
    }

    /// <summary>For a ratio, the step to the target itself before any rounding: 340 of 400 is 85% exactly.</summary>
    private static long? Unrounded(MeasureShape shape, long n, long? d, int months)
    {
        if (shape.Measure.Value is not RatioFormula || d is not > 0 || shape.Measure.Unit != Unit.Percent) return null;
        var needed = shape.TargetFor(months) * d.Value / 100m;
        return shape.HigherIsBetter ? Math.Max(0, (long)Math.Ceiling(needed) - n) : Math.Max(0, n - (long)Math.Floor(needed));
    }

    // A count aiming high needs at most the target itself.
    private static long MaxCountStep(MeasureShape shape, long n, int months) => n + (long)Math.Ceiling(shape.TargetFor(months)) + 1;

    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
