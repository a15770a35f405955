using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ScorecardBot.Storage;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>
/// Whether the outbox is being delivered: messages still unsent Alerts:Delivery:ReadyBacklogAge after they fell due
/// make the bot Degraded (it still answers), and more than Alerts:Delivery:ReadyBacklogCount of them Unhealthy. The
/// count stops one past the threshold, so a month-end backlog costs the probe no more than a small one.
/// </summary>
public sealed class OutboxReadyCheck(OutboxStore outbox, IOptions<AlertOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limits = options.Value.Delivery;
        if (limits.ReadyBacklogCount == 0)
            return HealthCheckResult.Healthy("The outbox backlog check is off (Alerts:Delivery:ReadyBacklogCount is 0).");
        int overdue;
        try
        {
            var dueBefore = clock.GetUtcNow().UtcDateTime - limits.ReadyBacklogAge;
            overdue = await outbox.CountWaitingAsync(dueBefore, limits.ReadyBacklogCount + 1, cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or StorageUnavailableException)
        {
            return HealthCheckResult.Unhealthy($"The outbox cannot be read: {e.GetBaseException().Message}");
        }
        var what = $"{(overdue > limits.ReadyBacklogCount ? "more than " + limits.ReadyBacklogCount : overdue)} outbox messages "
            + $"unsent {limits.ReadyBacklogAge} after they fell due";
        return overdue > limits.ReadyBacklogCount ? HealthCheckResult.Unhealthy(what)
            : overdue > 0 ? HealthCheckResult.Degraded(what)
            : HealthCheckResult.Healthy();
    }
}
