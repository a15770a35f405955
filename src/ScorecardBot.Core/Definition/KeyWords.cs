using System.Globalization;
using ScorecardBot.Core.Calculation;

namespace ScorecardBot.Core.Definition;

/// <summary>
/// The scorecard's Key in its own words. Labels may hold "{tolerance}", filled with the measure's band ("10%"), so a
/// measure with a 5% band is never labelled "10%".
/// </summary>
public sealed record KeyWords(string AboveTarget, string WithinTolerance, string OutsideTolerance, string NoData, string YearToDate)
{
    public const string TolerancePlaceholder = "{tolerance}";

    /// <summary>The committee paper's Key.</summary>
    public static KeyWords Paper { get; } = new(
        "Above Target", "Less Than {tolerance} Outside Target", "More Than {tolerance} Outside Target", "No data", "FYTD");

    public string Label(Status status, decimal tolerance) => status switch
    {
        Status.AboveTarget => AboveTarget,
        Status.WithinTolerance => WithinTolerance.Replace(TolerancePlaceholder, Band(tolerance), StringComparison.Ordinal),
        Status.OutsideTolerance => OutsideTolerance.Replace(TolerancePlaceholder, Band(tolerance), StringComparison.Ordinal),
        _ => NoData,
    };

    /// <summary>A tolerance as people read it: 0.10 → "10%", 0.025 → "2.5%".</summary>
    public static string Band(decimal tolerance) => (tolerance * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
