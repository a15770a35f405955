namespace ScorecardBot.Storage.Tests;

public sealed class SqliteBotStateStoreTests : BotStateStoreTests, IDisposable
{
    private readonly SqliteTestFolder _folder = new();

    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => Task.FromResult(_folder.EmptyDatabase());

    public void Dispose() => _folder.Dispose();
}
