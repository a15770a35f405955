using System.Globalization;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Calculation;

public readonly record struct ComponentValue(Component Component, long? Value)
{
    public string Display => Value?.ToString(CultureInfo.InvariantCulture) ?? "No data";
}

/// <summary>A measure's value over one period, with everything needed to show where it came from.</summary>
public sealed record MeasureResult(
    Measure Measure,
    MonthRange Period,
    decimal? Published,
    long? Numerator,
    long? Denominator,
    Status Status,
    IReadOnlyList<ComponentValue> Components)
{
    /// <summary>The value before rounding to reporting precision; worked out when asked, as few callers need it.</summary>
    public decimal? Exact => ScorecardCalculator.ExactValue(Measure.Value, Numerator, Denominator);

    public bool HasData => Published is not null;

    /// <summary>The target this period is judged against: a count set per month is scaled to the period's months.</summary>
    public decimal Target => Measure.Target.For(Period.Length);

    public string TargetLabel => Measure.TargetLabelFor(Period);

    /// <summary>The Key's label for this status, in the scorecard's own words and the measure's band.</summary>
    public string StatusLabel => Measure.Label(Status);

    /// <summary>"88%", "0", or "No data".</summary>
    public string Display => Published is { } p ? Measure.FormatValue(p) : "No data";

    /// <summary>"29 of 33 BOCUs", "263 of 327 SNT members", "0 intrusions".</summary>
    public string Basis => Measure.Value switch
    {
        RatioFormula r when Numerator is not null && Denominator is > 0 => $"{Numerator} of {Denominator} {r.Basis}".TrimEnd(),
        CountFormula c when Numerator is not null => $"{Numerator} {c.Basis}".TrimEnd(),
        _ => MissingBasis(),
    };

    private string MissingBasis() =>
        Measure.Value is RatioFormula { Denominator: not null } && Numerator is not null && Denominator == 0
            ? $"no {((RatioFormula)Measure.Value).Basis} in the period"
            : "no figures for the period";
}
