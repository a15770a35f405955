using System.Globalization;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Calculation;

/// <summary>Which side of a comparison is better, by the measure's own direction.</summary>
public enum Better { Neither, First, Second, Unknown }

/// <summary>One component's figures in two periods and the change between them.</summary>
public sealed record ComponentChange(Component Component, long? First, long? Second)
{
    public long? Change => First is { } a && Second is { } b ? b - a : null;
}

/// <summary>
/// A measure over two periods side by side: both results, the change in the measure's published units (percentage
/// points or a count), which is better by its direction, and each component's change.
/// </summary>
public sealed record Comparison(MeasureResult First, MeasureResult Second, decimal? Difference, Better Better, IReadOnlyList<ComponentChange> Components)
{
    public Measure Measure => First.Measure;

    /// <summary>"+3 points", "−4", "no change", or "not comparable".</summary>
    public string DifferenceText => Difference switch
    {
        null => "not comparable",
        0 => "no change",
        var d => (d > 0 ? "+" : "−") + Math.Abs(d.Value).ToString("0.##", CultureInfo.InvariantCulture)
                 + (Measure.Unit == Unit.Percent ? (Math.Abs(d.Value) == 1 ? " point" : " points") : ""),
    };

    public static Comparison Of(Measure measure, FigureSet figures, MonthRange first, MonthRange second)
    {
        var a = ScorecardCalculator.Evaluate(measure, figures, first);
        var b = ScorecardCalculator.Evaluate(measure, figures, second);
        // Counts over periods of different lengths are compared per month; anything else as published.
        decimal? Comparable(MeasureResult r) => r.Published is { } p && measure.Unit == Unit.Count && first.Length != second.Length
            ? p / r.Period.Length : r.Published;
        var difference = Comparable(a) is { } x && Comparable(b) is { } y ? y - x : (decimal?)null;
        var better = difference switch
        {
            null => Better.Unknown,
            0 => Better.Neither,
            > 0 => measure.Direction == Direction.HigherIsBetter ? Better.Second : Better.First,
            _ => measure.Direction == Direction.HigherIsBetter ? Better.First : Better.Second,
        };
        var components = measure.Components.Select((c, i) => new ComponentChange(c, a.Components[i].Value, b.Components[i].Value)).ToList();
        return new Comparison(a, b, difference, better, components);
    }
}
