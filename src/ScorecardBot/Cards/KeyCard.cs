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
        var bands = definition.Measures.Select(m => m.Tolerance).Distinct().ToList();
        var band = bands is [var only] ? only : (decimal?)null;
        var tolerance = band is { } b ? KeyWords.Band(b) : "the measure's tolerance";
        string Label(Status status) => band is { } b2 ? definition.Key.Label(status, b2) : definition.Key.Label(status, bands.Max());
        var lines = new (Status Status, string Meaning)[]
        {
            (Status.AboveTarget, "on target or better."),
            (Status.WithinTolerance, $"short of target by no more than {tolerance} of the target (85% against 85% is on target; 77% is within 10% of it)."),
            (Status.OutsideTolerance, $"short of target by more than {tolerance} of the target. A count with a target of zero, such as intrusions, is outside target at the first occurrence."),
            (Status.NoData, "no figures for the period. It is never shown as on target."),
        };
        var summary = "The Key: " + string.Join(" ", lines.Select(l => $"{Label(l.Status)}: {l.Meaning}"))
            + $" FYTD means financial year to date, from {definition.FinancialYear.Start.ToLongLabel()} to the month shown.";

        var card = CardParts.NewCard(summary);
        card.Body.Add(CardParts.Heading("The Key"));
        foreach (var (status, meaning) in lines)
        {
            card.Body.Add(CardParts.StatusLabel(status, Label(status)));
            card.Body.Add(CardParts.Text(char.ToUpperInvariant(meaning[0]) + meaning[1..]));
        }
        card.Body.Add(CardParts.Text($"FYTD means financial year to date: {definition.FinancialYear.Start.ToLongLabel()} to the month shown. Lower-is-better measures are judged the other way round."));
        card.Actions.Add(CardParts.Ask("Off-target measures", "which measures are off target"));
        return card;
    }
}
