using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>"What changed since last month": statuses that moved, the largest movements, new comments and late figures.</summary>
public static class ChangesCard
{
    public static AdaptiveCard Draw(ChangesView view)
    {
        var c = view.Changes;
        var (before, after) = (c.Before.ToLongLabel(), c.After.ToLongLabel());
        var summary = (view.Note is null ? "" : view.Note + " ") + Summary(view);
        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"What changed · {before} to {after}"));

        card.Body.Add(Section("Statuses that moved"));
        if (c.StatusMoves.Count == 0) card.Body.Add(CardParts.Subtle($"No measure's status moved from {before} to {after}."));
        foreach (var move in c.StatusMoves)
        {
            card.Body.Add(new AdaptiveTextBlock($"{move.Measure.Number} {move.Sentence}") { Wrap = true, Color = CardParts.Colour(move.After.Status) });
        }

        card.Body.Add(Section("Largest movements"));
        if (c.LargestMovements.Count == 0) card.Body.Add(CardParts.Subtle("No measure's value moved."));
        else
        {
            card.Body.Add(CardParts.Facts(c.LargestMovements
                .Select(m => ($"{m.Measure.Number} {m.Measure.ShortName}",
                    (string?)$"{m.Measure.FormatValue(m.Before)} → {m.Measure.FormatValue(m.After)} ({m.Display}, {(m.Improved ? "better" : "worse")})"))
                .ToArray()));
        }

        card.Body.Add(Section($"New comments in {after}"));
        if (c.NewComments.Count == 0) card.Body.Add(CardParts.Subtle("None."));
        foreach (var comment in c.NewComments) card.Body.Add(CardParts.Text($"Measure {comment.MeasureNumber}: {comment.Text}"));

        card.Body.Add(Section($"Figures for {after} saved after they were due"));
        if (c.LateSubmissions.Count == 0) card.Body.Add(CardParts.Subtle("None: every figure was in by its due day."));
        foreach (var late in c.LateSubmissions)
        {
            card.Body.Add(CardParts.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{late.Component.Name} (measure {late.Measure.Number}): due {late.Due:d MMMM yyyy}, saved {late.SubmittedAtUtc:d MMMM yyyy} by {late.SubmittedBy}, {late.DaysLate} day{(late.DaysLate == 1 ? "" : "s")} late.")));
        }
        card.Actions.Add(CardParts.AskScorecard($"Scorecard for {after}", Examples.PeriodOf(Core.Periods.MonthRange.Single(c.After))));
        card.Actions.Add(CardParts.AskExceptions("Off-target measures", Examples.PeriodOf(Core.Periods.MonthRange.Single(c.After))));
        return card;
    }

    /// <summary>The digest in a sentence or two, which is also what a month-end alert can open with.</summary>
    public static string Summary(ChangesView view)
    {
        var c = view.Changes;
        return $"{c.Digest} {c.LateSubmissions.Count} late figure{(c.LateSubmissions.Count == 1 ? "" : "s")} for {c.After.ToLongLabel()}.";
    }

    private static AdaptiveTextBlock Section(string title) =>
        new(title) { Weight = AdaptiveTextWeight.Bolder, Wrap = true, Separator = true, Spacing = AdaptiveSpacing.Medium };
}
