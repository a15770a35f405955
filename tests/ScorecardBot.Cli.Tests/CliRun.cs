using Microsoft.Data.Sqlite;

namespace ScorecardBot.Cli.Tests;

/// <summary>
/// Runs the CLI in-process through its generic host against its own SQLite file in a temp folder: the connection
/// string and other settings reach it through the configuration chain's command line (--ConnectionStrings:Scorecard=…).
/// </summary>
public sealed class CliRun : IDisposable
{
    public CliRun() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "scorecard-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string DatabaseConnection => "Data Source=" + Path.Combine(Folder, "scorecard.db");

    /// <summary>The CLI's clock; the system's unless a test sets "today".</summary>
    public TimeProvider? Clock { get; set; }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? connectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null, bool errorIsTerminal = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = connectionString ?? DatabaseConnection };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        string[] withSettings = [.. values.Select(v => $"--{v.Key}={v.Value}"), .. args];

        var console = new CliConsole(output, error, OutputIsTerminal: false, errorIsTerminal);
        var exit = await CliHost.RunAsync(withSettings, console, Clock);

        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A refused command line: exit 2, nothing on stdout, the message as the first line of stderr, no stack trace.</summary>
    public static void AssertOneClearLine((int ExitCode, string Output, string Error) result, string message)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(message, result.Error.Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
