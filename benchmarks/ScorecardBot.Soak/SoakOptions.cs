namespace ScorecardBot.Soak;

/// <summary>What one soak runs: for how long, how many workers and channels, how often alerts are run.</summary>
public sealed record SoakOptions(
    TimeSpan Duration, int Workers, int Channels, TimeSpan AlertEvery, TimeSpan SampleEvery, int Seed, string BotDll);
