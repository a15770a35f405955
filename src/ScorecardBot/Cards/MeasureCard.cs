using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>One measure: value with its basis, target, status in the Key's colour, period, year to date, components, comments, command, freshness, trend.</summary>
public static class MeasureCard
{
    public static AdaptiveCard Draw(MeasureView view, TimeZoneInfo zone)
    {
        var focus = view.Focus;
        var m = view.Measure;
        var r = view.Result;
        var card = CardParts.NewCard(Summary(view));
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"{m.ShortName} · {view.PeriodLabel}"));
        card.Body.Add(CardParts.Subtle($"Measure {m.Number}: {m.Title}"));
        if (focus == MeasureFocus.Target)
        {
            card.Body.Add(new AdaptiveTextBlock($"Target: {TargetText(r)}") { Size = AdaptiveTextSize.Medium, Weight = AdaptiveTextWeight.Bolder, Wrap = true });
            card.Body.Add(CardParts.Subtle(ToleranceText(r)));
        }
        if (focus == MeasureFocus.Comments && CardParts.Comments(view.Comments) is { } focused) card.Body.Add(focused);
        AddHeadline(card, r);
        AddFacts(card, view);
        if (focus != MeasureFocus.Comments && CardParts.Comments(view.Comments) is { } comments) card.Body.Add(comments);
        if (Trend(view) is { } trend) card.Body.Add(trend);
        card.Body.Add(CardParts.Freshness(view.LastSubmission, zone));
        AddActions(card, view);
        return card;
    }

    public static void AddHeadline(AdaptiveCard card, MeasureResult r)
    {
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
    }

    /// <summary>Target, period, year to date, command; then the figures behind the value.</summary>
    public static void AddFacts(AdaptiveCard card, MeasureView view)
    {
        var r = view.Result;
        card.Body.Add(CardParts.Facts(
            ("Target", TargetText(r)),
            ("Period", view.PeriodLabel),
            (r.Measure.Key.YearToDate == "FYTD" ? "Year to date" : r.Measure.Key.YearToDate, $"{view.YearToDate.Display} ({view.YearToDate.Basis}) · {view.YearToDate.StatusLabel}"),
            ("Command", CardParts.CommandLabel(r.Measure.Command))));
        var components = new AdaptiveFactSet { Separator = true };
        foreach (var c in r.Components) components.Facts.Add(new AdaptiveFact(ComponentLabel(c.Component, r.Period), c.Display));
        card.Body.Add(new AdaptiveTextBlock("Figures") { Weight = AdaptiveTextWeight.Bolder, Separator = true });
        card.Body.Add(components);
    }

    private static void AddActions(AdaptiveCard card, MeasureView view)
    {
        var m = view.Measure;
        var period = Examples.PeriodOf(view.Result.Period);
        if (view.Focus != MeasureFocus.Trend) card.Actions.Add(CardParts.Ask("Trend", new Request(Intent.Trend, "") { Measures = [m] }));
        card.Actions.Add(CardParts.Ask("Year to date", new Request(Intent.MeasureValue, "") { Measures = [m], Period = Examples.YearToDate }));
        if (m.Outcome is not null) card.Actions.Add(CardParts.Ask("What it's for", new Request(Intent.Objective, "") { Measures = [m] }));
        card.Actions.Add(CardParts.AskScorecard("Whole scorecard", view.Result.Period.IsSingleMonth ? period : null));
    }

    /// <summary>Values month by month through the financial year, as a Teams line chart with a plain-text fallback.</summary>
    public static AdaptiveElement? Trend(MeasureView view)
    {
        var points = view.Trend.Where(t => t.Published is not null).ToList();
        if (points.Count < 2) return null;
        var m = view.Measure;
        var text = string.Join(" · ", points.Select(p => $"{p.Period.From.ToPaperLabel()} {p.Display}"));
        var fallback = new AdaptiveTextBlock($"Trend: {text} (target {m.TargetLabelFor(points[0].Period)})") { Wrap = true };
        return new LineChart
        {
            Title = $"{m.ShortName}, month by month",
            Separator = true,
            Data =
            [
                new LineSeries(m.ShortName, points.Select(p => new ChartPoint(p.Period.From.ToPaperLabel(), p.Published!.Value)).ToList()),
                new LineSeries($"Target {m.TargetLabelFor(points[0].Period)}", points.Select(p => new ChartPoint(p.Period.From.ToPaperLabel(), p.Target)).ToList()),
            ],
            Fallback = new AdaptiveFallbackElement(fallback),
        };
    }

    /// <summary>The printed name, and over several months whether the figure is their total or the last month's (a stock).</summary>
    public static string ComponentLabel(Component component, MonthRange period) =>
        period.IsSingleMonth ? component.Name
        : component.Aggregation == Aggregation.Latest ? $"{component.Name} ({period.To.ToPaperLabel()})"
        : $"{component.Name} (total {period.From.ToPaperLabel()} to {period.To.ToPaperLabel()})";

    /// <summary>The target as the scorecard words it, with the figure for the period ("No more than 40 a month (120)").</summary>
    public static string TargetText(MeasureResult r)
    {
        var m = r.Measure;
        var label = r.TargetLabel;
        if (m.Target.Text.Contains(label, StringComparison.Ordinal)) return m.Target.Text;
        // A count target scaled to the period says its rate in brackets ("120 (40 a month)"); the words say it already.
        var bracket = label.IndexOf(" (", StringComparison.Ordinal);
        return $"{m.Target.Text} ({(bracket > 0 ? label[..bracket] : label)})";
    }

    /// <summary>The Key's thresholds for this measure, in its own words and band: where the bands begin.</summary>
    public static string ToleranceText(MeasureResult r)
    {
        var m = r.Measure;
        if (r.Target == 0) return $"Any occurrence is {m.Label(Status.OutsideTolerance)}.";
        var edge = m.Direction == Direction.HigherIsBetter ? r.Target * (1 - m.Tolerance) : r.Target * (1 + m.Tolerance);
        var unit = m.Unit == Unit.Percent ? "%" : "";
        var (bound, word) = m.Direction == Direction.HigherIsBetter ? ("down to", "below") : ("up to", "above");
        return $"{m.Label(Status.WithinTolerance)} {bound} {edge.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}{unit}; "
            + $"further {word} that is {m.Label(Status.OutsideTolerance)}.";
    }

    public static string Summary(MeasureView view)
    {
        var m = view.Measure;
        var r = view.Result;
        var note = (view.Note is null ? "" : view.Note + " ") + (view.Focus == MeasureFocus.Target ? $"The target for {m.ShortName} is {TargetText(r)}. " : "");
        var value = r.HasData
            ? $"{m.ShortName} for {view.PeriodLabel} was {r.Display}, {r.Basis}, against a target of {r.TargetLabel}: {r.StatusLabel}."
            : $"{m.ShortName} for {view.PeriodLabel}: no data.";
        var ytd = view.YearToDate.HasData && view.YearToDate.Period != r.Period ? $" Year to date {view.YearToDate.Display}, {view.YearToDate.StatusLabel}." : "";
        var trend = view.Focus == MeasureFocus.Trend && view.Trend.Count(t => t.HasData) >= 2
            ? " Trend: " + string.Join(", ", view.Trend.Where(t => t.HasData).Select(t => $"{t.Period.From.ToPaperLabel()} {t.Display}")) + "."
            : "";
        var comments = view.Comments.Count > 0 ? " Comment: " + string.Join(" ", view.Comments) : "";
        return note + value + ytd + trend + comments;
    }
}
