using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScorecardBot.Conversation;
using ScorecardBot.Storage;

namespace ScorecardBot.Tests.Support;

/// <summary>
/// A migrated SQLite file of a test's own. Each <see cref="NewStorage"/> is another bot instance, or the bot after a
/// restart: they share only the file and the clock.
/// </summary>
public sealed class StateDatabase : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("scorecardbot-state-");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    public ConversationOptions Options { get; } = new();

    /// <summary>The store under the storage, for looking at what is really in the table.</summary>
    public BotStateStore NewStore() => new(OpenDatabase(), Clock);

    /// <param name="stateTypes">The types this storage lets state hold, beyond BotState's own dictionary.</param>
    public DatabaseStorage NewStorage(params Type[] stateTypes) => new(
        NewStore(), new StateSerializer(stateTypes), Clock,
        Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DatabaseStorage>.Instance);

    public Task InitializeAsync() => OpenDatabase().MigrateAsync();

    private ScorecardDatabase OpenDatabase() => new(new StorageOptions
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder.FullName, "scorecard.db")}",
    });

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
