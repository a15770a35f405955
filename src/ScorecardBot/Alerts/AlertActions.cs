using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ScorecardBot.Answers;
using ScorecardBot.Cards;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;
using ScorecardBot.Questions;
using ScorecardBot.Questions.Periods;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;
using ScorecardBot.Submissions;

namespace ScorecardBot.Alerts;

/// <summary>Something that starts the outbox's delivery now rather than at its next poll.</summary>
public interface IOutboxTrigger
{
    Task TriggerAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The alerts in chat: "subscribe", "unsubscribe" and "alerts status" for the conversation they are said in; and for
/// admins, "preview alerts for September 2007" (sends nothing), "run alerts for September 2007" (queues now, told once
/// as ever) and "alerts log".
/// </summary>
public sealed class AlertActions(
    AlertEvaluator evaluator,
    ConversationStore conversations,
    ConversationDirectory directory,
    OutboxStore outbox,
    IOutboxTrigger trigger,
    ScorecardSnapshotProvider snapshots,
    Roles roles,
    AuditLog audit,
    CardRenderer renderer,
    TimeProvider clock,
    IOptions<AlertOptions> options)
{
    public static bool Handles(Request request) =>
        request.Intent is Intent.Subscribe or Intent.Unsubscribe or Intent.AlertsStatus or Intent.PreviewAlerts or Intent.RunAlerts or Intent.AlertsLog;

    public async Task<RenderedCard> AnswerAsync(Request request, ITurnContext turn, CancellationToken cancellationToken)
    {
        var who = roles.For(turn.Activity.From?.AadObjectId, turn.Activity.From?.Name);
        IAnswerView view = request.Intent switch
        {
            Intent.Subscribe or Intent.Unsubscribe or Intent.AlertsStatus => await SubscriptionAsync(request.Intent, turn, cancellationToken),
            Intent.AlertsLog => await LogAsync(who, cancellationToken),
            _ => await EvaluateAsync(who, request, cancellationToken),
        };
        return renderer.Render(view);
    }

    private async Task<SubscriptionView> SubscriptionAsync(Intent intent, ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        // Make sure the conversation is on record (a chat the bot was in before the directory existed).
        await directory.MessageAsync(turn, cancellationToken);
        var type = activity.Conversation?.ConversationType ?? "personal";
        // A message that names no conversation (never from Teams) has nothing to subscribe: said so, not an error.
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id)) return new SubscriptionView(false, false, Known: false, type);
        var id = ConversationDirectory.IdOf(activity);
        var record = await conversations.GetAsync(activity.ChannelId, id, cancellationToken);
        if (record is null) return new SubscriptionView(false, false, Known: false, type);
        if (intent == Intent.AlertsStatus) return new SubscriptionView(record.Subscribed, false, true, type);
        var subscribe = intent == Intent.Subscribe;
        if (record.Subscribed == subscribe) return new SubscriptionView(subscribe, false, true, type);
        await conversations.SetSubscribedAsync(activity.ChannelId, id, subscribe, cancellationToken);
        return new SubscriptionView(subscribe, true, true, type);
    }

    private async Task<AlertRunView> EvaluateAsync(Submitter who, Request request, CancellationToken cancellationToken)
    {
        var run = request.Intent == Intent.RunAlerts;
        var what = run ? "running alerts" : "previewing alerts";
        var year = (await snapshots.GetAsync(cancellationToken)).Definition.FinancialYear;
        var today = YearMonth.FromDate(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        var guessed = GuessedMonth(request.Period);
        var month = guessed is null && request.Period.Kind == PeriodKind.Month && request.Period.Month is >= 1 and <= 12 && request.Period.Year is null or (> 1900 and < 9999)
            ? (request.Period.Year is { } y ? new YearMonth(y, request.Period.Month) : year.MonthNumbered(request.Period.Month))
            : (YearMonth?)null;
        string? why = null;
        var example = $"for example \"{(run ? "run" : "preview")} alerts for {year.Start.AddMonths(5).ToLongLabel()}\"";
        if (!who.IsAdmin) why = $"Only admins can {(run ? "run" : "preview")} the month-end alerts.";
        else if (guessed is not null) why = $"\"{guessed}\" is not a month I can act on: name the month, {example}.";
        else if (month is null) why = $"Name the month, {example}.";
        else if (month >= today) why = $"{month.Value.ToLongLabel()} has not ended yet: alerts are for months that have closed.";
        else if (!year.Contains(month.Value)) why = $"{month.Value.ToLongLabel()} is outside the scorecard's year ({year.Label}), so it has no figures to alert on.";
        if (why is not null)
        {
            if (!who.IsAdmin) audit.Refused(who, what, "not an admin");
            return new AlertRunView(month ?? year.Start, [], [], run, why);
        }
        if (!run) return await evaluator.PreviewAsync(month!.Value, reminders: true, cancellationToken);
        var view = await evaluator.RunAsync(month!.Value, reminders: true, $"run by {who.Name} at {clock.GetUtcNow():u}", cancellationToken);
        audit.Changed(who, $"ran alerts for {month.Value.ToLongLabel()}: {view.Deliveries.Count} conversations");
        await trigger.TriggerAsync(cancellationToken);
        return view;
    }

    /// <summary>
    /// A word of the period read as a month only as a near miss ("Smarch" as March): fine for a question, but alerts
    /// sent cannot be unsent, so a month is acted on only as named.
    /// </summary>
    private static string? GuessedMonth(PeriodSpec period) =>
        System.Text.RegularExpressions.Regex.Matches(period.Text.ToLowerInvariant(), "[a-z]+").Select(m => m.Value)
            .FirstOrDefault(word => PeriodReader.MonthNumber(word) is not null && !PeriodReader.IsMonthName(word));

    private async Task<AlertsLogView> LogAsync(Submitter who, CancellationToken cancellationToken)
    {
        if (!who.IsAdmin)
        {
            audit.Refused(who, "reading the alerts log", "not an admin");
            return new AlertsLogView([], "Only admins can read the alerts log.");
        }
        var entries = (await outbox.LogAsync(20, cancellationToken))
            .Select(e => new AlertsLogEntry(e.Conversation.Name ?? e.Conversation.ConversationType, e.Message.Kind, FigureStore.FromKey(e.Message.Month),
                e.Message.State, e.Message.Attempts, e.Message.LastStatusCode, e.Message.CreatedAtUtc, e.Message.SentAtUtc))
            .ToList();
        return new AlertsLogView(entries, null);
    }
}
