namespace ScorecardBot.Storage.Tests;

public sealed class SqliteFigureStoreTests : FigureStoreTests, IDisposable
{
    private readonly SqliteTestFolder _folder = new();

    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => Task.FromResult(_folder.EmptyDatabase());

    protected override (StorageOptions Options, string Location) UnreachableDatabase()
    {
        // The database's folder would have to be where a regular file already is.
        var blocker = Path.Combine(_folder.FullName, "not-a-folder");
        File.WriteAllText(blocker, "");
        var path = Path.Combine(blocker, "scorecard.db");
        return (new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path}" }, path);
    }

    public void Dispose() => _folder.Dispose();
}
