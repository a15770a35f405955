using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Cards;

/// <summary>The status Key in the scorecard's own words: what each status means, in its colour, and what the year to date is.</summary>
public static class KeyCard
{
    public static AdaptiveCard Draw(KeyView view)
    {
        var definition = view.Definition;
        var bands = definition.Measures.Select(m => m.Tolerance).Distinct().ToList();
        var tolerance = bands is [var only] ? KeyWords.Band(only) : "the measure's band";
        var example = definition.Measures.FirstOrDefault(m => m.Unit == Unit.Percent && m.Direction == Direction.HigherIsBetter && m.Target.Value > 0);
        var exampleText = example is null ? "" : ExampleText(example);
        var lines = new (Status Status, string Meaning)[]
        {
            (Status.AboveTarget, "on target or better."),
            (Status.WithinTolerance, $"short of target by no more than {tolerance} of the target{exampleText}."),
            (Status.OutsideTolerance, $"short of target by more than {tolerance} of the target. A count with a target of zero is outside target at the first occurrence."),
            (Status.NoData, "no figures for the period. It is never shown as on target."),
        };
        var ytd = definition.Key.YearToDate;
        var ytdText = $"{ytd} means {(ytd == "FYTD" ? "financial " : "")}year to date, from {definition.FinancialYear.Start.ToLongLabel()} to the month shown.";
        var summary = (view.Note is null ? "" : view.Note + " ")
            + "The Key: " + string.Join(" ", lines.Select(l => $"{definition.KeyLabel(l.Status)}: {l.Meaning}")) + " " + ytdText;

        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading("The Key"));
        foreach (var (status, meaning) in lines)
        {
            card.Body.Add(CardParts.StatusLabel(status, definition.KeyLabel(status)));
            card.Body.Add(CardParts.Text(char.ToUpperInvariant(meaning[0]) + meaning[1..]));
        }
        card.Body.Add(CardParts.Text(ytdText + " Lower-is-better measures are judged the other way round; a count set per month is judged against the months shown."));
        card.Actions.Add(CardParts.AskExceptions("Off-target measures"));
        return card;
    }

    /// <summary>" (85% against 85% is on target; 77% is within 10% of it)", worked from a measure of the scorecard.</summary>
    private static string ExampleText(Measure m)
    {
        var target = m.Target.Value;
        var edge = Math.Ceiling(target * (1 - m.Tolerance));
        return $" ({m.FormatValue(target)} against {m.FormatValue(target)} is on target; {m.FormatValue(edge)} is within {KeyWords.Band(m.Tolerance)} of it)";
    }
}
