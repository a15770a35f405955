using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Alerts;

namespace ScorecardBot.Cards;

/// <summary>What the alerts would do or did (preview, run), the alerts log, and this conversation's subscription.</summary>
public static class AlertAdminCard
{
    public static AdaptiveCard Draw(AlertRunView view)
    {
        var month = view.Month.ToLongLabel();
        if (view.Why is not null)
        {
            var refused = CardParts.NewCard(view.Why);
            refused.Body.Add(CardParts.Heading(view.Sent ? "Alerts not run" : "No preview"));
            refused.Body.Add(CardParts.Note(view.Why));
            return refused;
        }
        var where = view.Deliveries.Select(d => $"{Where(d.Conversation)}: {What(d)}").ToList();
        var verb = view.Sent ? "Queued" : "Would send";
        var summary = view.Slipped.Count == 0 && where.Count == 0
            ? $"No measure was outside target by more than its band in {month} and no reminder is due: {(view.Sent ? "nothing was sent" : "nothing would be sent")}."
            : $"{view.Slipped.Count} measure{(view.Slipped.Count == 1 ? "" : "s")} outside target by more than {(view.Slipped.Count == 1 ? "its" : "their")} band in {month}. "
              + (where.Count == 0 ? "Every conversation has already been told." : $"{verb}: " + string.Join("; ", where) + ".");
        var card = CardParts.NewCard(summary);
        card.Body.Add(CardParts.Heading($"{(view.Sent ? "Alerts run" : "Alerts preview")} · {month}"));
        card.Body.Add(CardParts.Text(view.Slipped.Count == 0
            ? $"No measure was outside target by more than its band in {month}."
            : "Outside target: " + string.Join(", ", view.Slipped.Select(s => $"{s.Measure.Number} {s.Measure.ShortName} ({s.Result.Display})")) + "."));
        var facts = new AdaptiveFactSet();
        foreach (var d in view.Deliveries) facts.Facts.Add(new AdaptiveFact(Where(d.Conversation), What(d)));
        if (facts.Facts.Count > 0) card.Body.Add(facts);
        card.Body.Add(CardParts.Subtle(view.Sent
            ? (view.Deliveries.Count == 0 ? "Nothing new to send: each conversation is told once about each measure and month." : "The cards are being sent now; \"alerts log\" shows how each delivery went.")
            : "Nothing has been sent. \"run alerts for " + month + "\" sends these now."));
        return card;
    }

    public static AdaptiveCard Draw(AlertsLogView view)
    {
        if (view.Why is not null)
        {
            var refused = CardParts.NewCard(view.Why);
            refused.Body.Add(CardParts.Heading("Alerts log"));
            refused.Body.Add(CardParts.Note(view.Why));
            return refused;
        }
        var lines = view.Entries.Select(e => $"{e.Kind} for {e.Month.ToLongLabel()} to {e.Where}: {Outcome(e)}").ToList();
        var card = CardParts.NewCard(lines.Count == 0 ? "No alerts or reminders have been queued yet." : "Latest deliveries: " + string.Join("; ", lines) + ".");
        card.Body.Add(CardParts.Heading("Alerts log"));
        if (lines.Count == 0) card.Body.Add(CardParts.Text("No alerts or reminders have been queued yet."));
        var facts = new AdaptiveFactSet();
        foreach (var e in view.Entries) facts.Facts.Add(new AdaptiveFact($"{e.Kind} · {e.Month.ToLongLabel()} · {e.Where}", Outcome(e)));
        if (facts.Facts.Count > 0) card.Body.Add(facts);
        return card;
    }

    public static AdaptiveCard Draw(SubscriptionView view)
    {
        var text = !view.Known
            ? "I don't have this conversation on record yet, so I can't change its alerts; say something to me here first, then try again."
            : view.Subscribed
                ? (view.Changed ? "This conversation will now receive month-end alerts." : "This conversation already receives month-end alerts.")
                  + " Say \"unsubscribe\" to stop them."
                : (view.Changed ? "This conversation will no longer receive month-end alerts." : "This conversation does not receive month-end alerts.")
                  + " Say \"subscribe\" to receive them" + (view.ConversationType == "personal" ? " (a command lead's own chat receives their command's alerts in any case)." : ".");
        var card = CardParts.NewCard(text);
        card.Body.Add(CardParts.Heading(view.Subscribed ? "Alerts on" : "Alerts off"));
        card.Body.Add(CardParts.Text(text));
        return card;
    }

    private static string Where(Storage.Entities.ConversationRecord conversation) =>
        conversation.Name ?? conversation.ConversationType switch { "channel" => "a team channel", "groupChat" => "a group chat", _ => "a personal chat" };

    private static string What(PlannedDelivery d)
    {
        var parts = new List<string>();
        if (d.Alerts.Count > 0) parts.Add("alert on " + string.Join(", ", d.Alerts.Select(a => $"measure {a.Measure.Number}")));
        if (d.Reminders.Count > 0) parts.Add("reminder to " + string.Join(", ", d.Reminders.Select(c => c.Code)));
        return string.Join(" and ", parts);
    }

    private static string Outcome(AlertsLogEntry e) =>
        e.State switch
        {
            Storage.Entities.OutboxState.Sent => $"sent {e.SentAtUtc?.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} UTC",
            Storage.Entities.OutboxState.Gone => "not sent: the bot is no longer in that conversation",
            Storage.Entities.OutboxState.Failed => $"failed after {e.Attempts} tries (last answer {e.LastStatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})",
            Storage.Entities.OutboxState.InDoubt => "in doubt: the bot stopped while sending it, so it may or may not be in that chat; it was not sent again",
            Storage.Entities.OutboxState.Sending => "being sent now",
            Storage.Entities.OutboxState.Retrying => $"retrying ({e.Attempts} tries so far, last answer {e.LastStatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})",
            _ => "waiting to be sent",
        } + (e.Attempts > 0 && e.State == Storage.Entities.OutboxState.Sent && e.Attempts > 1 ? $" after {e.Attempts} tries" : "");
}
