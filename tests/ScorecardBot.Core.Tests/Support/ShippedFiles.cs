namespace ScorecardBot.Core.Tests.Support;

/// <summary>The definition and seed the product ships, copied beside the tests exactly as beside the CLI.</summary>
public static class ShippedFiles
{
    public static string Definition => Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.json");
    public static string Seed => Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.seed.json");

    /// <summary>The second, example scorecard: another organisation, a calendar year, 5% bands, its own Key words.</summary>
    public static string ExampleDefinition => Path.Combine(AppContext.BaseDirectory, "scorecard", "nfrs-2024.json");

    public static string ExampleSeed => Path.Combine(AppContext.BaseDirectory, "scorecard", "nfrs-2024.seed.json");
}
