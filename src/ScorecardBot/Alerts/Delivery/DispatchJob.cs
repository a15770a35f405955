using Quartz;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>
/// Sends what the outbox holds that is due: every Alerts:Delivery:PollInterval, and at once after an evaluation queues
/// messages (<see cref="QuartzOutboxTrigger"/>). Never two at once, on any instance sharing a PostgreSQL job store; a run
/// stopped by a shutdown leaves its unsent messages due for the next run, here or on another instance.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(OutboxDispatcher dispatcher, ILogger<DispatchJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await dispatcher.DispatchDueAsync(cancellationToken);
        if (report.Attempts == 0 && report.InDoubt == 0) return;
        logger.LogInformation(
            "Outbox: {Sent} sent, {Retrying} to try again, {Failed} failed, {Gone} to conversations the bot has left, {InDoubt} in doubt, in {Attempts} sends",
            report.Sent, report.Retrying, report.Failed, report.Gone, report.InDoubt, report.Attempts);
    }
}
