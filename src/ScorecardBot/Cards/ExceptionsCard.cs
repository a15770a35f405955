using AdaptiveCards;
using ScorecardBot.Core.Calculation;

namespace ScorecardBot.Cards;

/// <summary>Measures whose status is among those asked for (by default: outside target), for one period.</summary>
public static class ExceptionsCard
{
    public static AdaptiveCard Draw(IReadOnlyList<MeasureResult> matching, IReadOnlySet<Status> statuses, string periodLabel, string scopeLabel, string? note, string freshness)
    {
        var what = Describe(statuses);
        var summary = (note is null ? "" : note + " ")
            + (matching.Count == 0
                ? $"No measures {scopeLabel}are {what} for {periodLabel}."
                : $"{matching.Count} measure{(matching.Count == 1 ? " is" : "s are")} {what} for {periodLabel}: "
                  + string.Join("; ", matching.Select(r => $"{r.Measure.Number} {r.Measure.ShortName} {r.Display} against {r.Measure.TargetLabel}, {r.StatusLabel}")) + ".");

        var card = CardParts.NewCard(summary);
        if (note is not null) card.Body.Add(CardParts.Note(note));
        card.Body.Add(CardParts.Heading($"Measures {what} · {periodLabel}"));
        if (matching.Count == 0)
        {
            card.Body.Add(new AdaptiveTextBlock($"No measures {scopeLabel}are {what} for {periodLabel}.") { Wrap = true, Color = statuses.Contains(Status.AboveTarget) ? AdaptiveTextColor.Default : AdaptiveTextColor.Good, Weight = AdaptiveTextWeight.Bolder });
        }
        foreach (var r in matching)
        {
            var container = new AdaptiveContainer { Separator = true, Style = CardParts.ContainerStyle(r.Status) };
            container.Items.Add(new AdaptiveTextBlock($"{r.Measure.Number} {r.Measure.ShortName} ({r.Measure.Command.Code})") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
            container.Items.Add(new AdaptiveColumnSet
            {
                Columns =
                {
                    new AdaptiveColumn { Width = "auto", Items = { new AdaptiveTextBlock(r.Display) { Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Color = CardParts.Colour(r.Status) } } },
                    new AdaptiveColumn { Width = "stretch", Items = { CardParts.StatusLabel(r.Status, r.StatusLabel), CardParts.Subtle($"{r.Basis} · target {r.Measure.TargetLabel}") } },
                },
            });
            container.Items.Add(new AdaptiveActionSet { Actions = { CardParts.AskMeasure("Details", r) } });
            card.Body.Add(container);
        }
        card.Body.Add(CardParts.Subtle(freshness));
        card.Actions.Add(CardParts.Ask("Whole scorecard", "scorecard"));
        return card;
    }

    public static string Describe(IReadOnlySet<Status> statuses) =>
        statuses.SetEquals([Status.WithinTolerance, Status.OutsideTolerance]) ? "outside target"
        : statuses.SetEquals([Status.OutsideTolerance]) ? "more than 10% outside target (red)"
        : statuses.SetEquals([Status.WithinTolerance]) ? "less than 10% outside target (amber)"
        : statuses.SetEquals([Status.AboveTarget]) ? "on or above target (green)"
        : "in " + string.Join(" or ", statuses.Select(s => s.Rag()));
}
