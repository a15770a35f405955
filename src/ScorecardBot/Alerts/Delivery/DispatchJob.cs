using Quartz;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>
/// Sends what the outbox holds that is due: every Alerts:Delivery:PollInterval, and at once after an evaluation queues
/// messages (<see cref="QuartzOutboxTrigger"/>). Never two at once, on any instance sharing a PostgreSQL job store; a run
/// stopped by a shutdown leaves its unsent messages due for the next run, here or on another instance.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(OutboxDispatcher dispatcher) : IJob
{
    // The dispatcher logs what each run did ("Dispatch done"), for these runs and an admin's alike.
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}
