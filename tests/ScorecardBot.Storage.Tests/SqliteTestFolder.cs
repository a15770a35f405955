using Microsoft.Data.Sqlite;

namespace ScorecardBot.Storage.Tests;

/// <summary>A temporary folder for one test's SQLite database, deleted with it.</summary>
public sealed class SqliteTestFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("scorecard-sqlite-");

    public string FullName => _folder.FullName;

    /// <summary>A database file in a folder that does not exist yet: migrating creates both.</summary>
    public StorageOptions EmptyDatabase() => new()
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = "Data Source=data/scorecard.db",
        BaseDirectory = _folder.FullName,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
