using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScorecardBot.Conversation;
using ScorecardBot.Storage;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Conversation;

/// <summary>
/// The write-behind store over the real table in a SQLite file: what it promises a turn (its own writes read back at
/// once, with the etag they will keep), what it promises the database (the latest document per key, in batches,
/// nothing resurrected, everything written by the time the host stops) and what happens when the database fails.
/// </summary>
public sealed class WriteBehindStateStoreTests : IAsyncLifetime
{
    private static readonly DateTime Always = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    private readonly StateDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private WriteBehindStateStore NewWriteBehind(IBotStateStore inner, int maxPending = 10_000, TimeSpan delay = default) =>
        new(inner, _db.Clock, new ConversationOptions { WriteBehindMaxPending = maxPending, WriteBehindDelay = delay },
            NullLogger<WriteBehindStateStore>.Instance);

    private async Task<string?> StoredJson(string key) =>
        (await _db.NewStore().ReadAsync([key], Always)).GetValueOrDefault(key)?.Json;

    [Fact]
    public async Task A_write_reads_back_at_once_and_reaches_the_database_when_flushed_with_the_etag_it_was_given()
    {
        var store = NewWriteBehind(_db.NewStore());

        var etag = (await store.WriteAsync([new BotStateWrite("k", "{\"a\":1}")]))["k"];
        var read = await store.ReadAsync(["k", "other"], Always);

        Assert.Equal("{\"a\":1}", Assert.Single(read).Value.Json);
        Assert.Equal(etag, read["k"].ETag);
        Assert.Null(await StoredJson("k"));
        Assert.Equal(1, store.PendingCount);
        var writtenAt = _db.Clock.GetUtcNow().UtcDateTime;
        _db.Clock.Advance(TimeSpan.FromSeconds(3));

        await store.FlushAsync();

        Assert.Equal(0, store.PendingCount);
        var stored = (await _db.NewStore().ReadAsync(["k"], Always))["k"];
        Assert.Equal("{\"a\":1}", stored.Json);
        Assert.Equal(etag, stored.ETag);
        // Stored as of the turn that wrote it, not the moment the writer got to it: expiry counts from the turn.
        Assert.Equal(writtenAt, stored.UpdatedAtUtc);
    }

    [Fact]
    public async Task A_pending_document_older_than_asked_for_reads_as_absent_as_a_stored_one_would()
    {
        var store = NewWriteBehind(_db.NewStore());
        await store.WriteAsync([new BotStateWrite("quiet", "{}")]);

        _db.Clock.Advance(TimeSpan.FromMinutes(31));
        var since = _db.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(30);

        Assert.Empty(await store.ReadAsync(["quiet"], since));
        Assert.Single(await store.ReadAsync(["quiet"], Always));
    }

    [Fact]
    public async Task Many_writes_to_one_key_are_flushed_as_its_latest_document_in_one_batch()
    {
        var counting = new CountingStore(_db.NewStore());
        var store = NewWriteBehind(counting);

        for (var i = 1; i <= 50; i++) await store.WriteAsync([new BotStateWrite("k", $"{{\"n\":{i}}}"), new BotStateWrite($"k{i % 5}", "{}")]);
        await store.FlushAsync();

        Assert.Equal(1, counting.Writes);
        Assert.Equal(6, counting.Documents);
        Assert.Equal("{\"n\":50}", await StoredJson("k"));
    }

    [Fact]
    public async Task The_background_writer_writes_without_being_asked_and_stopping_writes_what_is_left()
    {
        var store = NewWriteBehind(_db.NewStore());
        await store.StartAsync(CancellationToken.None);

        await store.WriteAsync([new BotStateWrite("early", "{}")]);
        for (var wait = 0; wait < 500 && await StoredJson("early") is null; wait++) await Task.Delay(20);
        Assert.Equal("{}", await StoredJson("early"));

        await store.StopAsync(CancellationToken.None);
        // After the writer stops, a write (a turn still finishing) goes straight to the database.
        await store.WriteAsync([new BotStateWrite("late", "{\"x\":2}")]);

        Assert.Equal("{\"x\":2}", await StoredJson("late"));
        Assert.Equal(0, store.PendingCount);
    }

    [Fact]
    public async Task The_writer_waits_its_delay_on_the_bots_clock_and_then_writes_the_turns_gathered_meanwhile_together()
    {
        var counting = new CountingStore(_db.NewStore());
        var clock = new TimerWatchingClock(_db.Clock);
        var store = new WriteBehindStateStore(counting, clock,
            new ConversationOptions { WriteBehindDelay = TimeSpan.FromMilliseconds(25) }, NullLogger<WriteBehindStateStore>.Instance);
        await store.StartAsync(CancellationToken.None);

        for (var i = 0; i < 10; i++) await store.WriteAsync([new BotStateWrite($"chat{i}", "{}")]);
        // The clock is advanced only once the writer is waiting on it: a busy machine may start the writer late, and a
        // delay begun after the advance would wait on a clock that never moves again.
        await clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);
        Assert.Equal(0, counting.Writes);

        _db.Clock.Advance(TimeSpan.FromMilliseconds(25));
        for (var wait = 0; wait < 500 && store.PendingCount > 0; wait++) await Task.Delay(20);

        Assert.Equal(1, counting.Writes);
        Assert.Equal(10, counting.Documents);
        await store.DisposeAsync();
    }

    [Fact]
    public async Task Stopping_the_host_writes_everything_pending_for_the_next_start_to_read()
    {
        var store = NewWriteBehind(_db.NewStore());
        // Not started: nothing is written until the stop.
        for (var i = 0; i < 20; i++) await store.WriteAsync([new BotStateWrite($"chat{i}", $"{{\"i\":{i}}}")]);

        await store.DisposeAsync();

        var afterRestart = NewWriteBehind(_db.NewStore());
        var read = await afterRestart.ReadAsync([.. Enumerable.Range(0, 20).Select(i => $"chat{i}")], Always);
        Assert.Equal(20, read.Count);
        Assert.Equal("{\"i\":19}", read["chat19"].Json);
    }

    [Fact]
    public async Task A_conditional_write_matches_the_etag_of_a_pending_write_and_refuses_a_stale_one()
    {
        var store = NewWriteBehind(_db.NewStore());
        var first = (await store.WriteAsync([new BotStateWrite("k", "{\"v\":1}")]))["k"];

        var second = (await store.WriteAsync([new BotStateWrite("k", "{\"v\":2}", IfMatch: first)]))["k"];

        Assert.Equal("{\"v\":2}", await StoredJson("k"));
        await Assert.ThrowsAsync<BotStateConflictException>(() => store.WriteAsync([new BotStateWrite("k", "{\"v\":3}", IfMatch: first)]));
        Assert.Equal(second, (await store.ReadAsync(["k"], Always))["k"].ETag);
        Assert.Equal("{\"v\":2}", await StoredJson("k"));
    }

    [Fact]
    public async Task A_delete_takes_the_key_out_of_what_is_pending_so_no_later_flush_brings_it_back()
    {
        var store = NewWriteBehind(_db.NewStore());
        await store.WriteAsync([new BotStateWrite("gone", "{}"), new BotStateWrite("kept", "{}")]);
        await store.FlushAsync();
        await store.WriteAsync([new BotStateWrite("gone", "{\"again\":true}")]);

        await store.DeleteAsync(["gone"]);
        await store.FlushAsync();

        Assert.Empty(await store.ReadAsync(["gone"], Always));
        Assert.Null(await StoredJson("gone"));
        Assert.Equal("{}", await StoredJson("kept"));
    }

    [Fact]
    public async Task When_the_writer_has_fallen_behind_a_turn_waits_for_it_instead_of_memory_growing()
    {
        var store = NewWriteBehind(_db.NewStore(), maxPending: 3);

        await store.WriteAsync([new BotStateWrite("a", "{}"), new BotStateWrite("b", "{}")]);
        Assert.Null(await StoredJson("a"));
        await store.WriteAsync([new BotStateWrite("c", "{}")]);

        Assert.Equal(0, store.PendingCount);
        Assert.Equal("{}", await StoredJson("a"));
    }

    [Fact]
    public async Task While_the_database_fails_the_documents_stay_pending_and_readable_and_are_written_when_it_answers()
    {
        var failing = new FailingStore(_db.NewStore(), failures: 3);
        var store = NewWriteBehind(failing);
        await store.StartAsync(CancellationToken.None);

        await store.WriteAsync([new BotStateWrite("k", "{\"kept\":true}")]);
        // The retry waits on the clock the bot is given; move it on until the writer has had its three failures.
        for (var wait = 0; wait < 1000 && store.PendingCount > 0; wait++)
        {
            Assert.Equal("{\"kept\":true}", (await store.ReadAsync(["k"], Always))["k"].Json);
            _db.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal(4, failing.Attempts);
        Assert.Equal("{\"kept\":true}", await StoredJson("k"));
        await store.DisposeAsync();
    }

    [Fact]
    public async Task The_storage_the_bot_uses_reads_its_own_state_through_the_write_behind_store()
    {
        var storage = new DatabaseStorage(NewWriteBehind(_db.NewStore()), new StateSerializer([]), _db.Clock,
            Microsoft.Extensions.Options.Options.Create(_db.Options), NullLogger<DatabaseStorage>.Instance);

        await storage.WriteAsync(new Dictionary<string, object> { ["chat"] = new Dictionary<string, object> { ["turns"] = 3L } });

        var read = (IDictionary<string, object>)(await storage.ReadAsync(["chat"]))["chat"];
        Assert.Equal(3L, read["turns"]);
    }

    private sealed class CountingStore(IBotStateStore inner) : IBotStateStore
    {
        public int Writes { get; private set; }
        public int Documents { get; private set; }

        public Task<IReadOnlyDictionary<string, BotStateDocument>> ReadAsync(IReadOnlyCollection<string> keys, DateTime updatedSinceUtc, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, updatedSinceUtc, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyCollection<BotStateWrite> writes, CancellationToken cancellationToken = default)
        {
            Writes++;
            Documents += writes.Count;
            return inner.WriteAsync(writes, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public Task<int> PurgeAsync(DateTime updatedBeforeUtc, CancellationToken cancellationToken = default) => inner.PurgeAsync(updatedBeforeUtc, cancellationToken);
    }

    /// <summary>The real store, whose first writes fail as SQLite fails when the file is locked past its timeout.</summary>
    private sealed class FailingStore(IBotStateStore inner, int failures) : IBotStateStore
    {
        public int Attempts { get; private set; }

        public Task<IReadOnlyDictionary<string, BotStateDocument>> ReadAsync(IReadOnlyCollection<string> keys, DateTime updatedSinceUtc, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, updatedSinceUtc, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyCollection<BotStateWrite> writes, CancellationToken cancellationToken = default)
        {
            if (++Attempts <= failures) throw new SqliteException("database is locked", 5);
            return inner.WriteAsync(writes, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public Task<int> PurgeAsync(DateTime updatedBeforeUtc, CancellationToken cancellationToken = default) => inner.PurgeAsync(updatedBeforeUtc, cancellationToken);
    }

    /// <summary>The test's fake clock, telling the test when something starts waiting on it.</summary>
    private sealed class TimerWatchingClock(FakeTimeProvider clock) : TimeProvider
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override long GetTimestamp() => clock.GetTimestamp();

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = clock.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }
}
