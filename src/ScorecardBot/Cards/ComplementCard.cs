using AdaptiveCards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Cards;

/// <summary>
/// The rest of a ratio measure: "6 of 353 calls (2%) were not counted in Hotline calls answered within set time". The
/// measure itself, with its status, stays beside it, so the smaller number is never read as the measure.
/// </summary>
public static class ComplementCard
{
    public static AdaptiveCard Draw(MeasureView view, TimeZoneInfo zone)
    {
        var r = view.Result;
        var m = view.Measure;
        if (r.Numerator is not { } counted || r.Denominator is not { } all || all <= 0 || m.Value is not RatioFormula ratio)
        {
            return MeasureCard.Draw(view, zone);
        }

        var rest = all - counted;
        var share = Rounding.ToReportingPrecision(100m * rest / all, m.Decimals);
        var restText = $"{rest} of {all} {ratio.Basis}".TrimEnd() + $" ({share.ToString($"F{m.Decimals}", System.Globalization.CultureInfo.InvariantCulture)}%)";
        var summary = (view.Note is null ? "" : view.Note + " ")
            + $"Not counted in {m.ShortName} for {view.PeriodLabel}: {restText}. {m.ShortName} was {r.Display}, {r.Basis}, against a target of {m.TargetLabel}: {r.StatusLabel}.";

        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"Not counted in {m.ShortName} · {view.PeriodLabel}"));
        card.Body.Add(new AdaptiveTextBlock(restText) { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder, Wrap = true });
        card.Body.Add(CardParts.Facts(
            ("Measure", $"{m.Number} {m.ShortName}: {r.Display} ({r.Basis})"),
            ("Target", m.TargetLabel),
            ("Period", view.PeriodLabel),
            ("Command", CardParts.CommandLabel(m.Command))));
        card.Body.Add(CardParts.StatusLabel(r.Status, r.StatusLabel));
        if (CardParts.Comments(view.Comments) is { } comments) card.Body.Add(comments);
        card.Body.Add(CardParts.Freshness(view.LastSubmission, zone));
        card.Actions.Add(CardParts.AskMeasure($"Measure {m.Number}", r));
        return card;
    }
}
