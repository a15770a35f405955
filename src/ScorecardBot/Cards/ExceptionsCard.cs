using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Cards;

/// <summary>Measures whose status is among those asked for (by default: outside target), for one period; and the worst measure.</summary>
public static class ExceptionsCard
{
    public static AdaptiveCard Draw(ExceptionsView view, TimeZoneInfo zone)
    {
        var (matching, statuses, periodLabel, scopeLabel, note) = (view.Matching, view.Statuses, view.PeriodLabel, view.ScopeLabel, view.Note);
        var what = Describe(statuses, view.Definition);
        var summary = (note is null ? "" : note + " ")
            + (matching.Count == 0
                ? $"No measures {scopeLabel}are {what} for {periodLabel}."
                : $"{matching.Count} measure{(matching.Count == 1 ? " is" : "s are")} {what} for {periodLabel}: "
                  + string.Join("; ", matching.Select(r => $"{r.Measure.Number} {r.Measure.ShortName} {r.Display} against {r.TargetLabel}, {r.StatusLabel}")) + ".");

        var card = CardParts.NewCard(summary);
        if (note is not null) card.Body.Add(CardParts.Note(note));
        card.Body.Add(CardParts.Heading($"Measures {what} · {periodLabel}"));
        if (matching.Count == 0)
        {
            card.Body.Add(new AdaptiveTextBlock($"No measures {scopeLabel}are {what} for {periodLabel}.")
            {
                Wrap = true, Weight = AdaptiveTextWeight.Bolder,
                Color = statuses.Contains(Status.AboveTarget) ? AdaptiveTextColor.Default : AdaptiveTextColor.Good,
            });
        }
        foreach (var r in matching) card.Body.Add(Row(r));
        card.Body.Add(CardParts.Freshness(view.LastSubmission, zone));
        card.Actions.Add(CardParts.AskScorecard("Whole scorecard", view.Period.IsStated ? view.Period : null));
        return card;
    }

    /// <summary>The measure furthest from its target, then the others in order.</summary>
    public static AdaptiveCard Draw(WorstView view)
    {
        var ranked = view.Ranked;
        if (ranked.Count == 0)
        {
            var none = CardParts.NewCard($"No measure has figures for {view.PeriodLabel}.");
            none.Body.Add(CardParts.Heading("No figures to rank"));
            none.Body.Add(CardParts.Text($"No measure has figures for {view.PeriodLabel}."));
            return none;
        }
        var worst = ranked[0].Result;
        var offTarget = worst.Status.IsOffTarget();
        var headline = offTarget
            ? $"The measure furthest from its target for {view.PeriodLabel} is {worst.Measure.Number} {worst.Measure.ShortName}: {worst.Display} against {worst.TargetLabel} ({worst.StatusLabel})."
            : $"Every measure with figures is on target for {view.PeriodLabel}; the one closest to missing is {worst.Measure.Number} {worst.Measure.ShortName}: {worst.Display} against {worst.TargetLabel}.";
        var card = CardParts.NewCard((view.Note is null ? "" : view.Note + " ") + headline);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading(offTarget ? $"Furthest from target · {view.PeriodLabel}" : $"Closest to missing target · {view.PeriodLabel}"));
        card.Body.Add(CardParts.Text(headline));
        card.Body.Add(CardParts.Subtle("Ranked by the Key's own measure: how far short of its target each measure is, as a share of that target."));
        foreach (var r in ranked) card.Body.Add(Row(r.Result));
        card.Actions.Add(CardParts.AskMeasure($"Measure {worst.Measure.Number}", worst));
        return card;
    }

    private static AdaptiveContainer Row(MeasureResult r)
    {
        var container = new AdaptiveContainer { Separator = true, Style = CardParts.ContainerStyle(r.Status) };
        container.Items.Add(new AdaptiveTextBlock($"{r.Measure.Number} {r.Measure.ShortName} ({r.Measure.Command.Code})") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
        container.Items.Add(new AdaptiveColumnSet
        {
            Columns =
            {
                new AdaptiveColumn { Width = "auto", Items = { new AdaptiveTextBlock(r.Display) { Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Color = CardParts.Colour(r.Status) } } },
                new AdaptiveColumn { Width = "stretch", Items = { CardParts.StatusLabel(r.Status, r.StatusLabel), CardParts.Subtle($"{r.Basis} · target {r.TargetLabel}") } },
            },
        });
        container.Items.Add(new AdaptiveActionSet { Actions = { CardParts.AskMeasure("Details", r) } });
        return container;
    }

    /// <summary>The statuses asked about, in the scorecard's own words ("more than 5% off target (red)").</summary>
    public static string Describe(IReadOnlySet<Status> statuses, ScorecardDefinition definition) =>
        statuses.SetEquals([Status.WithinTolerance, Status.OutsideTolerance]) ? "outside target"
        : statuses.SetEquals([Status.OutsideTolerance]) ? $"{definition.KeyLabel(Status.OutsideTolerance).ToLowerInvariant()} (red)"
        : statuses.SetEquals([Status.WithinTolerance]) ? $"{definition.KeyLabel(Status.WithinTolerance).ToLowerInvariant()} (amber)"
        : statuses.SetEquals([Status.AboveTarget]) ? $"{definition.KeyLabel(Status.AboveTarget).ToLowerInvariant()} (green)"
        : "in " + string.Join(" or ", statuses.Select(s => s.Rag()));
}
