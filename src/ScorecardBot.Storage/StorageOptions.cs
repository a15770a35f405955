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
}
