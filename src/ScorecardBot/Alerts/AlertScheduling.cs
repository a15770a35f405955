using Quartz;
using ScorecardBot.Storage;

namespace ScorecardBot.Alerts;

/// <summary>
/// The scheduled work, on Quartz.NET: the month-end evaluation on Alerts:Schedule in Alerts:TimeZone. On PostgreSQL
/// the job store is persistent and clustered, so several instances run each fire once; on SQLite one instance keeps it
/// in memory (SQLite cannot be clustered). Quartz takes the app's TimeProvider from the container.
/// </summary>
public static class AlertScheduling
{
    public static void AddAlertScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        // Read as text: a setting that is not valid is reported at start by its validator, never thrown here.
        var schedule = configuration[$"{AlertOptions.Section}:{nameof(AlertOptions.Schedule)}"] ?? new AlertOptions().Schedule;
        var timeZone = configuration[$"{AlertOptions.Section}:{nameof(AlertOptions.TimeZone)}"] ?? new AlertOptions().TimeZone;
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
            // A schedule or time zone that is not valid is reported at start by AlertSettingsValidator, which stops the bot.
            if (Cron(schedule) is { } cron && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
            {
                quartz.AddTrigger(trigger => trigger.ForJob(MonthEndJob.Key).WithIdentity("month-end-schedule", "alerts")
                    .WithCronSchedule(cron, schedule => schedule.InTimeZone(zone)));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    private static CronExpression? Cron(string? expression)
    {
        try
        {
            return new CronExpression(expression ?? "");
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
