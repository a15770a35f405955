using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>Every measure's comments for a period ("any comments for July?"), measure by measure.</summary>
public static class CommentsCard
{
    public static AdaptiveCard Draw(CommentsView view)
    {
        var (periodLabel, note) = (view.PeriodLabel, view.Note);
        var withComments = view.ByMeasure.Where(m => m.Comments.Count > 0).ToList();
        var summary = (note is null ? "" : note + " ") + (withComments.Count == 0
            ? $"There are no comments on any measure for {periodLabel}."
            : $"Comments for {periodLabel}: " + string.Join("; ", withComments.Select(m => $"measure {m.Measure.Number}, {m.Measure.ShortName}: {string.Join(" ", m.Comments)}")));

        var card = CardParts.NewCard(summary);
        if (note is not null) card.Body.Add(CardParts.Note(note));
        card.Body.Add(CardParts.Heading($"Comments · {periodLabel}"));
        if (withComments.Count == 0) card.Body.Add(CardParts.Text($"There are no comments on any measure for {periodLabel}."));
        foreach (var (measure, comments) in withComments)
        {
            var block = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
            block.Items.Add(new AdaptiveTextBlock($"{measure.Number} {measure.ShortName}") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
            foreach (var comment in comments) block.Items.Add(CardParts.Text(comment));
            card.Body.Add(block);
        }
        foreach (var (measure, _) in withComments.Take(3))
        {
            card.Actions.Add(CardParts.Ask(measure.ShortName, new Request(Intent.MeasureValue, "") { Measures = [measure], Period = view.Period }));
        }
        return card;
    }
}
