using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Core.Figures;
using ScorecardBot.Submissions;

namespace ScorecardBot.Cards;

/// <summary>Every saved change to a measure for a month, oldest first: who, when, old → new, and the submission.</summary>
public static class HistoryCard
{
    public static AdaptiveCard Draw(HistoryView view, TimeZoneInfo zone)
    {
        var m = view.Measure;
        var names = m.Components.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var lines = view.Revisions.Select(r => Describe(r, names, zone)).ToList();
        var summary = lines.Count == 0
            ? $"No figures or comments have been saved for measure {m.Number} in {view.Month.ToLongLabel()}."
            : $"History of measure {m.Number}, {m.ShortName}, for {view.Month.ToLongLabel()}: " + string.Join("; ", lines) + ".";
        var card = CardParts.NewCard(summary);
        card.Body.Add(CardParts.Heading($"History · {m.ShortName} · {view.Month.ToLongLabel()}"));
        if (lines.Count == 0) card.Body.Add(CardParts.Text($"No figures or comments have been saved for measure {m.Number} in {view.Month.ToLongLabel()}."));
        foreach (var group in view.Revisions.GroupBy(r => r.SubmissionId))
        {
            var first = group.First();
            var block = new AdaptiveContainer { Separator = true };
            block.Items.Add(new AdaptiveTextBlock($"{first.SubmittedByName} · {When(first.SubmittedAtUtc, zone)}") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
            var facts = new AdaptiveFactSet();
            foreach (var r in group)
            {
                facts.Facts.Add(r.Kind == RevisionKind.Figure
                    ? new AdaptiveFact(names.GetValueOrDefault(r.ComponentId!, r.ComponentId!), $"{Value(r.OldValue)} → {Value(r.NewValue)}")
                    : new AdaptiveFact("Comment", string.IsNullOrEmpty(r.NewText) ? "cleared" : r.NewText));
            }
            block.Items.Add(facts);
            block.Items.Add(CardParts.Subtle($"Submission {first.SubmissionId.ToString("D")[..8]}"));
            card.Body.Add(block);
        }
        return card;
    }

    private static string Describe(Revision r, IReadOnlyDictionary<string, string> names, TimeZoneInfo zone) =>
        r.Kind == RevisionKind.Figure
            ? $"{names.GetValueOrDefault(r.ComponentId!, r.ComponentId!)} {Value(r.OldValue)} → {Value(r.NewValue)} by {r.SubmittedByName} at {When(r.SubmittedAtUtc, zone)}"
            : $"comment {(string.IsNullOrEmpty(r.NewText) ? "cleared" : "changed")} by {r.SubmittedByName} at {When(r.SubmittedAtUtc, zone)}";

    private static string Value(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string When(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
