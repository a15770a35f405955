using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Analysis;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>
/// Where the year is heading: for one measure its projected year end, the status that would get, what the remaining
/// months need, the method and its limits; for several, a row each and the method of each below.
/// </summary>
public static class ProjectionCard
{
    public static AdaptiveCard Draw(ProjectionView view)
    {
        var asOf = view.AsOf.ToLongLabel();
        var lines = view.Projections.Select(Sentence).ToList();
        var summary = (view.Note is null ? "" : view.Note + " ") + $"Projected to {view.Definition.FinancialYear.End.ToLongLabel()} from the figures to {asOf}. "
            + string.Join(" ", lines);
        var card = CardParts.NewCard(summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading(view.Projections.Count == 1
            ? $"{view.Projections[0].Measure.ShortName}: year-end projection"
            : $"Year-end projection · {view.Definition.FinancialYear.Label}"));
        card.Body.Add(CardParts.Subtle($"At the run rate of the figures to {asOf}; a projection, not a forecast: it assumes the months to come are like the months so far."));
        if (view.Projections.Count == 1)
        {
            var p = view.Projections[0];
            card.Body.Add(CardParts.StatusLabel(p.ProjectedStatus, $"{p.ProjectedDisplay} projected: {p.ProjectedStatusLabel}"));
            card.Body.Add(CardParts.Facts(
                ("Year's target", p.Measure.FormatValue(p.TargetForYear)),
                ("Months of figures", p.MonthsOfFigures.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Months remaining", p.RemainingMonths.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            card.Body.Add(CardParts.Text(p.Needed.Sentence));
            card.Body.Add(CardParts.Subtle("Method: " + p.Method));
            foreach (var limit in p.Limits) card.Body.Add(CardParts.Subtle(limit));
            card.Actions.Add(CardParts.Ask("Trend", new Request(Intent.Trend, "") { Measures = [p.Measure] }));
            card.Actions.Add(CardParts.Ask("All measures", new Request(Intent.Projection, "")));
            return card;
        }

        var table = new AdaptiveTable { FirstRowAsHeaders = true, ShowGridLines = false };
        table.Columns.AddRange([new AdaptiveTableColumnDefinition { Width = 3 }, new AdaptiveTableColumnDefinition { Width = 1 },
            new AdaptiveTableColumnDefinition { Width = 1 }, new AdaptiveTableColumnDefinition { Width = 2 }]);
        table.Rows.Add(Row(Cell("Measure", bold: true), Cell("Projected", bold: true), Cell("Target", bold: true), Cell("Status", bold: true)));
        foreach (var p in view.Projections)
        {
            table.Rows.Add(Row(Cell($"{p.Measure.Number} {p.Measure.ShortName}"), Cell(p.ProjectedDisplay), Cell(p.Measure.FormatValue(p.TargetForYear)),
                Cell(p.ProjectedStatusLabel, colour: CardParts.Colour(p.ProjectedStatus))));
        }
        card.Body.Add(table);
        foreach (var p in view.Projections.Where(p => p.ProjectedStatus.IsOffTarget()))
        {
            card.Body.Add(CardParts.Text($"{p.Measure.ShortName}: {p.Needed.Sentence}"));
        }
        card.Body.Add(CardParts.Subtle("Method: each measure's components continue at their run rate so far; ask about one measure for its method and limits."));
        foreach (var p in view.Projections.Take(4)) card.Actions.Add(CardParts.Ask($"{p.Measure.ShortName}", new Request(Intent.Projection, "") { Measures = [p.Measure] }));
        return card;
    }

    private static string Sentence(YearEndProjection p) =>
        $"{p.Measure.ShortName}: {p.ProjectedDisplay} projected against {p.Measure.FormatValue(p.TargetForYear)}, {p.ProjectedStatusLabel}.";

    private static AdaptiveTableRow Row(params AdaptiveTableCell[] cells)
    {
        var row = new AdaptiveTableRow();
        row.Cells.AddRange(cells);
        return row;
    }

    private static AdaptiveTableCell Cell(string text, bool bold = false, AdaptiveTextColor colour = AdaptiveTextColor.Default)
    {
        var cell = new AdaptiveTableCell();
        cell.Items.Add(new AdaptiveTextBlock(text) { Wrap = true, Weight = bold ? AdaptiveTextWeight.Bolder : AdaptiveTextWeight.Default, Color = colour });
        return cell;
    }
}
