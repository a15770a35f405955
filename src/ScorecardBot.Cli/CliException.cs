namespace ScorecardBot.Cli;

/// <summary>Something the person running the CLI can fix: said in one line, never as a stack trace.</summary>
public sealed class CliException(string message, int exitCode = CliApp.Failed, bool pointToHelp = false) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Whether the command line itself was wrong, so the usage hint follows the message.</summary>
    public bool PointToHelp { get; } = pointToHelp;

    public static CliException Usage(string message) => new(message, CliApp.Failed, pointToHelp: true);
}
