using AdaptiveCards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Cards;

/// <summary>Everything one measure's card shows, computed by the answerer.</summary>
public sealed record MeasureView(
    MeasureResult Result,
    MeasureResult YearToDate,
    string PeriodLabel,
    IReadOnlyList<MeasureResult> Trend,
    IReadOnlyList<string> Comments,
    Figure? LastSubmission,
    string? Note)
{
    public Measure Measure => Result.Measure;
}

public enum MeasureFocus { Value, Target, Trend, Comments }

/// <summary>One measure: value with its basis, target, status in the Key's colour, period, FYTD, components, comments, command, freshness, trend.</summary>
public static class MeasureCard
{
    public static AdaptiveCard Draw(MeasureView view, TimeZoneInfo zone, MeasureFocus focus = MeasureFocus.Value)
    {
        var m = view.Measure;
        var r = view.Result;
        var card = CardParts.NewCard(Summary(view, focus));
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"{m.ShortName} · {view.PeriodLabel}"));
        card.Body.Add(CardParts.Subtle($"Measure {m.Number}: {m.Title}"));
        if (focus == MeasureFocus.Target)
        {
            card.Body.Add(new AdaptiveTextBlock($"Target: {TargetText(m)}")
                { Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true });
            card.Body.Add(CardParts.Subtle(ToleranceText(m)));
        }
        if (focus == MeasureFocus.Comments && CardParts.Comments(view.Comments) is { } focused) card.Body.Add(focused);

        var headline = new AdaptiveColumnSet { Spacing = AdaptiveSpacing.Medium };
        headline.Columns.Add(new AdaptiveColumn
        {
            Width = "auto",
            Items = { new AdaptiveTextBlock(r.Display) { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder, Color = CardParts.Colour(r.Status) } },
        });
        headline.Columns.Add(new AdaptiveColumn
        {
            Width = "stretch",
            VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
            Items = { CardParts.StatusLabel(r.Status, r.StatusLabel), CardParts.Subtle(r.Basis) },
        });
        card.Body.Add(headline);

        card.Body.Add(CardParts.Facts(
            ("Target", TargetText(m)),
            ("Period", view.PeriodLabel),
            ("Year to date", $"{view.YearToDate.Display} ({view.YearToDate.Basis}) · {view.YearToDate.StatusLabel}"),
            ("Command", CardParts.CommandLabel(m.Command))));

        var components = new AdaptiveFactSet { Separator = true };
        foreach (var c in r.Components) components.Facts.Add(new AdaptiveFact(ComponentLabel(c.Component, r.Period), c.Display));
        card.Body.Add(new AdaptiveTextBlock("Figures") { Weight = AdaptiveTextWeight.Bolder, Separator = true });
        card.Body.Add(components);

        if (focus != MeasureFocus.Comments && CardParts.Comments(view.Comments) is { } comments) card.Body.Add(comments);
        if (Trend(view) is { } trend) card.Body.Add(trend);
        card.Body.Add(CardParts.Freshness(view.LastSubmission, zone));

        var periodWords = view.Result.Period.IsSingleMonth ? " " + view.Result.Period.From.ToLongLabel() : "";
        if (focus != MeasureFocus.Trend) card.Actions.Add(CardParts.Ask("Trend", $"trend of measure {m.Number}"));
        card.Actions.Add(CardParts.Ask("Year to date", $"measure {m.Number} year to date"));
        card.Actions.Add(CardParts.Ask("Whole scorecard", $"scorecard{periodWords}"));
        return card;
    }

    /// <summary>Values month by month through the financial year, as a Teams line chart with a plain-text fallback.</summary>
    public static AdaptiveElement? Trend(MeasureView view)
    {
        var points = view.Trend.Where(t => t.Published is not null).ToList();
        if (points.Count < 2) return null;
        var m = view.Measure;
        var text = string.Join(" · ", points.Select(p => $"{p.Period.From.ToPaperLabel()} {p.Display}"));
        var fallback = new AdaptiveTextBlock($"Trend: {text} (target {m.TargetLabel})") { Wrap = true };
        var chart = new LineChart
        {
            Title = $"{m.ShortName}, month by month",
            Separator = true,
            Data =
            [
                new LineSeries(m.ShortName, points.Select(p => new ChartPoint(p.Period.From.ToPaperLabel(), p.Published!.Value)).ToList()),
                new LineSeries($"Target {m.TargetLabel}", points.Select(p => new ChartPoint(p.Period.From.ToPaperLabel(), m.Target.Value)).ToList()),
            ],
            Fallback = new AdaptiveFallbackElement(fallback),
        };
        return chart;
    }

    /// <summary>The printed name, and over several months whether the figure is their total or the last month's (a stock).</summary>
    public static string ComponentLabel(Component component, MonthRange period) =>
        period.IsSingleMonth ? component.Name
        : component.Aggregation == Aggregation.Latest ? $"{component.Name} ({period.To.ToPaperLabel()})"
        : $"{component.Name} (total {period.From.ToPaperLabel()} to {period.To.ToPaperLabel()})";

    public static string TargetText(Measure m) =>
        m.Target.Text + (m.Target.Text.Contains(m.TargetLabel, StringComparison.Ordinal) ? "" : $" ({m.TargetLabel})");

    /// <summary>The Key's thresholds for this measure, in words: what counts as amber and red.</summary>
    public static string ToleranceText(Measure m)
    {
        if (m.Target.Value == 0) return "Any occurrence is More Than 10% Outside Target.";
        var edge = m.Direction == Direction.HigherIsBetter ? m.Target.Value * (1 - m.Tolerance) : m.Target.Value * (1 + m.Tolerance);
        var unit = m.Unit == Unit.Percent ? "%" : "";
        var (bound, word) = m.Direction == Direction.HigherIsBetter ? ("down to", "below") : ("up to", "above");
        return $"Less Than 10% Outside Target {bound} {edge.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}{unit}; further {word} that is More Than 10% Outside Target.";
    }

    public static string Summary(MeasureView view, MeasureFocus focus = MeasureFocus.Value)
    {
        var m = view.Measure;
        var r = view.Result;
        var note = (view.Note is null ? "" : view.Note + " ") + (focus == MeasureFocus.Target ? $"The target for {m.ShortName} is {TargetText(m)}. " : "");
        var value = r.HasData
            ? $"{m.ShortName} for {view.PeriodLabel} was {r.Display}, {r.Basis}, against a target of {m.TargetLabel}: {r.StatusLabel}."
            : $"{m.ShortName} for {view.PeriodLabel}: no data.";
        var ytd = view.YearToDate.HasData && view.YearToDate.Period != r.Period ? $" Year to date {view.YearToDate.Display}, {view.YearToDate.StatusLabel}." : "";
        var trend = focus == MeasureFocus.Trend && view.Trend.Count(t => t.HasData) >= 2
            ? " Trend: " + string.Join(", ", view.Trend.Where(t => t.HasData).Select(t => $"{t.Period.From.ToPaperLabel()} {t.Display}")) + "."
            : "";
        var comments = view.Comments.Count > 0 ? " Comment: " + string.Join(" ", view.Comments) : "";
        return note + value + ytd + trend + comments;
    }

    public static IReadOnlyList<MeasureResult> TrendOf(Measure measure, FigureSet figures, FinancialYear year, YearMonth upTo)
    {
        var end = upTo > year.End ? year.End : upTo;
        if (end < year.Start) return [];
        return new MonthRange(year.Start, end).Months().Select(month => ScorecardCalculator.Evaluate(measure, figures, MonthRange.Single(month))).ToList();
    }
}
