using AdaptiveCards;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Cards;

/// <summary>"When were the figures last updated?": the last submission, who made it, and the latest month with figures.</summary>
public static class FreshnessCard
{
    public static AdaptiveCard Draw(string scope, Figure? last, YearMonth? latestMonth, TimeZoneInfo zone)
    {
        var submitted = last?.SubmittedAtUtc is null ? "No submission time is recorded for these figures." : CardParts.FreshnessText(last, zone);
        var covers = latestMonth is { } m ? $"The latest month with figures for {scope} is {m.ToLongLabel()}." : $"There are no figures for {scope} yet.";
        var card = CardParts.NewCard($"{submitted} {covers}");
        card.Body.Add(CardParts.Heading("How up to date the figures are"));
        card.Body.Add(CardParts.Text(covers));
        card.Body.Add(CardParts.Text(submitted));
        if (latestMonth is { } month) card.Actions.Add(CardParts.Ask($"Scorecard for {month.ToLongLabel()}", $"scorecard for {month.ToLongLabel()}"));
        return card;
    }
}
