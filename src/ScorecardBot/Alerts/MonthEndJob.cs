using Microsoft.Extensions.Options;
using Quartz;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Alerts;

/// <summary>
/// The scheduled month-end evaluation (Alerts:Schedule in Alerts:TimeZone): from the figures' due day on, the month
/// before is evaluated and its alerts queued, and on the due day itself the leads' reminders; the outbox then sends them. Running it again queues nothing
/// new, so a re-run, a recovered run after a restart, or a fire on another instance is harmless; on PostgreSQL the
/// clustered job store fires it on one instance only.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MonthEndJob(AlertEvaluator evaluator, IOutboxTrigger trigger, TimeProvider clock, IOptions<AlertOptions> options, ILogger<MonthEndJob> logger) : IJob
{
    public static readonly JobKey Key = new("month-end-evaluation", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        if (MonthEndSchedule.MonthToEvaluate(now, zone, options.Value.FiguresDueDay) is not { } month)
        {
            Log.NotDueYet(logger, options.Value.FiguresDueDay);
            return;
        }
        // Reminders go to leads on the due day itself; later runs still evaluate the month, but remind no one.
        var reminders = MonthEndSchedule.IsDueDay(now, zone, options.Value.FiguresDueDay);
        var run = await evaluator.RunAsync(month, reminders, $"scheduled {context.FireInstanceId}", cancellationToken);
        Log.Evaluated(logger, month, run.Slipped.Count, run.Deliveries.Count);
        if (run.Deliveries.Count > 0) await trigger.TriggerAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Month-end evaluation: before day {DueDay}, nothing to evaluate yet")]
        public static partial void NotDueYet(ILogger logger, int dueDay);

        [LoggerMessage(Level = LogLevel.Information, Message = "Month-end evaluation of {Month}: {Slipped} measures outside target, messages queued for {Conversations} conversations")]
        public static partial void Evaluated(ILogger logger, YearMonth month, int slipped, int conversations);
    }
}

/// <summary>Starts the outbox's delivery job now, through the scheduler, so it still runs on one instance at a time.</summary>
public sealed class QuartzOutboxTrigger(ISchedulerFactory schedulers) : IOutboxTrigger
{
    public static readonly JobKey DispatchKey = new("outbox-dispatch", "alerts");

    public async Task TriggerAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.Exists(DispatchKey, cancellationToken)) await scheduler.TriggerJob(DispatchKey, new JobDataMap(), cancellationToken);
    }
}
