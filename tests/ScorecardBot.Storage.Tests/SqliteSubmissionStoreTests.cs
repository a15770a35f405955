namespace ScorecardBot.Storage.Tests;

public sealed class SqliteSubmissionStoreTests : SubmissionStoreTests
{
    private readonly SqliteTestFolder _folder = new();

    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => Task.FromResult(_folder.EmptyDatabase());

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
