using System.Threading.RateLimiting;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>
/// Teams' limits on proactive messages as permits: per conversation 7 in any second and 60 in any 30 seconds, per
/// tenant 50 in any second (the counts from <see cref="DeliveryLimits"/>). Each limit is a concurrency limiter
/// partitioned by conversation or tenant, and a permit is held from before the send until one window after Teams
/// answered it. So any window holds no more sends than the limit however long a send takes or however late it leaves:
/// an exact sliding window, where the library's segmented window limiters only approximate one and replenish on their
/// own Stopwatch clock. The windows run on the app's TimeProvider.
/// </summary>
public sealed class SendPermits : IAsyncDisposable
{
    /// <summary>
    /// A little more than a window, as a timer may fire up to a millisecond early. Teams' own clock needs none: a send
    /// arrives before its answer comes back, and the next leaves after the permit returns.
    /// </summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(5);

    private readonly TimeProvider _clock;
    private readonly (PartitionedRateLimiter<ConversationRecord> Limiter, TimeSpan Window)[] _chain;

    public SendPermits(DeliveryLimits limits, TimeProvider clock)
    {
        _clock = clock;
        // Waited for in this order: a conversation waiting for its own permits holds none of its tenant's.
        _chain =
        [
            (PerKey(c => $"{c.Id}", limits.PerConversationPerSecond), TimeSpan.FromSeconds(1)),
            (PerKey(c => $"{c.Id}", limits.PerConversationPer30Seconds), TimeSpan.FromSeconds(30)),
            (PerKey(c => c.TenantId ?? "", limits.PerTenantPerSecond), TimeSpan.FromSeconds(1)),
        ];
    }

    /// <summary>
    /// Waits, first come first served, until one more send to the conversation keeps every window within its limit.
    /// The library's chained limiter would return every permit at once; here each goes back after its own window.
    /// </summary>
    public async Task<Permit> AcquireAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        var held = new List<(RateLimitLease Lease, TimeSpan Window)>(_chain.Length);
        try
        {
            foreach (var (limiter, window) in _chain)
            {
                var lease = await limiter.AcquireAsync(conversation, 1, cancellationToken);
                if (!lease.IsAcquired)
                {
                    lease.Dispose();
                    throw new InvalidOperationException("A send permit was refused: the limiter was disposed.");
                }
                held.Add((lease, window));
            }
        }
        catch
        {
            foreach (var (lease, _) in held) lease.Dispose();
            throw;
        }
        return new Permit(held, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (limiter, _) in _chain) await limiter.DisposeAsync();
    }

    private static PartitionedRateLimiter<ConversationRecord> PerKey(Func<ConversationRecord, string> key, int limit) =>
        PartitionedRateLimiter.Create<ConversationRecord, string>(c => RateLimitPartition.GetConcurrencyLimiter(key(c), _ =>
            new ConcurrencyLimiterOptions
            {
                PermitLimit = limit, QueueLimit = int.MaxValue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));

    /// <summary>The permits for one send.</summary>
    public sealed class Permit(IReadOnlyList<(RateLimitLease Lease, TimeSpan Window)> held, TimeProvider clock)
    {
        /// <summary>Nothing was sent: the permits go straight back.</summary>
        public void Return()
        {
            foreach (var (lease, _) in held) lease.Dispose();
        }

        /// <summary>
        /// Teams has answered: each permit goes back one window (and the margin) from now, or after the wait Teams asked
        /// for if that is longer, so a 429 also slows the conversation's and the tenant's next sends.
        /// </summary>
        public void ReturnAfterAnswer(TimeSpan? retryAfter)
        {
            foreach (var (lease, window) in held)
            {
                var hold = window + Margin;
                _ = ReturnLaterAsync(lease, retryAfter > hold ? retryAfter.Value : hold);
            }
        }

        private async Task ReturnLaterAsync(RateLimitLease lease, TimeSpan hold)
        {
            await Task.Delay(hold, clock);
            lease.Dispose();
        }
    }
}
