using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>What a measure is for: its title as the paper words it, its intended outcome and its corporate objective.</summary>
public static class ObjectiveCard
{
    public static AdaptiveCard Draw(ObjectiveView view)
    {
        var m = view.Measure;
        var outcome = m.Outcome;
        var objective = outcome?.Objective;
        var summary = (view.Note is null ? "" : view.Note + " ")
            + $"Measure {m.Number}, {m.ShortName}: {m.Title}."
            + (outcome is null ? " The scorecard does not place it under an outcome." : $" It serves the outcome \"{outcome.Title}\"")
            + (objective is null ? "" : $", under the corporate objective \"{objective.Title}\".")
            + $" Target: {m.Target.Text}. Reported by {m.Command.Code}.";
        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"What measure {m.Number} is for"));
        card.Body.Add(new AdaptiveTextBlock(m.Title) { Wrap = true, Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder });
        card.Body.Add(CardParts.Facts(
            ("Intended outcome", outcome?.Title),
            ("Corporate objective", objective?.Title),
            ("Target", m.Target.Text),
            ("Command", CardParts.CommandLabel(m.Command))));
        if (objective is { IntendedOutcomes.Count: > 0 })
        {
            card.Body.Add(new AdaptiveTextBlock("The objective's intended outcomes") { Weight = AdaptiveTextWeight.Bolder, Separator = true });
            foreach (var intended in objective.IntendedOutcomes) card.Body.Add(CardParts.Text("• " + intended));
        }
        card.Actions.Add(CardParts.Ask($"Measure {m.Number} now", new Request(Intent.MeasureValue, "") { Measures = [m] }));
        return card;
    }
}
