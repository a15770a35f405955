using System.Data.Common;
using System.Threading.Channels;
using Polly;
using Polly.Retry;
using ScorecardBot.Storage;

namespace ScorecardBot.Conversation;

/// <summary>
/// Bot state written behind the turn. Every question turn rewrites its conversation's state, and on SQLite each of
/// those writes took the database's one write lock: at 32 concurrent chats the turns queued on it (Microsoft.Data.Sqlite
/// sleeps 150 ms a try while the file is busy) and p99 was 17 times the echo bot's. Here a plain write (no etag to
/// match: all the Bot Framework's own state writes) is kept in memory, answered at once with the etag it will have, and
/// written by one background writer that takes everything pending (the latest document per key) in one transaction.
/// <para>
/// Reads see pending documents over the database, so this instance never reads its own state stale; another instance
/// sees a write once it is flushed, a few milliseconds later, as a turn of the same conversation would reach it.
/// Conditional writes, deletes and purges go to the database at once, after what is pending. What is pending is written
/// when the host stops; a process killed outright loses at most the last moments of follow-up memory, which is all
/// bot state holds (figures and alerts never pass through here).
/// </para>
/// </summary>
public sealed partial class WriteBehindStateStore : IBotStateStore, IHostedService, IAsyncDisposable
{
    private readonly IBotStateStore _inner;
    private readonly TimeProvider _clock;
    private readonly ILogger<WriteBehindStateStore> _logger;
    private readonly int _maxPending;
    private readonly TimeSpan _delay;
    private readonly ResiliencePipeline _retry;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // One writer to the table at a time: the flush, a conditional write, a delete.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private int _stopped;

    public WriteBehindStateStore(IBotStateStore inner, TimeProvider clock, ConversationOptions options, ILogger<WriteBehindStateStore> logger)
    {
        _inner = inner;
        _clock = clock;
        _logger = logger;
        _maxPending = options.WriteBehindMaxPending;
        _delay = options.WriteBehindDelay;
        _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DbException>().Handle<TimeoutException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(30),
                UseJitter = true,
                OnRetry = args =>
                {
                    Log.WriteRetrying(_logger, PendingCount, args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Documents written to this store and not yet to the database.</summary>
    public int PendingCount
    {
        get { lock (_gate) return _pending.Count; }
    }

    public async Task<IReadOnlyDictionary<string, BotStateDocument>> ReadAsync(
        IReadOnlyCollection<string> keys, DateTime updatedSinceUtc, CancellationToken cancellationToken = default)
    {
        var stored = await _inner.ReadAsync(keys, updatedSinceUtc, cancellationToken);
        // Taken after the read: a document flushed meanwhile has left pending but is then in what was read, or newer.
        lock (_gate)
        {
            if (_pending.Count == 0) return stored;
            Dictionary<string, BotStateDocument>? merged = null;
            foreach (var key in keys)
            {
                // Pending, but older than asked for (the conversation went quiet before the writer ran): what is stored
                // is older still, so the key reads as absent, as it would from the database.
                if (!_pending.TryGetValue(key, out var pending) || pending.Document.UpdatedAtUtc < updatedSinceUtc) continue;
                merged ??= new Dictionary<string, BotStateDocument>(stored, StringComparer.Ordinal);
                merged[key] = pending.Document;
            }
            return merged ?? stored;
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(
        IReadOnlyCollection<BotStateWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Any(w => w.IfMatch is not null) || _stopping.IsCancellationRequested) return await WriteNowAsync(writes, cancellationToken);

        foreach (var write in writes) BotStateStore.CheckKey(write.Key);
        var now = _clock.GetUtcNow().UtcDateTime;
        var etags = new Dictionary<string, string>(writes.Count, StringComparer.Ordinal);
        bool full;
        lock (_gate)
        {
            foreach (var write in writes)
            {
                var etag = BotStateStore.NewETag();
                _pending[write.Key] = new Pending(write with { ETag = etag, WrittenAtUtc = now }, new BotStateDocument(write.Key, write.Json, etag, now));
                etags[write.Key] = etag;
            }
            full = _pending.Count >= _maxPending;
        }
        _wake.Writer.TryWrite(true);
        // The writer has fallen behind (the database is slow or down): this turn waits for it rather than memory growing.
        if (full) await FlushAsync(cancellationToken);
        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                foreach (var key in keys) _pending.Remove(key);
            }
            await _inner.DeleteAsync(keys, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<int> PurgeAsync(DateTime updatedBeforeUtc, CancellationToken cancellationToken = default)
    {
        // Pending documents are newer than anything a purge deletes; flushing first keeps them out of its way.
        await FlushAsync(cancellationToken);
        return await _inner.PurgeAsync(updatedBeforeUtc, cancellationToken);
    }

    /// <summary>Writes everything pending now, in one transaction, waiting its turn behind the background writer.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await FlushPendingAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> WriteNowAsync(
        IReadOnlyCollection<BotStateWrite> writes, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // What is pending for these keys was written first, and the etag being matched may be one of its etags.
            await FlushPendingAsync(cancellationToken);
            return await _inner.WriteAsync(writes, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task FlushPendingAsync(CancellationToken cancellationToken)
    {
        Pending[] batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            batch = [.. _pending.Values];
        }
        await _inner.WriteAsync(batch.Select(p => p.Write).ToArray(), cancellationToken);
        lock (_gate)
        {
            // A key written again while the batch was on its way keeps its newer document.
            foreach (var written in batch)
            {
                if (_pending.TryGetValue(written.Write.Key, out var now) && ReferenceEquals(now, written)) _pending.Remove(written.Write.Key);
            }
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stopping))
            {
                // A moment's wait gathers the turns around this one into the same transaction.
                if (_delay > TimeSpan.Zero) await Task.Delay(_delay, _clock, stopping);
                _wake.Reader.TryRead(out _);
                await _retry.ExecuteAsync(async ct => await FlushAsync(ct), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Anything but the database being unavailable (which the retry waits out) is a fault in this class; writes
            // carry on synchronously rather than pile up unwritten.
            Log.WriterStopped(_logger, e);
            _stopping.Cancel();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops the writer and writes what is pending, within the host's shutdown time.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host stops it, and the container disposes it after; either may come first, or alone.
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _stopping.CancelAsync();
        await _loop;
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or OperationCanceledException or TimeoutException)
        {
            Log.NotWrittenAtStop(_logger, PendingCount, e);
        }
    }

    // The semaphore and the token source hold no wait handle, so leaving them to the collector is safe, and a late
    // turn finishing after disposal still finds them working.
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private sealed record Pending(BotStateWrite Write, BotStateDocument Document);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} bot state documents; trying again in {Delay}")]
        public static partial void WriteRetrying(ILogger logger, int count, TimeSpan delay, Exception? exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "The bot state writer stopped; state is now written during each turn")]
        public static partial void WriterStopped(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Count} bot state documents were not written before the bot stopped")]
        public static partial void NotWrittenAtStop(ILogger logger, int count, Exception exception);
    }
}
