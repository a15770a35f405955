using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Cards;

/// <summary>One raw figure ("IED Calls in August 2007: 33"), with the measure it feeds and that measure's status.</summary>
public static class ComponentCard
{
    public static AdaptiveCard Draw(Component component, MeasureView view, TimeZoneInfo zone)
    {
        var value = view.Result.Components.First(c => c.Component == component);
        var ytd = view.YearToDate.Components.First(c => c.Component == component);
        var m = view.Measure;
        var summary = (view.Note is null ? "" : view.Note + " ")
            + $"{component.Name} for {view.PeriodLabel}: {value.Display}. " + (view.YearToDate.Period == view.Result.Period ? "" : $"Year to date {ytd.Display}. ")
            + (view.Result.HasData
                ? $"It feeds measure {m.Number}, {m.ShortName}, which was {view.Result.Display} ({view.Result.StatusLabel})."
                : $"It feeds measure {m.Number}, {m.ShortName}, which has no figure for {view.PeriodLabel}.")
            + (view.Comments.Count > 0 ? " Comment: " + string.Join(" ", view.Comments) : "");

        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"{component.Name} · {view.PeriodLabel}"));
        card.Body.Add(CardParts.Subtle($"A figure of measure {m.Number}: {m.ShortName} ({m.Command.Code})"));
        card.Body.Add(new AdaptiveTextBlock(value.Display) { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder });
        card.Body.Add(CardParts.Facts(
            ("Year to date", ytd.Display),
            ("Measure", $"{view.Result.Display} ({view.Result.Basis})"),
            ("Target", m.TargetLabel),
            ("Command", CardParts.CommandLabel(m.Command))));
        card.Body.Add(CardParts.StatusLabel(view.Result.Status, view.Result.StatusLabel));

        var months = view.Trend.Where(t => t.Components.Any(c => c.Component == component && c.Value is not null)).ToList();
        if (months.Count >= 2)
        {
            var points = months.Select(t => new ChartPoint(t.Period.From.ToPaperLabel(), t.Components.First(c => c.Component == component).Value!.Value)).ToList();
            card.Body.Add(new VerticalBarChart
            {
                Title = $"{component.Name} by month",
                Separator = true,
                Data = points,
                Fallback = new AdaptiveFallbackElement(new AdaptiveTextBlock(
                    "By month: " + string.Join(" · ", points.Select(p => $"{p.X} {p.Y.ToString(CultureInfo.InvariantCulture)}"))) { Wrap = true }),
            });
        }
        if (CardParts.Comments(view.Comments) is { } comments) card.Body.Add(comments);
        card.Body.Add(CardParts.Freshness(view.LastSubmission, zone));
        card.Actions.Add(CardParts.AskMeasure($"Measure {m.Number}", view.Result));
        return card;
    }
}
