using System.Data.Common;
using System.Diagnostics.Metrics;
using ScorecardBot.Storage;

namespace ScorecardBot.Observability;

/// <summary>
/// The outbox's depth for the metrics gauge. A gauge is read on the exporter's thread and must not wait on the
/// database: it reports the last count read, and starts a fresh read (one at a time, capped at <see cref="Cap"/>
/// rows, over the outbox's state index) when that count is older than <see cref="MaxAge"/>.
/// </summary>
public sealed partial class OutboxDepth(OutboxStore outbox, TimeProvider clock, ILogger<OutboxDepth> logger)
{
    public const int Cap = 100_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private long _depth = -1;
    private long _readAt;
    private int _reading;

    public IEnumerable<Measurement<long>> Observe()
    {
        var readAt = Interlocked.Read(ref _readAt);
        if ((readAt == 0 || clock.GetElapsedTime(readAt) >= MaxAge) && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            _ = ReadAsync();
        }
        var depth = Interlocked.Read(ref _depth);
        return depth < 0 ? [] : [new Measurement<long>(depth)];
    }

    private async Task ReadAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeout, clock);
            Interlocked.Exchange(ref _depth, await outbox.CountWaitingAsync(dueBefore: null, Cap, timeout.Token));
        }
        catch (Exception e)
            when (e is DbException or InvalidOperationException or OperationCanceledException or StorageUnavailableException)
        {
            // The gauge goes quiet rather than report a stale count; readiness says why the store cannot answer.
            Interlocked.Exchange(ref _depth, -1);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var reason = e.GetBaseException().Message;
                Log.NotRead(logger, reason);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _readAt, clock.GetTimestamp());
            Interlocked.Exchange(ref _reading, 0);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "The outbox depth could not be read: {Reason}")]
        public static partial void NotRead(ILogger logger, string reason);
    }
}
