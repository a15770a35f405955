using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Calculation;

/// <summary>Values and statuses from definitions and figures. Pure: no I/O, no clock, no state.</summary>
public static class ScorecardCalculator
{
    public static MeasureResult Evaluate(Measure measure, FigureSet figures, MonthRange period)
    {
        var components = new ComponentValue[measure.Components.Count];
        for (var i = 0; i < components.Length; i++)
        {
            var component = measure.Components[i];
            components[i] = new ComponentValue(component, figures.Aggregate(component, period));
        }

        long? numerator = null, denominator = null;
        decimal? published = null;
        switch (measure.Value)
        {
            case RatioFormula ratio:
                numerator = ValueOf(components, ratio.Numerator);
                denominator = ratio.DenominatorConstant ?? ValueOf(components, ratio.Denominator!);
                if (numerator is { } n && denominator is { } d && d > 0) published = PublishedRatio(n, d, measure.Decimals);
                break;
            case CountFormula count:
                numerator = ValueOf(components, count.Component);
                // A whole number is already at any reporting precision.
                published = numerator;
                break;
        }

        return new MeasureResult(measure, period, published, numerator, denominator, StatusKey.Evaluate(measure, published, period), components);
    }

    /// <summary>The unrounded value: a ratio as a percentage, a count as itself; null without data.</summary>
    public static decimal? ExactValue(ValueFormula formula, long? numerator, long? denominator) => formula switch
    {
        RatioFormula when numerator is { } n && denominator is { } d && d > 0 => 100m * n / d,
        CountFormula => numerator,
        _ => null,
    };

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000];

    /// <summary>
    /// Rounding.ToReportingPrecision(100 × n ÷ d, decimals) in whole-number arithmetic: decimal division is most of
    /// the cost of a scorecard. The two agree: decimal's quotient carries at least 6 + log10(d) decimal places, so
    /// its rounding error is far smaller than the distance (at least 1 ÷ 2d·10^decimals) from 100n/d to any
    /// rounding boundary it is not exactly on. Exact quotients and out-of-range inputs take the decimal path, so
    /// the result's scale is the same too.
    /// </summary>
    internal static decimal PublishedRatio(long n, long d, int decimals)
    {
        if (n >= 0 && (uint)decimals < (uint)PowersOfTen.Length)
        {
            var scale = PowersOfTen[decimals];
            if (n <= long.MaxValue / 100 / scale)
            {
                var quotient = Math.DivRem(n * 100 * scale, d, out var remainder);
                if (remainder != 0)
                {
                    // Half away from zero: up when the remainder is at least half the divisor.
                    if (remainder >= d - remainder) quotient++;
                    return new decimal((int)quotient, (int)(quotient >> 32), 0, isNegative: false, (byte)decimals);
                }
            }
        }
        return Rounding.ToReportingPrecision(100m * n / d, decimals);
    }

    /// <summary>Financial year to date as of <paramref name="asOf"/>.</summary>
    public static MeasureResult EvaluateYearToDate(Measure measure, FigureSet figures, FinancialYear year, YearMonth asOf) =>
        Evaluate(measure, figures, year.ToDate(asOf));

    private static long? ValueOf(ComponentValue[] components, string id)
    {
        foreach (var c in components)
        {
            if (c.Component.Id == id) return c.Value;
        }
        return null;
    }
}
