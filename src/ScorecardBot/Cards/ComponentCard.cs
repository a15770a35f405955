using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>One raw figure ("IED Calls in August 2007: 33"), with the measure it feeds and that measure's status; by month when asked.</summary>
public static class ComponentCard
{
    public static AdaptiveCard Draw(ComponentView view, TimeZoneInfo zone)
    {
        var component = view.Component;
        var measureView = view.Measure;
        var value = measureView.Result.Components.First(c => c.Component == component);
        var ytd = measureView.YearToDate.Components.First(c => c.Component == component);
        var m = measureView.Measure;
        var months = measureView.Trend
            .Select(t => (t.Period, Value: t.Components.First(c => c.Component == component).Value))
            .Where(t => t.Value is not null)
            .ToList();
        var byMonth = view.ByMonth is { Count: > 0 } rows
            ? " By month: " + string.Join(", ", rows.Select(f => $"{Label(f.Period)} {f.Value}")) + "."
            : "";
        var summary = (view.Note is null ? "" : view.Note + " ")
            + $"{component.Name} for {measureView.PeriodLabel}: {value.Display}. "
            + (measureView.YearToDate.Period == measureView.Result.Period ? "" : $"Year to date {ytd.Display}. ")
            + byMonth.TrimStart() + (byMonth.Length > 0 ? " " : "")
            + (measureView.Result.HasData
                ? $"It feeds measure {m.Number}, {m.ShortName}, which was {measureView.Result.Display} ({measureView.Result.StatusLabel})."
                : $"It feeds measure {m.Number}, {m.ShortName}, which has no figure for {measureView.PeriodLabel}.")
            + (measureView.Comments.Count > 0 ? " Comment: " + string.Join(" ", measureView.Comments) : "");

        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading(view.ByMonth is not null ? $"{component.Name} by month" : $"{component.Name} · {measureView.PeriodLabel}"));
        card.Body.Add(CardParts.Subtle($"A figure of measure {m.Number}: {m.ShortName} ({m.Command.Code})"));
        if (view.ByMonth is { } figures)
        {
            var table = new AdaptiveFactSet();
            foreach (var f in figures) table.Facts.Add(new AdaptiveFact(Label(f.Period), f.Value.ToString(CultureInfo.InvariantCulture)));
            card.Body.Add(table);
            if (figures.Any(f => !f.Period.IsSingleMonth))
            {
                card.Body.Add(CardParts.Subtle("Months shown together were submitted as one figure; it is never split between them."));
            }
        }
        else
        {
            card.Body.Add(new AdaptiveTextBlock(value.Display) { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder });
        }
        card.Body.Add(CardParts.Facts(
            ("Year to date", ytd.Display),
            ("Measure", $"{measureView.Result.Display} ({measureView.Result.Basis})"),
            ("Target", measureView.Result.TargetLabel),
            ("Command", CardParts.CommandLabel(m.Command))));
        card.Body.Add(CardParts.StatusLabel(measureView.Result.Status, measureView.Result.StatusLabel));

        if (months.Count >= 2)
        {
            var points = months.Select(t => new ChartPoint(t.Period.From.ToPaperLabel(), t.Value!.Value)).ToList();
            card.Body.Add(new VerticalBarChart
            {
                Title = $"{component.Name} by month",
                Separator = true,
                Data = points,
                Fallback = new AdaptiveFallbackElement(new AdaptiveTextBlock(
                    "By month: " + string.Join(" · ", points.Select(p => $"{p.X} {p.Y.ToString(CultureInfo.InvariantCulture)}"))) { Wrap = true }),
            });
        }
        if (CardParts.Comments(measureView.Comments) is { } comments) card.Body.Add(comments);
        card.Body.Add(CardParts.Freshness(measureView.LastSubmission, zone));
        card.Actions.Add(CardParts.AskMeasure($"Measure {m.Number}", measureView.Result));
        if (view.ByMonth is null)
        {
            card.Actions.Add(CardParts.Ask("By month", new Request(Intent.Trend, "") { Measures = [m], Component = component }));
        }
        return card;
    }

    /// <summary>"July 2007", or "April to May 2007 (together)" for months held as one figure.</summary>
    private static string Label(MonthRange period) =>
        period.IsSingleMonth ? period.From.ToLongLabel() : $"{period.ToLongLabel()} (together)";
}
