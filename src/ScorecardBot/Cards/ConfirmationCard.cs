using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Figures;
using ScorecardBot.Questions;
using ScorecardBot.Submissions;

namespace ScorecardBot.Cards;

/// <summary>A saved submission: what changed (old → new), each measure recomputed with its status, and any now outside its band.</summary>
public static class ConfirmationCard
{
    public static AdaptiveCard Draw(ConfirmationView view, TimeZoneInfo zone)
    {
        var form = view.Form;
        var when = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(view.SavedAtUtc, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        var outside = view.NowOutside.ToList();
        var alerts = outside.Select(r => $"{r.Measure.ShortName} is now {r.StatusLabel}: {r.Display} against {r.TargetLabel}.").ToList();
        var summary = $"{(view.AlreadySaved ? "Already saved" : "Saved")}: {form.Command.Code} figures for {form.Month.ToLongLabel()}, by {view.SavedBy} at {when}. "
            + string.Join(" ", alerts) + " "
            + string.Join("; ", view.Results.Select(r => $"{r.Measure.ShortName} {r.Display} ({r.StatusLabel})")) + ".";

        var card = CardParts.NewCard(summary);
        card.Body.Add(CardParts.Heading($"{(view.AlreadySaved ? "Already saved" : "Saved")} · {form.Command.Code} · {form.Month.ToLongLabel()}"));
        card.Body.Add(CardParts.Subtle(view.AlreadySaved
            ? $"This submission was saved before (by {view.SavedBy} at {when}); it was not saved again."
            : $"Saved by {view.SavedBy} at {when}."));
        foreach (var alert in alerts) card.Body.Add(new AdaptiveTextBlock("⚠ " + alert) { Wrap = true, Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder });

        foreach (var r in view.Results)
        {
            var row = new AdaptiveContainer { Separator = true, Style = CardParts.ContainerStyle(r.Status) };
            row.Items.Add(new AdaptiveTextBlock($"{r.Measure.Number} {r.Measure.ShortName}") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
            row.Items.Add(new AdaptiveColumnSet
            {
                Columns =
                {
                    new AdaptiveColumn { Width = "auto", Items = { new AdaptiveTextBlock(r.Display) { Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Color = CardParts.Colour(r.Status) } } },
                    new AdaptiveColumn { Width = "stretch", Items = { CardParts.StatusLabel(r.Status, r.StatusLabel), CardParts.Subtle($"{r.Basis} · target {r.TargetLabel}") } },
                },
            });
            card.Body.Add(row);
        }

        var changes = new AdaptiveFactSet { Separator = true };
        var names = form.Components.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        foreach (var change in view.Changes)
        {
            if (change.Kind == RevisionKind.Figure && change.ComponentId is { } id && names.TryGetValue(id, out var name))
            {
                changes.Facts.Add(new AdaptiveFact(name, $"{change.OldValue?.ToString(CultureInfo.InvariantCulture) ?? "none"} → {change.NewValue}"));
            }
            else if (change.Kind == RevisionKind.Comment)
            {
                changes.Facts.Add(new AdaptiveFact($"Comment on measure {change.MeasureNumber}", string.IsNullOrEmpty(change.NewText) ? "cleared" : "updated"));
            }
        }
        card.Body.Add(new AdaptiveTextBlock(changes.Facts.Count == 0 ? "No figure changed: the values were the same as those stored." : "What changed")
            { Weight = AdaptiveTextWeight.Bolder, Separator = true, Wrap = true });
        if (changes.Facts.Count > 0) card.Body.Add(changes);

        var first = view.Results.FirstOrDefault(r => r.Status == Status.OutsideTolerance) ?? (view.Results.Count > 0 ? view.Results[0] : null);
        if (first is not null)
        {
            card.Actions.Add(CardParts.Ask("History", new Request(Intent.History, "") { Measures = [first.Measure], Period = Answers.Examples.PeriodOf(form.Month) }));
        }
        card.Actions.Add(CardParts.AskScorecard($"Scorecard for {form.Month.ToLongLabel()}", Answers.Examples.PeriodOf(form.Month)));
        return card;
    }
}
