namespace ScorecardBot.Core.Calculation;

public static class Rounding
{
    /// <summary>Half away from zero, as the paper publishes (84.5% is 85%); .NET's default banker's rounding would give 84%.</summary>
    public static decimal ToReportingPrecision(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
