namespace ScorecardBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSubmissionStoreTests(PostgresServer server) : SubmissionStoreTests
{
    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => server.CreateEmptyDatabaseAsync();
}
