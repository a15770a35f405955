using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ScorecardBot.Alerts;

/// <summary>
/// Ready only while the scheduler runs: started, and neither in standby nor shut down. Without it no month-end
/// evaluation fires and the outbox is never polled, though every question is still answered.
/// </summary>
public sealed class SchedulerReadyCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = scheduler.Status;
        return status == SchedulerStatus.Running ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The scheduler is {status}: no month-end evaluation or outbox poll will run.");
    }
}
