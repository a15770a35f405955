using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace ScorecardBot.Cli.Tests;

/// <summary>Runs <see cref="CliApp"/> in-process against its own SQLite file in a temp folder.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "scorecard-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string DatabaseConnection => "Data Source=" + Path.Combine(Folder, "scorecard.db");

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string[] args, string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = connectionString ?? DatabaseConnection };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new CliApp(configuration, output, error, TimeProvider.System).RunAsync(args);

        return (exit, output.ToString(), error.ToString());
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
