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
        decimal? exact = null;
        switch (measure.Value)
        {
            case RatioFormula ratio:
                numerator = ValueOf(components, ratio.Numerator);
                denominator = ratio.DenominatorConstant ?? ValueOf(components, ratio.Denominator!);
                if (numerator is { } n && denominator is { } d && d > 0) exact = 100m * n / d;
                break;
            case CountFormula count:
                numerator = ValueOf(components, count.Component);
                exact = numerator;
                break;
        }

        decimal? published = exact is { } e ? Rounding.ToReportingPrecision(e, measure.Decimals) : null;
        return new MeasureResult(measure, period, exact, published, numerator, denominator, StatusKey.Evaluate(measure, published), components);
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
