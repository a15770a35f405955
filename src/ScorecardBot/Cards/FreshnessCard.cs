using AdaptiveCards;
using ScorecardBot.Answers;

namespace ScorecardBot.Cards;

/// <summary>"When were the figures last updated?": the last submission, who made it, and the latest month with figures.</summary>
public static class FreshnessCard
{
    public static AdaptiveCard Draw(FreshnessView view, TimeZoneInfo zone)
    {
        var submitted = view.LastSubmission?.SubmittedAtUtc is null ? "No submission time is recorded for these figures." : CardParts.FreshnessText(view.LastSubmission, zone);
        var covers = view.LatestMonth is { } m ? $"The latest month with figures for {view.Scope} is {m.ToLongLabel()}." : $"There are no figures for {view.Scope} yet.";
        var card = CardParts.NewCard((view.Note is null ? "" : view.Note + " ") + $"{submitted} {covers}");
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading("How up to date the figures are"));
        card.Body.Add(CardParts.Text(covers));
        card.Body.Add(CardParts.Text(submitted));
        if (view.LatestMonth is { } month) card.Actions.Add(CardParts.AskScorecard($"Scorecard for {month.ToLongLabel()}", Examples.PeriodOf(month)));
        return card;
    }
}
