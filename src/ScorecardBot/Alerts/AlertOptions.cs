using ScorecardBot.Extensions;

namespace ScorecardBot.Alerts;

/// <summary>Bound from "Alerts": when the month-end evaluation runs, and how proactive messages are delivered.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>A cron expression (seconds minutes hours day-of-month month day-of-week, Quartz form), in <see cref="TimeZone"/>.</summary>
    public string Schedule { get; set; } = "0 0 9 * * ?";

    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>From this day of a month on, the previous month is evaluated (figures are due by then).</summary>
    public int FiguresDueDay { get; set; } = 5;

    public DeliveryLimits Delivery { get; set; } = new();
}

/// <summary>Teams' limits on proactive messages, and how hard the outbox tries.</summary>
public sealed class DeliveryLimits
{
    /// <summary>Teams allows a bot 7 messages a second into one conversation.</summary>
    public int PerConversationPerSecond { get; set; } = 7;

    /// <summary>And 60 messages in any 30 seconds into one conversation.</summary>
    public int PerConversationPer30Seconds { get; set; } = 60;

    /// <summary>And 50 messages a second across one tenant.</summary>
    public int PerTenantPerSecond { get; set; } = 50;

    /// <summary>Tries before a message is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long one send may take before it counts as failed and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The median first wait after a server error or no answer; later waits double, with jitter (Polly's exponential
    /// backoff). One second, as Company Communicator's sends: a month-end fan-out's last retries end it.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many messages are sent at once (each conversation keeps its own limits).</summary>
    public int Parallelism { get; set; } = 32;

    /// <summary>How often the outbox is looked at for messages due (besides straight after an evaluation).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A message still unsent this long after it fell due means delivery is stuck (the dispatcher is not running, or
    /// Teams keeps refusing): /health/ready reports Degraded while any is, and Unhealthy past <see cref="ReadyBacklogCount"/>.
    /// </summary>
    public TimeSpan ReadyBacklogAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>More messages than this overdue by <see cref="ReadyBacklogAge"/> make the bot not ready (503); 0 turns the check off.</summary>
    public int ReadyBacklogCount { get; set; } = 100;
}

public sealed class AlertSettingsValidator : SettingsValidator<AlertOptions>
{
    protected override void Check(AlertOptions options, SettingsProblems problems)
    {
        if (!IsCron(options.Schedule))
            problems.Add("Alerts:Schedule", $"'{options.Schedule}' is not a cron expression (e.g. \"0 0 9 * * ?\" for 09:00 daily).");
        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
            problems.Add("Alerts:TimeZone", $"'{options.TimeZone}' is not a known time zone.");
        if (options.FiguresDueDay is < 1 or > 28) problems.Add("Alerts:FiguresDueDay", $"{options.FiguresDueDay} must be a day from 1 to 28.");
        var d = options.Delivery;
        if (d.PerConversationPerSecond < 1) problems.Add("Alerts:Delivery:PerConversationPerSecond", "it must be at least 1.");
        if (d.PerConversationPer30Seconds < 1) problems.Add("Alerts:Delivery:PerConversationPer30Seconds", "it must be at least 1.");
        if (d.PerTenantPerSecond < 1) problems.Add("Alerts:Delivery:PerTenantPerSecond", "it must be at least 1.");
        if (d.MaxAttempts is < 1 or > 50) problems.Add("Alerts:Delivery:MaxAttempts", $"{d.MaxAttempts} must be from 1 to 50.");
        if (d.AttemptTimeout <= TimeSpan.Zero) problems.Add("Alerts:Delivery:AttemptTimeout", "it must be more than zero.");
        if (d.RetryBaseDelay < TimeSpan.Zero) problems.Add("Alerts:Delivery:RetryBaseDelay", "it cannot be negative.");
        if (d.Parallelism is < 1 or > 512) problems.Add("Alerts:Delivery:Parallelism", $"{d.Parallelism} must be from 1 to 512.");
        if (d.PollInterval <= TimeSpan.Zero) problems.Add("Alerts:Delivery:PollInterval", "it must be more than zero.");
        if (d.ReadyBacklogAge <= TimeSpan.Zero) problems.Add("Alerts:Delivery:ReadyBacklogAge", "it must be more than zero.");
        if (d.ReadyBacklogCount is < 0 or > 1_000_000)
            problems.Add("Alerts:Delivery:ReadyBacklogCount", $"{d.ReadyBacklogCount} must be from 0 (no check) to 1000000.");
    }

    private static bool IsCron(string? expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression ?? "");
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
