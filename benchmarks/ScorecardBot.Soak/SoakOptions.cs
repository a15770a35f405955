namespace ScorecardBot.Soak;

/// <summary>What one soak runs: for how long, how many workers and channels, how often alerts are run.</summary>
public sealed record SoakOptions(
    TimeSpan Duration, int Workers, int Channels, TimeSpan AlertEvery, TimeSpan SampleEvery, int Seed, string BotDll)
{
    /// <summary>The folder holding ScorecardBot.sln, found upwards from this program.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ScorecardBot.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"ScorecardBot.sln was not found above {AppContext.BaseDirectory}; pass --bot-dll.");
    }
}
