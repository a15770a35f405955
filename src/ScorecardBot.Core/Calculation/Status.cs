using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Calculation;

/// <summary>The committee paper's Key.</summary>
public enum Status
{
    NoData,
    AboveTarget,
    /// <summary>Misses the target by no more than the tolerance ("Less Than 10% Outside Target").</summary>
    WithinTolerance,
    /// <summary>Misses the target by more than the tolerance ("More Than 10% Outside Target").</summary>
    OutsideTolerance,
}

public static class StatusKey
{
    /// <summary>A word for the colour people say in chat ("red", "amber").</summary>
    public static string Rag(this Status status) => status switch
    {
        Status.AboveTarget => "green",
        Status.WithinTolerance => "amber",
        Status.OutsideTolerance => "red",
        _ => "grey",
    };

    public static bool IsOffTarget(this Status status) =>
        status is Status.WithinTolerance or Status.OutsideTolerance;

    /// <summary>
    /// Applies the Key to a value already rounded to reporting precision. "10% outside" is relative to the target
    /// (the band is the measure's tolerance); a zero target is breached by any occurrence.
    /// </summary>
    public static Status Evaluate(decimal published, decimal target, Direction direction, decimal tolerance)
    {
        var shortfall = direction == Direction.HigherIsBetter ? target - published : published - target;
        if (shortfall <= 0) return Status.AboveTarget;
        if (target == 0) return Status.OutsideTolerance;
        return WithinTolerance(shortfall, Math.Abs(target), tolerance) ? Status.WithinTolerance : Status.OutsideTolerance;
    }

    // shortfall ÷ target ≤ tolerance. With few decimal places and modest targets, shortfall ≤ tolerance × target is
    // exact and decides the same: unless equal, the ratio and the tolerance differ by at least
    // 1 ÷ (target's unscaled integer × 10^(shortfall's + tolerance's decimals)) > 1e-26, more than the quotient's rounding
    // error (≤ 0.5e-28 below 7.9). Anything else divides, as before.
    private static bool WithinTolerance(decimal shortfall, decimal target, decimal tolerance)
    {
        if (shortfall.Scale <= 8 && target.Scale <= 6 && target < 1_000_000m && tolerance.Scale <= 6 && tolerance <= 1m)
            return shortfall <= tolerance * target;
        return shortfall / target <= tolerance;
    }

    /// <summary>A measure's status over a period: a count target set per month or per year is scaled to the period.</summary>
    public static Status Evaluate(Measure measure, decimal? published, MonthRange period) =>
        published is { } value ? Evaluate(value, measure.Target.For(period.Length), measure.Direction, measure.Tolerance) : Status.NoData;
}
