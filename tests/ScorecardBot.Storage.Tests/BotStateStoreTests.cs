using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ScorecardBot.Storage.Tests;

/// <summary>
/// The bot state store's behaviours, written once and run against each provider by the subclasses: every test gets
/// its own migrated, empty database.
/// </summary>
public abstract class BotStateStoreTests : IAsyncLifetime
{
    private const string Key = "msteams/conversations/a:1conversation/users/29:1user";
    private static readonly DateTime Always = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    private StorageOptions Options { get; set; } = null!;

    private BotStateStore Store { get; set; } = null!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Options for a new, empty database of this provider (not migrated).</summary>
    protected abstract Task<StorageOptions> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync()
    {
        Options = await CreateEmptyDatabaseAsync();
        var database = new ScorecardDatabase(Options);
        await database.MigrateAsync();
        Store = new BotStateStore(database, Clock);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> WriteAsync(string key, string json, string? ifMatch = null) =>
        (await Store.WriteAsync([new BotStateWrite(key, json, ifMatch)]))[key];

    private async Task<BotStateDocument?> ReadAsync(string key, DateTime? updatedSinceUtc = null) =>
        (await Store.ReadAsync([key], updatedSinceUtc ?? Always)).GetValueOrDefault(key);

    [Fact]
    public async Task Reading_keys_that_were_never_written_finds_nothing()
    {
        var found = await Store.ReadAsync([Key, "msteams/users/29:1user"], Always);

        Assert.Empty(found);
    }

    [Fact]
    public async Task A_document_reads_back_as_written_with_its_etag_and_the_time_of_the_write()
    {
        var etag = await WriteAsync(Key, """{"last":"hotline calls in June"}""");

        var document = await ReadAsync(Key);

        Assert.NotNull(document);
        Assert.Equal(Key, document.Key);
        Assert.Equal("""{"last":"hotline calls in June"}""", document.Json);
        Assert.Equal(etag, document.ETag);
        Assert.Equal(Now, document.UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, document.UpdatedAtUtc.Kind);
    }

    [Fact]
    public async Task Reading_several_keys_returns_only_those_stored()
    {
        await Store.WriteAsync([new BotStateWrite("a", "1"), new BotStateWrite("c", "3")]);

        var found = await Store.ReadAsync(["a", "b", "c", "a"], Always);

        Assert.Equal(["a", "c"], found.Keys.Order());
        Assert.Equal(["1", "3"], found.OrderBy(f => f.Key).Select(f => f.Value.Json));
    }

    [Fact]
    public async Task Writing_again_without_an_etag_replaces_the_document_and_gives_it_a_new_etag()
    {
        var first = await WriteAsync(Key, "1");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var second = await WriteAsync(Key, "2");

        var document = await ReadAsync(Key);
        Assert.NotNull(document);
        Assert.NotEqual(first, second);
        Assert.Equal(("2", second, Now), (document.Json, document.ETag, document.UpdatedAtUtc));
    }

    [Fact]
    public async Task A_write_holding_the_current_etag_replaces_the_document()
    {
        var etag = await WriteAsync(Key, "1");

        var next = await WriteAsync(Key, "2", ifMatch: etag);

        var document = await ReadAsync(Key);
        Assert.NotNull(document);
        Assert.NotEqual(etag, next);
        Assert.Equal(("2", next), (document.Json, document.ETag));
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_the_first_wins_and_the_second_is_refused()
    {
        var etag = await WriteAsync(Key, "read by both");

        await WriteAsync(Key, "first", ifMatch: etag);
        var refused = await Assert.ThrowsAsync<BotStateConflictException>(
            () => WriteAsync(Key, "second", ifMatch: etag));

        Assert.Equal(Key, refused.Key);
        Assert.Equal("first", (await ReadAsync(Key))?.Json);
    }

    [Fact]
    public async Task Of_two_bot_instances_writing_at_once_with_the_same_etag_exactly_one_succeeds()
    {
        // Two stores are two bot instances: they share only the database.
        var other = new BotStateStore(new ScorecardDatabase(Options), Clock);
        for (var round = 0; round < 10; round++)
        {
            var etag = await WriteAsync(Key, "start");

            var attempts = await Task.WhenAll(
                Task.Run(() => TryWriteAsync(Store, "instance one", etag)),
                Task.Run(() => TryWriteAsync(other, "instance two", etag)));

            var winner = Assert.Single(attempts, a => a is not null);
            Assert.Equal(winner, (await ReadAsync(Key))?.Json);
        }
    }

    private static async Task<string?> TryWriteAsync(BotStateStore store, string json, string etag)
    {
        try
        {
            await store.WriteAsync([new BotStateWrite(Key, json, etag)]);
            return json;
        }
        catch (BotStateConflictException)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_write_holding_an_etag_is_refused_when_nothing_is_stored_under_its_key()
    {
        var etag = await WriteAsync(Key, "1");
        await Store.DeleteAsync([Key]);

        await Assert.ThrowsAsync<BotStateConflictException>(() => WriteAsync(Key, "2", ifMatch: etag));

        Assert.Null(await ReadAsync(Key));
    }

    [Fact]
    public async Task A_refused_write_leaves_every_document_of_its_batch_unwritten()
    {
        var etag = await WriteAsync("conversation", "old");
        await WriteAsync("conversation", "newer");

        await Assert.ThrowsAsync<BotStateConflictException>(() => Store.WriteAsync(
        [
            new BotStateWrite("user", "new user"),
            new BotStateWrite("conversation", "stale", etag),
        ]));

        Assert.Null(await ReadAsync("user"));
        Assert.Equal("newer", (await ReadAsync("conversation"))?.Json);
    }

    [Fact]
    public async Task Delete_removes_the_named_keys_only_and_ignores_keys_with_nothing_stored()
    {
        await Store.WriteAsync([new BotStateWrite("a", "1"), new BotStateWrite("b", "2")]);

        await Store.DeleteAsync(["a", "never written"]);

        Assert.Equal(["b"], (await Store.ReadAsync(["a", "b", "never written"], Always)).Keys);
    }

    [Fact]
    public async Task A_document_written_before_the_cutoff_reads_as_absent_until_it_is_written_again()
    {
        await WriteAsync(Key, "1");
        var writtenAt = Now;
        Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.NotNull(await ReadAsync(Key, updatedSinceUtc: writtenAt));
        // PostgreSQL keeps microseconds, so the next instant that both providers tell apart is a microsecond on.
        Assert.Null(await ReadAsync(Key, updatedSinceUtc: writtenAt.AddMicroseconds(1)));

        await WriteAsync(Key, "2");
        Assert.Equal("2", (await ReadAsync(Key, updatedSinceUtc: Now))?.Json);
    }

    [Fact]
    public async Task Purge_deletes_the_documents_written_before_the_cutoff_and_counts_them()
    {
        await Store.WriteAsync([new BotStateWrite("oldest", "1"), new BotStateWrite("old", "2")]);
        Clock.Advance(TimeSpan.FromMinutes(20));
        var cutoff = Now;
        await WriteAsync("fresh", "3");
        Clock.Advance(TimeSpan.FromMinutes(20));

        var purged = await Store.PurgeAsync(cutoff);
        var again = await Store.PurgeAsync(cutoff);

        Assert.Equal(2, purged);
        Assert.Equal(0, again);
        Assert.Equal(["fresh"], (await Store.ReadAsync(["oldest", "old", "fresh"], Always)).Keys);
    }

    [Fact]
    public async Task Times_that_are_not_utc_are_refused_rather_than_compared_wrongly()
    {
        var local = DateTime.SpecifyKind(Now, DateTimeKind.Unspecified);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadAsync([Key], local));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PurgeAsync(local));
    }

    [Fact]
    public async Task A_key_of_the_largest_size_round_trips_and_a_longer_one_is_refused_before_anything_is_written()
    {
        // Teams personal-chat ids alone pass 255 characters; this key is all the store allows, mostly two-byte letters.
        const string prefix = "msteams/conversations/a:1";
        var letters = string.Concat(Enumerable.Repeat("é", 1000));
        var largest = prefix + letters + new string('x', BotStateStore.MaxKeyBytes - 2000 - prefix.Length);
        var tooLong = largest + "x";
        Assert.Equal(BotStateStore.MaxKeyBytes, Encoding.UTF8.GetByteCount(largest));

        await WriteAsync(largest, "largest");
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.WriteAsync([new BotStateWrite("other", "1"), new BotStateWrite(tooLong, "2")]));

        Assert.Equal("largest", (await ReadAsync(largest))?.Json);
        Assert.Empty(await Store.ReadAsync(["other", tooLong], Always));
    }

    [Fact]
    public async Task Unicode_keys_and_documents_round_trip_exactly_and_keys_differ_by_every_character()
    {
        string[] keys =
        [
            "msteams/conversations/19:会議@thread.v2/users/29:ユーザー",
            "msteams/conversations/a:مرحبا/users/😀",
            "café",                 // é as one code point
            "cafe\u0301",           // é as e and a combining accent: another key
            "CAFÉ",
            "!@#$%^&*()~/\\><,.?';\"`~ ",
        ];
        var documents = keys
            .Select((k, i) => new BotStateWrite(k, $$"""{"text":"{{i}}: Ünïcödé ✓ 𝄞 \u0000 end"}"""))
            .ToList();

        await Store.WriteAsync(documents);

        var found = await Store.ReadAsync(keys, Always);
        Assert.Equal(keys.Length, found.Count);
        Assert.All(documents, d => Assert.Equal(d.Json, found[d.Key].Json));
    }
}
