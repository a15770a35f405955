using Microsoft.Data.Sqlite;

namespace ScorecardBot.Storage.Tests;

public sealed class SqliteFigureStoreTests : FigureStoreTests
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("scorecard-sqlite-");

    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => Task.FromResult(new StorageOptions
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = "Data Source=data/scorecard.db",
        BaseDirectory = _folder.FullName,
    });

    protected override (StorageOptions Options, string Location) UnreachableDatabase()
    {
        // The database's folder would have to be where a regular file already is.
        var blocker = Path.Combine(_folder.FullName, "not-a-folder");
        File.WriteAllText(blocker, "");
        var path = Path.Combine(blocker, "scorecard.db");
        return (new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path}" }, path);
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
