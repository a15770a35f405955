using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Analysis;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>Why a measure stands where it does: its comments, its figures, and what pulls its year to date.</summary>
public static class WhyCard
{
    public static AdaptiveCard Draw(WhyView view, TimeZoneInfo zone)
    {
        var measureView = view.Measure;
        var r = measureView.Result;
        var m = r.Measure;
        var gap = view.Gap is { } g ? GapText(g) : null;
        var shortfall = view.Shortfall is { } analysis ? ShortfallTexts(analysis) : [];
        var comments = measureView.Comments.Count > 0 ? " Comment: " + string.Join(" ", measureView.Comments) : " There are no comments on it.";
        var summary = (view.Note is null ? "" : view.Note + " ")
            + (r.HasData ? $"{m.ShortName} for {measureView.PeriodLabel} was {r.Display}, {r.Basis}, against {r.TargetLabel}: {r.StatusLabel}." : $"{m.ShortName} has no figure for {measureView.PeriodLabel}.")
            + string.Concat(shortfall.Select(t => " " + t)) + (gap is null ? "" : " " + gap) + comments;
        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"Why {m.ShortName} is where it is · {measureView.PeriodLabel}"));
        MeasureCard.AddHeadline(card, r);
        foreach (var text in shortfall) card.Body.Add(CardParts.Text(text));
        if (view.Shortfall is { } moved && Moved(moved) is { } movements) card.Body.Add(movements);
        if (gap is not null) card.Body.Add(CardParts.Text(gap));
        if (CardParts.Comments(measureView.Comments) is { } block) card.Body.Add(block);
        else card.Body.Add(CardParts.Subtle($"There are no comments on {m.ShortName} for {measureView.PeriodLabel}."));
        MeasureCard.AddFacts(card, measureView);
        card.Body.Add(CardParts.Freshness(measureView.LastSubmission, zone));
        card.Actions.Add(CardParts.Ask("Trend", new Request(Intent.Trend, "") { Measures = [m] }));
        return card;
    }

    /// <summary>
    /// The shortfall in the measure's own units ("40 more 'Calls answered within set time' (of 400 calls) would have met
    /// the 85% target."), then the year to date: still on target, or what the remaining months need to bring it back.
    /// </summary>
    public static IReadOnlyList<string> ShortfallTexts(ShortfallAnalysis analysis)
    {
        var texts = new List<string>();
        if (analysis.Shortfall is { } amount) texts.Add(amount.Sentence);
        var ytd = analysis.YearToDate;
        var key = analysis.Result.Measure.Key.YearToDate;
        if (analysis.Recovery is { } recovery) texts.Add($"The {key} is {ytd.Display} ({ytd.StatusLabel}) too. {recovery.Sentence}");
        else if (ytd.HasData) texts.Add($"The {key} ({ytd.Display}, {ytd.Basis}) is still {ytd.StatusLabel}.");
        return texts;
    }

    /// <summary>What moved it: each component against the period of the same length just before.</summary>
    private static AdaptiveFactSet? Moved(ShortfallAnalysis analysis)
    {
        var moved = analysis.Movements.Where(c => c.Previous is not null && c.Current is not null).ToList();
        if (moved.Count == 0) return null;
        var facts = new AdaptiveFactSet { Separator = true };
        foreach (var c in moved)
        {
            var change = c.Change!.Value;
            facts.Facts.Add(new AdaptiveFact($"{c.Component.Name} (from {analysis.PreviousPeriod.ToLongLabel()})",
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{c.Previous:N0} → {c.Current:N0} ({(change > 0 ? "+" : change < 0 ? "−" : "±")}{Math.Abs(change):N0})")));
        }
        return facts;
    }

    /// <summary>"Why is the year to date lower than every month?" across the scorecard.</summary>
    public static AdaptiveCard Draw(YearToDateGapsView view)
    {
        var ytd = view.Definition.Key.YearToDate;
        var texts = view.Gaps.Select(GapText).ToList();
        var summary = (view.Note is null ? "" : view.Note + " ") + (texts.Count == 0
            ? $"No measure's {ytd} lies outside the range of its months ({view.PeriodLabel})."
            : string.Join(" ", texts));
        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"Why the {ytd} differs from the months"));
        if (texts.Count == 0) card.Body.Add(CardParts.Text($"No measure's {ytd} lies outside the range of its months ({view.PeriodLabel})."));
        foreach (var gap in view.Gaps)
        {
            var block = new AdaptiveContainer { Separator = true };
            block.Items.Add(new AdaptiveTextBlock($"{gap.YearToDate.Measure.Number} {gap.YearToDate.Measure.ShortName}") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
            block.Items.Add(CardParts.Text(GapText(gap)));
            card.Body.Add(block);
        }
        foreach (var gap in view.Gaps.Take(3)) card.Actions.Add(CardParts.AskMeasure($"Measure {gap.YearToDate.Measure.Number}", gap.YearToDate));
        return card;
    }

    /// <summary>
    /// "The year to date (80%, 263 of 327 SNT members) is lower than every month shown (85%, 88%, 87%) because
    /// April to May 2007, held as one figure, was 75% (135 of 179) and pulls it down."
    /// </summary>
    public static string GapText(YearToDateGap gap)
    {
        var ytd = gap.YearToDate;
        var rest = gap.Rest;
        var key = ytd.Measure.Key.YearToDate;
        var months = string.Join(", ", gap.MonthsShown.Select(m => $"{m.Period.From.ToPaperLabel()} {m.Display}"));
        var held = rest.Period.IsSingleMonth ? rest.Period.ToLongLabel() : $"{rest.Period.ToLongLabel()}, held as one figure,";
        return $"The {key} ({ytd.Display}, {ytd.Basis}) is {(gap.Lower ? "lower" : "higher")} than every month shown ({months}) because "
            + $"{held} was {rest.Display} ({rest.Basis}) and pulls it {(gap.Lower ? "down" : "up")}.";
    }
}
