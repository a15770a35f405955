using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScorecardBot.Conversation;
using ScorecardBot.Storage;

namespace ScorecardBot.Benchmarks;

/// <summary>
/// What remembering one small thing costs a turn: DatabaseStorage reading and writing one state document on a SQLite
/// file, as BotState's load and save do. Each write is one committed transaction, so the disk's flush is in it.
/// </summary>
[MemoryDiagnoser]
public class ConversationStateBenchmarks
{
    private const string Key = "msteams/conversations/a:1personal-chat/users/29:1officer";

    private DirectoryInfo _folder = null!;
    private DatabaseStorage _storage = null!;
    private DatabaseStorage _behind = null!;
    private WriteBehindStateStore _writeBehind = null!;
    private int _turn;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("scorecard-state-bench-");
        var database = new ScorecardDatabase(new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder.FullName, "scorecard.db")}",
        });
        database.MigrateAsync().GetAwaiter().GetResult();
        _storage = new DatabaseStorage(new BotStateStore(database, TimeProvider.System), new StateSerializer([]),
            TimeProvider.System, Options.Create(new ConversationOptions()), NullLogger<DatabaseStorage>.Instance);
        _writeBehind = new WriteBehindStateStore(new BotStateStore(database, TimeProvider.System), TimeProvider.System,
            new ConversationOptions(), NullLogger<WriteBehindStateStore>.Instance);
        _writeBehind.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _behind = new DatabaseStorage(_writeBehind, new StateSerializer([]),
            TimeProvider.System, Options.Create(new ConversationOptions()), NullLogger<DatabaseStorage>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writeBehind.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>BotState's own container with one short string, as PrivateConversationState writes it.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> ReadThenWriteOneSmallItem()
    {
        var read = await _storage.ReadAsync([Key]);
        var state = new Dictionary<string, object> { ["LastRequest"] = $"CTIO coverage in July ({_turn++})" };
        await _storage.WriteAsync(new Dictionary<string, object> { [Key] = state });
        return read.Count;
    }

    /// <summary>The same turn as the bot now takes it: the write queued for the background writer (its flushes included).</summary>
    [Benchmark]
    public async Task<int> ReadThenWriteBehind()
    {
        var read = await _behind.ReadAsync([Key]);
        var state = new Dictionary<string, object> { ["LastRequest"] = $"CTIO coverage in July ({_turn++})" };
        await _behind.WriteAsync(new Dictionary<string, object> { [Key] = state });
        return read.Count;
    }

    /// <summary>Only the load, as a turn with nothing to remember takes it.</summary>
    [Benchmark]
    public async Task<int> ReadOneSmallItem() => (await _storage.ReadAsync([Key])).Count;
}
