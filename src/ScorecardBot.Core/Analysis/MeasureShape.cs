using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Analysis;

/// <summary>The kinds of value a definition's formulas make, as the analyses need to tell them apart.</summary>
public enum ValueKind
{
    /// <summary>A ratio of two flows (calls answered ÷ calls received): both sum over months.</summary>
    RatioOfFlows,
    /// <summary>A ratio whose numerator is a stock (BOCUs with a CTIO ÷ 33): the period's last month counts.</summary>
    RatioOfStock,
    /// <summary>A count of a flow (intrusions): it sums over months.</summary>
    CountOfFlow,
    /// <summary>A count of a stock: the period's last month counts.</summary>
    CountOfStock,
}

/// <summary>
/// What-if arithmetic over a measure's own formula: the published value and status a measure would have with other
/// figures, judged exactly as the calculator judges (half away from zero at reporting precision, the Key's band).
/// </summary>
internal sealed class MeasureShape(Measure measure)
{
    public Measure Measure { get; } = measure;

    public ValueKind Kind { get; } = measure.Value switch
    {
        RatioFormula r => measure.FindComponent(r.Numerator)!.Aggregation == Aggregation.Latest ? ValueKind.RatioOfStock : ValueKind.RatioOfFlows,
        CountFormula c => measure.FindComponent(c.Component)!.Aggregation == Aggregation.Latest ? ValueKind.CountOfStock : ValueKind.CountOfFlow,
        _ => throw new NotSupportedException($"Measure {measure.Number} has a value formula the analyses do not know."),
    };

    public bool HigherIsBetter => Measure.Direction == Direction.HigherIsBetter;

    public bool IsStock => Kind is ValueKind.RatioOfStock or ValueKind.CountOfStock;

    /// <summary>The component whose figures move the value: the ratio's numerator or the count.</summary>
    public Component Driver => Measure.FindComponent(Measure.Value is RatioFormula r ? r.Numerator : ((CountFormula)Measure.Value).Component)!;

    public Component? DenominatorComponent =>
        Measure.Value is RatioFormula { Denominator: { } d } ? Measure.FindComponent(d) : null;

    /// <summary>The one place the analyses ask for a target: the target for a period of this many months.</summary>
    public decimal TargetFor(int months) => Measure.Target.For(months);

    public decimal? Published(long numerator, long? denominator) => Measure.Value switch
    {
        RatioFormula when denominator is > 0 && numerator >= 0 => ScorecardCalculator.PublishedRatio(numerator, denominator.Value, Measure.Decimals),
        CountFormula => numerator,
        _ => null,
    };

    public Status StatusOf(long numerator, long? denominator, int months) =>
        Published(numerator, denominator) is { } p ? StatusKey.Evaluate(p, TargetFor(months), Measure.Direction, Measure.Tolerance) : Status.NoData;

    public bool Meets(long numerator, long? denominator, int months) => StatusOf(numerator, denominator, months) == Status.AboveTarget;

    /// <summary>
    /// The smallest step k in [0, max] for which <paramref name="meets"/> holds, where meeting the target only gets
    /// easier as k grows (more answered in time, fewer intrusions); null when even <paramref name="max"/> does not.
    /// </summary>
    public static long? SmallestStep(long max, Func<long, bool> meets)
    {
        if (max < 0 || !meets(max)) return null;
        long low = 0, high = max;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (meets(middle)) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    /// <summary>Months of the range that have figures for the measure's components, a balance counting as its months.</summary>
    public static int MonthsOfFigures(Measure measure, FigureSet figures, MonthRange range) =>
        range.Months().Count(month => measure.Components.Where(c => !c.ReportedOnly).All(c =>
            figures.Month(c.Id, month) is not null || figures.Balances.Any(b => b.ComponentId == c.Id && b.Period.Contains(month))));

    public static int RemainingMonths(FinancialYear year, YearMonth asOf) => year.End.Index - asOf.Index;

    /// <summary>"calls", or the component's own name when the formula names no basis.</summary>
    public string Basis => Measure.Value.Basis is { Length: > 0 } basis ? basis : Driver.Name;

    public static long CeilingDivide(long amount, long by) => by <= 0 ? amount : (amount + by - 1) / by;
}
