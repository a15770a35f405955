namespace ScorecardBot.Cli;

/// <summary>What every command's action needs: where to write, the configured scorecard, and the clock.</summary>
public sealed record CliContext(CliConsole Console, ScorecardSession Session, TimeProvider Clock);
