using Microsoft.Extensions.Options;
using Quartz;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.Storage;

namespace ScorecardBot.Alerts;

/// <summary>
/// The scheduled work, on Quartz.NET: the month-end evaluation on Alerts:Schedule in Alerts:TimeZone, and the outbox's
/// delivery every Alerts:Delivery:PollInterval (and on demand after an evaluation). On PostgreSQL
/// the job store is persistent and clustered, so several instances run each fire once; on SQLite one instance keeps it
/// in memory (SQLite cannot be clustered). Quartz takes the app's TimeProvider from the container.
/// </summary>
public static class AlertScheduling
{
    public static readonly TriggerKey OutboxPollTrigger = new("outbox-poll", "alerts");
    public static readonly TriggerKey MonthEndTrigger = new("month-end-schedule", "alerts");

    public static void AddAlertScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"], ignoreCase: true, out var provider)
            && provider == StorageProvider.Postgres;
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName)
            ?? configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"];
        services.AddQuartz(quartz =>
        {
            if (postgres && !string.IsNullOrWhiteSpace(connectionString))
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer(_ => { });
                    store.UseClustering(_ => { });
                    store.ProvisionSchema();
                });
            }
            else
            {
                quartz.UseInMemoryStore(_ => { });
            }
            quartz.AddJob<MonthEndJob>(job => job.WithIdentity(MonthEndJob.Key).StoreDurably());
            quartz.AddJob<DispatchJob>(job => job.WithIdentity(QuartzOutboxTrigger.DispatchKey).StoreDurably());
            // Built when the scheduler starts, from the settings as bound (AlertSettingsValidator has refused a schedule,
            // time zone or interval that is not valid before then), on the app's clock.
            quartz.AddTrigger((services, trigger) =>
            {
                var options = services.GetRequiredService<IOptions<AlertOptions>>().Value;
                var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
                trigger.ForJob(MonthEndJob.Key).WithIdentity(MonthEndTrigger)
                    .WithCronSchedule(options.Schedule, schedule => schedule.InTimeZone(zone));
            });
            // First one interval after the start: what a stopped instance left unsent goes then.
            quartz.AddTrigger((services, trigger) =>
            {
                var poll = services.GetRequiredService<IOptions<AlertOptions>>().Value.Delivery.PollInterval;
                trigger.ForJob(QuartzOutboxTrigger.DispatchKey).WithIdentity(OutboxPollTrigger)
                    .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + poll)
                    .WithSimpleSchedule(every => every.WithInterval(poll).RepeatForever().MeasureIntervalFromCompletion(true)
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }
}
