using ScorecardBot.Core.Calculation;

namespace ScorecardBot.Core.Tests.Calculation;

public sealed class RoundingTests
{
    [Fact]
    public void Half_a_percent_rounds_away_from_zero_where_the_default_banker_rounding_would_not()
    {
        Assert.Equal(85m, Rounding.ToReportingPrecision(84.5m, 0));
        // Why the rule is spelled out: .NET's default rounds to even and would publish 84%.
        Assert.Equal(84m, Math.Round(84.5m));
    }

    [Theory]
    [InlineData("84.4999", 0, "84")]
    [InlineData("84.5", 0, "85")]
    [InlineData("85.5", 0, "86")]
    [InlineData("87.878787", 0, "88")]
    [InlineData("84.848484", 0, "85")]
    [InlineData("84.45", 1, "84.5")]
    public void Values_round_to_reporting_precision(string exact, int decimals, string published)
    {
        Assert.Equal(decimal.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
            Rounding.ToReportingPrecision(decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture), decimals));
    }
}
