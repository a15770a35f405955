using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Cards;

/// <summary>The status Key, as the committee paper uses it: what each status means, in its colour, and what FYTD is.</summary>
public static class KeyCard
{
    public static AdaptiveCard Draw(ScorecardDefinition definition)
    {
        var tolerance = definition.Measures.Select(m => m.Tolerance).Distinct().ToList() is [var only]
            ? $"{(only * 100).ToString("0.##", CultureInfo.InvariantCulture)}%"
            : "the measure's tolerance";
        var lines = new (Status Status, string Meaning)[]
        {
            (Status.AboveTarget, "on target or better."),
            (Status.LessThan10PercentOutside, $"short of target by no more than {tolerance} of the target (85% against 85% is on target; 77% is within 10% of it)."),
            (Status.MoreThan10PercentOutside, $"short of target by more than {tolerance} of the target. A count with a target of zero, such as intrusions, is outside target at the first occurrence."),
            (Status.NoData, "no figures for the period. It is never shown as on target."),
        };
        var summary = "The Key: " + string.Join(" ", lines.Select(l => $"{l.Status.Label()}: {l.Meaning}"))
            + $" FYTD means financial year to date, from {definition.FinancialYear.Start.ToLongLabel()} to the month shown.";

        var card = CardParts.NewCard(summary);
        card.Body.Add(CardParts.Heading("The Key"));
        foreach (var (status, meaning) in lines)
        {
            card.Body.Add(CardParts.StatusLabel(status));
            card.Body.Add(CardParts.Text(char.ToUpperInvariant(meaning[0]) + meaning[1..]));
        }
        card.Body.Add(CardParts.Text($"FYTD means financial year to date: {definition.FinancialYear.Start.ToLongLabel()} to the month shown. Lower-is-better measures are judged the other way round."));
        card.Actions.Add(CardParts.Ask("Off-target measures", "which measures are off target"));
        return card;
    }
}
