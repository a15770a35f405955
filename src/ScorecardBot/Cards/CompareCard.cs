using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>Two periods side by side ("July v August"): each value with its status, the difference, which is better.</summary>
public static class CompareCard
{
    public static AdaptiveCard Draw(CompareView view, TimeZoneInfo zone)
    {
        var c = view.Comparison;
        var m = c.Measure;
        var summary = (view.Note is null ? "" : view.Note + " ") + (view.Component is { } component ? ComponentSummary(view, component) : MeasureSummary(view));
        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        var what = view.Component?.Name ?? m.ShortName;
        card.Body.Add(CardParts.Heading($"{what} · {view.FirstLabel} v {view.SecondLabel}"));
        card.Body.Add(CardParts.Subtle($"Measure {m.Number}: {m.Title}"));

        var columns = new AdaptiveColumnSet { Spacing = AdaptiveSpacing.Medium };
        columns.Columns.Add(Side(view.FirstLabel, c.First, view.Component));
        columns.Columns.Add(Side(view.SecondLabel, c.Second, view.Component));
        card.Body.Add(columns);
        card.Body.Add(new AdaptiveTextBlock(view.Component is null ? Verdict(view) : ComponentVerdict(view, view.Component))
            { Wrap = true, Weight = AdaptiveTextWeight.Bolder, Separator = true });

        var facts = new AdaptiveFactSet();
        foreach (var change in c.Components)
        {
            var delta = change.Change is { } d ? (d > 0 ? $"+{d}" : d == 0 ? "no change" : $"−{-d}") : "not comparable";
            facts.Facts.Add(new AdaptiveFact(change.Component.Name, $"{Show(change.First)} → {Show(change.Second)} ({delta})"));
        }
        card.Body.Add(new AdaptiveTextBlock("Figures") { Weight = AdaptiveTextWeight.Bolder, Separator = true });
        card.Body.Add(facts);
        card.Body.Add(CardParts.Facts(("Target", MeasureCard.TargetText(c.Second)), ("Command", CardParts.CommandLabel(m.Command))));
        card.Body.Add(CardParts.Freshness(view.LastSubmission, zone));
        card.Actions.Add(CardParts.Ask("Trend", new Request(Intent.Trend, "") { Measures = [m] }));
        card.Actions.Add(CardParts.AskMeasure(view.SecondLabel, c.Second));
        return card;
    }

    private static AdaptiveColumn Side(string label, MeasureResult r, Core.Definition.Component? component)
    {
        var column = new AdaptiveColumn { Width = "stretch" };
        column.Items.Add(new AdaptiveTextBlock(label) { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
        if (component is not null)
        {
            var value = r.Components.First(x => x.Component == component).Display;
            column.Items.Add(new AdaptiveTextBlock(value) { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder });
            column.Items.Add(CardParts.Subtle($"Measure {r.Display}, {r.StatusLabel}"));
            return column;
        }
        column.Items.Add(new AdaptiveTextBlock(r.Display) { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder, Color = CardParts.Colour(r.Status) });
        column.Items.Add(CardParts.StatusLabel(r.Status, r.StatusLabel));
        column.Items.Add(CardParts.Subtle(r.Basis));
        return column;
    }

    /// <summary>"August was better: up 1 point (98% → 99%)."</summary>
    private static string Verdict(CompareView view)
    {
        var c = view.Comparison;
        return c.Better switch
        {
            Better.Unknown => $"These cannot be compared: {(c.First.HasData ? view.SecondLabel : view.FirstLabel)} has no figure.",
            Better.Neither => $"No change: {c.First.Display} in both.",
            Better.First => $"{Capital(view.FirstLabel)} was better: {c.DifferenceText} to {c.Second.Display} in {view.SecondLabel} (from {c.First.Display}).",
            _ => $"{Capital(view.SecondLabel)} was better: {c.DifferenceText} to {c.Second.Display} (from {c.First.Display} in {view.FirstLabel}).",
        };
    }

    private static string ComponentVerdict(CompareView view, Core.Definition.Component component)
    {
        var change = view.Comparison.Components.First(x => x.Component == component);
        return change.Change switch
        {
            null => "These cannot be compared: one period has no figure.",
            0 => $"No change: {change.First} in both.",
            var d => $"{(d > 0 ? "Up" : "Down")} {Math.Abs(d.Value)}: from {change.First} in {view.FirstLabel} to {change.Second} in {view.SecondLabel}.",
        };
    }

    private static string MeasureSummary(CompareView view)
    {
        var c = view.Comparison;
        var m = c.Measure;
        return $"{m.ShortName}: {view.FirstLabel} {c.First.Display} ({c.First.StatusLabel}), {view.SecondLabel} {c.Second.Display} ({c.Second.StatusLabel}). {Verdict(view)}";
    }

    private static string ComponentSummary(CompareView view, Core.Definition.Component component)
    {
        var change = view.Comparison.Components.First(x => x.Component == component);
        return $"{component.Name}: {view.FirstLabel} {Show(change.First)}, {view.SecondLabel} {Show(change.Second)}. {ComponentVerdict(view, component)}";
    }

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "no data";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
