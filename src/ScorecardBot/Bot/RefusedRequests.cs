using System.Collections.Concurrent;

namespace ScorecardBot.Bot;

/// <summary>
/// Counts requests refused before a turn, by reason, and says so at Warning: the first of each reason at once, then
/// at most one line a minute with the count since, so a flood costs a few log lines, never one per request. A failure
/// of ours (signing keys that cannot be fetched) is logged with its stack trace once per cause, not per request.
/// Nothing from the request body is ever logged.
/// </summary>
public sealed partial class RefusedRequests(TimeProvider clock, ILogger<RefusedRequests> logger)
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(1);
    private const int MaxCauses = 64;

    private readonly ConcurrentDictionary<string, Tally> _tallies = new();
    private readonly ConcurrentDictionary<string, byte> _causesLogged = new();

    public void Refused(int status, string reason, string path = "/api/messages")
    {
        var tally = _tallies.GetOrAdd(reason, _ => new Tally());
        var total = Interlocked.Increment(ref tally.Total);
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref tally.ReportedAt);
        var due = last == 0 || clock.GetElapsedTime(last, now) >= ReportInterval;
        if (!due || Interlocked.CompareExchange(ref tally.ReportedAt, now, last) != last) return;
        var since = total - Interlocked.Exchange(ref tally.Reported, total);
        Log.Refused(logger, since, path, status, reason, total);
    }

    /// <summary>A failure on our side behind a refusal: the first of each cause with its stack trace, later ones without.</summary>
    public void Failed(Exception exception, int status, string reason)
    {
        var cause = Innermost(exception);
        var key = $"{cause.GetType().FullName}: {cause.Message}";
        if (_causesLogged.Count < MaxCauses && _causesLogged.TryAdd(key, 0))
            Log.Failed(logger, status, reason, key, exception);
        Refused(status, reason);
    }

    public static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private sealed class Tally
    {
        public long Total;
        public long Reported;
        public long ReportedAt;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} request(s) to {Path} with {Status} ({Reason}); {Total} refused for this reason so far")]
        public static partial void Refused(ILogger logger, long count, string path, int status, string reason, long total);

        [LoggerMessage(Level = LogLevel.Error, Message = "Answered {Status} ({Reason}): {Cause}; later requests with this cause are only counted")]
        public static partial void Failed(ILogger logger, int status, string reason, string cause, Exception exception);
    }
}
