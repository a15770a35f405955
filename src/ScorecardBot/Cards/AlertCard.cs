using System.Globalization;
using AdaptiveCards;
using Newtonsoft.Json.Linq;
using ScorecardBot.Alerts;
using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>
/// The month-end alert: each measure that slipped more than its band outside target, with its value against target,
/// how far outside, its recent months and its comments; buttons for the measure and the scorecard.
/// </summary>
public static class AlertCard
{
    public static AdaptiveCard Draw(AlertView view)
    {
        var month = view.Month.ToLongLabel();
        var lines = view.Measures.Select(Line).ToList();
        var count = view.Measures.Count;
        var heading = $"Month-end alert · {month}";
        var summary = (view.Opening is null ? "" : view.Opening + " ")
            + $"{heading}: {count} measure{(count == 1 ? " was" : "s were")} {Status(view)} in {month}. " + string.Join(" ", lines);
        var card = CardParts.NewCard(summary);
        card.Body.Add(CardParts.Heading(heading));
        if (view.Opening is not null) card.Body.Add(CardParts.Text(view.Opening));
        card.Body.Add(CardParts.Text($"{count} measure{(count == 1 ? " was" : "s were")} {Status(view)} in {month}."));
        foreach (var slipped in view.Measures) card.Body.Add(Block(slipped));
        card.Actions.Add(CardParts.AskScorecard($"Scorecard for {month}", Examples.PeriodOf(view.Month)));
        return card;
    }

    /// <summary>The Key's words for the status, in the scorecard's own wording and band ("more than 10% outside target").</summary>
    public static string Status(AlertView view)
    {
        var labels = view.Measures.Select(m => m.Result.StatusLabel).Distinct().ToList();
        return labels is [var one] ? one.ToLowerInvariant() : "outside target by more than their band";
    }

    /// <summary>A lead's reminder: the figures are due; the button opens the form for the command and month.</summary>
    public static AdaptiveCard Draw(ReminderView view)
    {
        var month = view.Month.ToLongLabel();
        var due = view.DueOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var text = $"{view.Command.Code}'s figures for {month} have not been submitted yet; they are due by {due}.";
        var card = CardParts.NewCard(text);
        card.Body.Add(CardParts.Heading($"Figures due · {view.Command.Code} · {month}"));
        card.Body.Add(CardParts.Text(text));
        card.Actions.Add(new AdaptiveExecuteAction
        {
            Title = $"Submit {view.Command.Code} figures for {month}",
            Verb = FormCard.OpenVerb,
            Data = new JObject { ["command"] = view.Command.Code, ["month"] = view.Month.ToString() },
        });
        return card;
    }

    private static AdaptiveContainer Block(SlippedMeasure slipped)
    {
        var r = slipped.Result;
        var m = r.Measure;
        var block = new AdaptiveContainer { Separator = true, Style = CardParts.ContainerStyle(r.Status) };
        block.Items.Add(new AdaptiveTextBlock($"{m.Number} {m.ShortName} ({m.Command.Code})") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
        block.Items.Add(new AdaptiveColumnSet
        {
            Columns =
            {
                new AdaptiveColumn { Width = "auto", Items = { new AdaptiveTextBlock(r.Display) { Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Color = CardParts.Colour(r.Status) } } },
                new AdaptiveColumn { Width = "stretch", Items = { CardParts.StatusLabel(r.Status, r.StatusLabel), CardParts.Subtle($"{r.Basis} · target {r.TargetLabel} · {Outside(slipped)}") } },
            },
        });
        var months = slipped.Trend.Where(t => t.HasData).Select(t => $"{t.Period.From.ToPaperLabel()} {t.Display}").ToList();
        if (months.Count > 1) block.Items.Add(CardParts.Subtle("Recent months: " + string.Join(" · ", months)));
        foreach (var comment in slipped.Comments) block.Items.Add(CardParts.Text("Comment: " + comment));
        block.Items.Add(new AdaptiveActionSet { Actions = { CardParts.AskMeasure($"Measure {m.Number}", r), CardParts.AskMeasure("Why", r, Intent.Why) } });
        return block;
    }

    /// <summary>"12% outside target" (relative, as the Key measures it); a zero target breached is outside at any count.</summary>
    private static string Outside(SlippedMeasure slipped) =>
        slipped.ShareOutside is { } share ? $"{Math.Round(share * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)}% outside target" : "breaches a zero target";

    private static string Line(SlippedMeasure slipped) =>
        $"{slipped.Measure.Number} {slipped.Measure.ShortName}: {slipped.Result.Display} against {slipped.Result.TargetLabel} ({Outside(slipped)}).";
}
