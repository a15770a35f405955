using Microsoft.Extensions.Options;
using ScorecardBot.Cards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;
using ScorecardBot.Submissions;

namespace ScorecardBot.Alerts;

/// <summary>
/// The month-end evaluation: which measures are more than their band outside target for a month, and who should hear
/// of each — every active subscribed conversation, and the owning command's leads in their own chats — plus reminders
/// to leads whose command has no figures for the month. Running it only queues: one card per conversation, claimed
/// against the delivery keys so nothing is told twice; the outbox sends.
/// </summary>
public sealed class AlertEvaluator(
    ConversationStore conversations,
    OutboxStore outbox,
    ScorecardSnapshotProvider snapshots,
    Roles roles,
    CardRenderer renderer,
    IOptions<AlertOptions> options)
{
    public const string AlertKind = "alert";
    public const string ReminderKind = "reminder";

    /// <summary>What a run for the month would queue, leaving out what each conversation was told before; nothing is queued.</summary>
    public async Task<AlertRunView> PreviewAsync(YearMonth month, bool reminders, CancellationToken cancellationToken)
    {
        var (slipped, plan, _) = await PlanAsync(month, reminders, cancellationToken);
        var fresh = new List<PlannedDelivery>();
        foreach (var delivery in plan)
        {
            var told = await outbox.ToldAsync(delivery.Conversation.Id, month, cancellationToken);
            var alerts = delivery.Alerts.Where(a => !told.Contains(AlertKey(a.Measure))).ToList();
            var due = delivery.Reminders.Where(c => !told.Contains(ReminderKey(c))).ToList();
            if (alerts.Count + due.Count > 0) fresh.Add(delivery with { Alerts = alerts, Reminders = due });
        }
        return new AlertRunView(month, slipped, fresh, Sent: false, null);
    }

    /// <summary>Queues the month's alerts (and reminders) for every conversation that has not had them.</summary>
    public async Task<AlertRunView> RunAsync(YearMonth month, bool reminders, string runId, CancellationToken cancellationToken)
    {
        var (slipped, plan, snapshot) = await PlanAsync(month, reminders, cancellationToken);
        var opening = Opening(snapshot, month);
        var queued = new List<PlannedDelivery>();
        foreach (var delivery in plan)
        {
            var byNumber = delivery.Alerts.ToDictionary(a => a.Measure.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var alerted = await outbox.EnqueueAsync(delivery.Conversation.Id, month, delivery.Alerts.Select(a => AlertKey(a.Measure)).ToList(),
                keys => Draw(new AlertView(month, keys.Select(k => byNumber[k.Subject]).ToList(), opening)), runId, cancellationToken);
            var reminded = new List<Command>();
            foreach (var command in delivery.Reminders)
            {
                var keys = await outbox.EnqueueAsync(delivery.Conversation.Id, month, [ReminderKey(command)],
                    _ => Draw(new ReminderView(command, month, DueOn(month))), runId, cancellationToken);
                if (keys.Count > 0) reminded.Add(command);
            }
            var sentAlerts = alerted.Select(k => byNumber[k.Subject]).ToList();
            if (sentAlerts.Count + reminded.Count > 0) queued.Add(delivery with { Alerts = sentAlerts, Reminders = reminded });
        }
        return new AlertRunView(month, slipped, queued, Sent: true, null);
    }

    /// <summary>The alert's opening line: what changed since the month before, the same digest as "what changed since last month".</summary>
    private string Opening(ScorecardSnapshot snapshot, YearMonth month) =>
        Core.Analysis.Changes.SinceLastMonth(snapshot.Definition, snapshot.Figures, month, [], options.Value.FiguresDueDay).Digest;

    /// <summary>The day figures for a month are due: the due day of the month after it.</summary>
    public DateOnly DueOn(YearMonth month)
    {
        var next = month.AddMonths(1);
        return new DateOnly(next.Year, next.Month, options.Value.FiguresDueDay);
    }

    private async Task<(IReadOnlyList<SlippedMeasure> Slipped, IReadOnlyList<PlannedDelivery> Plan, ScorecardSnapshot Snapshot)> PlanAsync(
        YearMonth month, bool reminders, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var slipped = Slipped(snapshot, month);
        var missing = reminders ? CommandsWithoutFigures(snapshot, month) : [];
        var leads = snapshot.Definition.Commands.ToDictionary(c => c, c => roles.LeadsOf(c).Select(Normal).ToHashSet(StringComparer.Ordinal));
        var everyLead = leads.Values.SelectMany(l => l).ToList();
        var plan = new List<PlannedDelivery>();
        foreach (var conversation in await conversations.RecipientsAsync(everyLead, cancellationToken))
        {
            var person = conversation.ConversationType == "personal" && conversation.UserAadObjectId is { } id ? Normal(id) : null;
            var leadOf = person is null ? [] : leads.Where(l => l.Value.Contains(person)).Select(l => l.Key).ToList();
            var alerts = conversation.Subscribed ? slipped : slipped.Where(s => leadOf.Contains(s.Measure.Command)).ToList();
            var due = missing.Where(leadOf.Contains).ToList();
            if (alerts.Count + due.Count > 0) plan.Add(new PlannedDelivery(conversation, alerts, due));
        }
        return (slipped, plan, snapshot);
    }

    /// <summary>Every measure more than its band outside target for the month, with its recent months and comments.</summary>
    private static List<SlippedMeasure> Slipped(ScorecardSnapshot snapshot, YearMonth month)
    {
        var figures = snapshot.Figures;
        return snapshot.Definition.Measures
            .Select(m => ScorecardCalculator.Evaluate(m, figures, MonthRange.Single(month)))
            .Where(r => r.Status == Status.OutsideTolerance)
            .Select(r => new SlippedMeasure(r,
                new MonthRange(month.AddMonths(-3), month).Months().Select(m => ScorecardCalculator.Evaluate(r.Measure, figures, MonthRange.Single(m))).ToList(),
                figures.CommentsFor(r.Measure.Number, MonthRange.Single(month)).Select(c => c.Text).Distinct().ToList()))
            .ToList();
    }

    /// <summary>Commands none of whose figures for the month are in.</summary>
    private static List<Command> CommandsWithoutFigures(ScorecardSnapshot snapshot, YearMonth month) =>
        snapshot.Definition.Commands
            .Where(c => !snapshot.Definition.Measures.Where(m => m.Command == c).SelectMany(m => m.Components)
                .Any(component => snapshot.Figures.Month(component.Id, month) is not null))
            .ToList();

    private (string Card, string Summary) Draw(Answers.IAnswerView view)
    {
        var rendered = renderer.Render(view);
        return (rendered.Json, rendered.Card.FallbackText ?? "");
    }

    public static DeliveryKey AlertKey(Measure measure) =>
        new(AlertKind, measure.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), nameof(Status.OutsideTolerance));

    public static DeliveryKey ReminderKey(Command command) => new(ReminderKind, command.Code, "due");

    private static string Normal(string id) => id.Trim().ToLowerInvariant();
}
