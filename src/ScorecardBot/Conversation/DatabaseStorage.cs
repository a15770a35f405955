using System.Data.Common;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using ScorecardBot.Storage;

namespace ScorecardBot.Conversation;

/// <summary>
/// The Bot Framework's storage over the scorecard database: state survives restarts and is shared by every instance
/// of the bot. It keeps the contract of the SDK's own storages: a read returns only the keys present; an
/// <see cref="IStoreItem"/>'s etag is checked ("*" or none: the last write wins) and renewed by every write; a stale
/// one throws <see cref="InvalidOperationException"/>, as BlobsStorage does. State older than
/// <see cref="ConversationOptions.StateExpiry"/> reads as absent.
/// </summary>
public sealed partial class DatabaseStorage(
    IBotStateStore store,
    StateSerializer serializer,
    TimeProvider clock,
    IOptions<ConversationOptions> options,
    ILogger<DatabaseStorage> logger) : IStorage
{
    private readonly TimeSpan _expiry = options.Value.StateExpiry;
    private readonly TimeSpan _purgeInterval = options.Value.StatePurgeInterval;

    // UTC ticks before which this instance does not purge again; zero, so the first write after a start purges.
    private long _nextPurgeTicks;

    public async Task<IDictionary<string, object>> ReadAsync(
        string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0) return items;

        var documents = await store.ReadAsync(keys, FreshSince(clock.GetUtcNow().UtcDateTime), cancellationToken);
        foreach (var (key, document) in documents)
        {
            var item = Deserialize(document);
            if (item is null) continue;
            // The etag lives beside the document, as in BlobsStorage; whatever the JSON says of it is older.
            if (item is IStoreItem storeItem) storeItem.ETag = document.ETag;
            items[key] = item;
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;

        var writes = changes
            .Select(c => new BotStateWrite(
                c.Key, serializer.Serialize(c.Value ?? throw NullValue(c.Key, nameof(changes))), IfMatch(c.Value)))
            .ToList();
        try
        {
            await store.WriteAsync(writes, cancellationToken);
        }
        catch (BotStateConflictException e)
        {
            throw new InvalidOperationException($"Etag conflict: {e.Message}", e);
        }
        await PurgeIfDueAsync(cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return store.DeleteAsync(keys, cancellationToken);
    }

    // "*" and an empty etag write over whatever is there, as in BlobsStorage.
    private static string? IfMatch(object value) =>
        value is IStoreItem { ETag: { Length: > 0 } etag } && etag != "*" ? etag : null;

    private static ArgumentException NullValue(string key, string paramName) =>
        new($"The state to write under '{key}' is null; delete the key instead.", paramName);

    private DateTime FreshSince(DateTime now) => now - _expiry;

    private object? Deserialize(BotStateDocument document)
    {
        try
        {
            return serializer.Deserialize(document.Json);
        }
        catch (JsonException e)
        {
            // State is only what a conversation remembers: one unreadable document (a type renamed since, or one not
            // allowed) must not fail every turn of that conversation until it expires.
            Log.Unreadable(logger, document.Key, e);
            return null;
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = Interlocked.Read(ref _nextPurgeTicks);
        // Of writes at the same moment, the one that moves the time on purges; the others do not wait for it.
        var next = (now + _purgeInterval).Ticks;
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, next, due) != due) return;
        try
        {
            var purged = await store.PurgeAsync(FreshSince(now), cancellationToken);
            if (purged > 0) Log.Purged(logger, purged);
        }
        catch (Exception e) when (e is DbException or OperationCanceledException)
        {
            // The write itself is done, so it must not look failed; the purge is tried again after the interval.
            Log.PurgeFailed(logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Bot state under {Key} cannot be read and is treated as absent")]
        public static partial void Unreadable(ILogger logger, string key, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired bot state documents")]
        public static partial void Purged(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not purge expired bot state")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
