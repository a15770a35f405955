namespace ScorecardBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBotStateStoreTests(PostgresServer server) : BotStateStoreTests
{
    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => server.CreateEmptyDatabaseAsync();
}
