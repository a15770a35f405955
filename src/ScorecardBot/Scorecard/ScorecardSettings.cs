using Microsoft.Data.Sqlite;
using Npgsql;
using ScorecardBot.Extensions;
using ScorecardBot.Storage;

namespace ScorecardBot.Scorecard;

public sealed class ScorecardSettingsValidator : SettingsValidator<ScorecardOptions>
{
    protected override void Check(ScorecardOptions options, SettingsProblems problems)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
            problems.Add("Scorecard:TimeZone", $"'{options.TimeZone}' is not a known time zone.");
        if (string.IsNullOrWhiteSpace(options.DefinitionPath))
            problems.Add("Scorecard:DefinitionPath", "it is empty; name the scorecard definition file.");
        else if (!File.Exists(ScorecardOptions.Resolve(options.DefinitionPath)))
            problems.Add("Scorecard:DefinitionPath", $"there is no file at {ScorecardOptions.Resolve(options.DefinitionPath)}.");
        if (!string.IsNullOrWhiteSpace(options.SeedPath) && !File.Exists(ScorecardOptions.Resolve(options.SeedPath)))
            problems.Add("Scorecard:SeedPath", $"there is no file at {ScorecardOptions.Resolve(options.SeedPath)}; leave it empty to start without seed figures.");
    }
}

public sealed class StorageSettingsValidator : SettingsValidator<StorageOptions>
{
    private const string Setting = $"ConnectionStrings:{StorageOptions.ConnectionStringName}";

    protected override void Check(StorageOptions options, SettingsProblems problems)
    {
        try
        {
            switch (options.Provider)
            {
                case StorageProvider.Sqlite:
                    var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString ?? StorageOptions.DefaultSqliteConnectionString);
                    if (string.IsNullOrWhiteSpace(sqlite.DataSource)) problems.Add(Setting, "it names no SQLite file (Data Source=…).");
                    // Nothing outside the process can migrate a database that lives only inside it.
                    else if (!options.MigratesOnStart && (sqlite.DataSource == ":memory:" || sqlite.Mode == SqliteOpenMode.Memory))
                        problems.Add("Storage:MigrateOnStart", "an in-memory SQLite database starts empty every time: it must be true (or unset).");
                    break;
                case StorageProvider.Postgres:
                    if (string.IsNullOrWhiteSpace(options.ConnectionString)) problems.Add(Setting, "it is required with Storage:Provider Postgres.");
                    else if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(options.ConnectionString).Host))
                        problems.Add(Setting, "it names no PostgreSQL Host.");
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The parsers' messages name the keyword, never the password.
            problems.Add(Setting, $"it is not a {options.Provider} connection string ({e.Message}).");
        }
    }
}

public sealed class SnapshotSettingsValidator : SettingsValidator<SnapshotOptions>
{
    protected override void Check(SnapshotOptions options, SettingsProblems problems)
    {
        if (options.MaxStaleness < TimeSpan.Zero || options.MaxStaleness > TimeSpan.FromHours(1))
            problems.Add("Snapshot:MaxStaleness", $"{options.MaxStaleness} is outside 00:00:00–01:00:00.");
    }
}
