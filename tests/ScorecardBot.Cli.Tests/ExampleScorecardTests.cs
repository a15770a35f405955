namespace ScorecardBot.Cli.Tests;

/// <summary>The CLI serves another organisation's scorecard, chosen by settings alone, with no code change.</summary>
public sealed class ExampleScorecardTests : IDisposable
{
    private static readonly Dictionary<string, string?> Example = new()
    {
        ["Scorecard:DefinitionPath"] = "scorecard/nfrs-2024.json",
        ["Scorecard:SeedPath"] = "scorecard/nfrs-2024.seed.json",
    };

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Report_of_the_first_quarter_uses_the_example_scorecards_year_Key_and_targets()
    {
        var (exit, output, error) = await _cli.RunAsync(["report", "--from", "2024-01", "--to", "2024-03", "--format", "csv"], settings: Example);

        Assert.True(exit == 0, error);
        // Worked by hand: 38 + 41 + 45 = 124 fires against 3 × 40 = 120, 3.3% over: within the 5% band.
        Assert.Contains("1,value,2024-02,41,Within 5% of target", output);
        Assert.Contains("1,value,2024-03,45,More than 5% off target", output);
        Assert.Contains("1,value,FYTD,124,Within 5% of target", output);
        Assert.Contains("4,value,2024-03,86%,Within 5% of target", output);
        Assert.Contains("6,value,FYTD,,No return", output);
        Assert.DoesNotContain("10%", output);
    }

    [Fact]
    public async Task Validate_accepts_the_example_definition()
    {
        var (exit, output, error) = await _cli.RunAsync(["validate", "scorecard/nfrs-2024.json"], settings: Example);

        Assert.True(exit == 0, error + output);
    }
}
