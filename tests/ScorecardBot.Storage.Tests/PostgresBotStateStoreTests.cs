namespace ScorecardBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBotStateStoreTests(PostgresServer server) : BotStateStoreTests
{
    protected override async Task<StorageOptions> CreateEmptyDatabaseAsync() => new()
    {
        Provider = StorageProvider.Postgres,
        ConnectionString = await server.CreateDatabaseAsync(),
    };
}
