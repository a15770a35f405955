namespace ScorecardBot.Core.Tests.Support;

/// <summary>The definition and seed the product ships, copied beside the tests exactly as beside the CLI.</summary>
public static class ShippedFiles
{
    public static string Definition => Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.json");
    public static string Seed => Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.seed.json");
}
