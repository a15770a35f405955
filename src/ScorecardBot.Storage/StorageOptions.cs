namespace ScorecardBot.Storage;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>Bound from "Storage" and "ConnectionStrings:Scorecard"; the CLI and the bot read the same keys.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "Scorecard";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/scorecard.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>Where a relative SQLite path is anchored: the folder the bot or CLI is started from, so both share one file.</summary>
    public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>Import the seed scorecard's figures into an empty database on start.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>
    /// Apply pending migrations on start. Unset means the provider's default: on for SQLite (one process owns its file),
    /// off for PostgreSQL, where the migration bundle (scripts/migration-bundle) runs once per deployment, not once per
    /// instance; a database behind the code then stops the bot with one line saying to run it.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    public bool MigratesOnStart => MigrateOnStart ?? Provider == StorageProvider.Sqlite;
}
