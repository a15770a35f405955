using Quartz;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>
/// Sends what the outbox holds that is due: every Alerts:Delivery:PollInterval, and at once after an evaluation queues
/// messages (<see cref="QuartzOutboxTrigger"/>). Never two at once, on any instance sharing a PostgreSQL job store; a run
/// stopped by a shutdown leaves its unsent messages due for the next run, here or on another instance.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DispatchJob(OutboxDispatcher dispatcher, ILogger<DispatchJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await dispatcher.DispatchDueAsync(cancellationToken);
        if (report.Attempts == 0 && report.InDoubt == 0) return;
        Log.Dispatched(logger, report.Sent, report.Retrying, report.Failed, report.Gone, report.InDoubt, report.Attempts);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Sent} sent, {Retrying} to try again, {Failed} failed, {Gone} to conversations the bot has left, {InDoubt} in doubt, in {Attempts} sends")]
        public static partial void Dispatched(ILogger logger, int sent, int retrying, int failed, int gone, int inDoubt, int attempts);
    }
}
