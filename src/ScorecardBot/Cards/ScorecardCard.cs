using AdaptiveCards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Answers;

namespace ScorecardBot.Cards;

/// <summary>The committee paper in a card: measures (and their figures) × months + FYTD, target, status in the Key's colours.</summary>
public static class ScorecardCard
{
    /// <summary>Teams refuses cards over 28 KB; past this (with room for the activity around it) the component rows are left out and the card says so.</summary>
    public const int ComponentRowsBudget = 24_000;

    public static RenderedCard Draw(ScorecardView view, TimeZoneInfo zone, bool includeComponents = true)
    {
        var (report, title, note) = (view.Report, view.Title, view.Note);
        var definition = report.Definition;
        var freshness = CardParts.FreshnessText(view.LastSubmission, zone);
        var offTarget = report.Rows.Count(r => r.Cells[^1].Status.IsOffTarget());
        var lines = report.Rows.Select(r =>
            $"{r.Measure.Number} {r.Measure.ShortName}: " + string.Join(", ", r.Cells.Select((c, i) => $"{report.Columns[i].Label} {c.Display}")) + $" ({r.Cells[^1].StatusLabel})"
            + (view.Projections?.FirstOrDefault(p => p.Measure == r.Measure) is { } p ? $", projected {p.ProjectedDisplay} at the year's end ({p.ProjectedStatusLabel})" : ""));
        var summary = (note is null ? "" : note + " ") + $"{title}. "
            + (offTarget == 0 ? "All measures with figures are on target year to date. " : $"{offTarget} measure{(offTarget == 1 ? " is" : "s are")} outside target year to date. ")
            + string.Join("; ", lines) + ".";

        var card = CardParts.NewCard(summary);
        card.AdditionalProperties["msteams"] = new Newtonsoft.Json.Linq.JObject { ["width"] = "Full" };
        if (note is not null) card.Body.Add(CardParts.Note(note));
        card.Body.Add(CardParts.Heading(title));
        card.Body.Add(CardParts.Subtle($"{report.Definition.Title} · {report.Definition.FinancialYear.Label}"));

        var table = new AdaptiveTable { FirstRowAsHeaders = true, ShowGridLines = false, Spacing = AdaptiveSpacing.Medium };
        table.Columns.Add(new AdaptiveTableColumnDefinition { Width = 4 });
        table.Columns.Add(new AdaptiveTableColumnDefinition { Width = 1 });
        foreach (var _ in report.Columns) table.Columns.Add(new AdaptiveTableColumnDefinition { Width = 1 });
        table.Columns.Add(new AdaptiveTableColumnDefinition { Width = 2 });
        var projections = view.Projections;
        if (projections is not null) table.Columns.Add(new AdaptiveTableColumnDefinition { Width = 2 });

        var header = new AdaptiveTableRow { Style = AdaptiveContainerStyle.Emphasis };
        header.Cells.Add(Cell("Measure", bold: true));
        header.Cells.Add(Cell("Target", bold: true));
        foreach (var c in report.Columns) header.Cells.Add(Cell(c.Label, bold: true));
        header.Cells.Add(Cell($"Status ({definition.Key.YearToDate})", bold: true));
        if (projections is not null) header.Cells.Add(Cell($"Projected {definition.FinancialYear.End.ToPaperLabel()}", bold: true));
        table.Rows.Add(header);

        foreach (var row in report.Rows)
        {
            var m = row.Measure;
            var line = new AdaptiveTableRow();
            line.Cells.Add(Cell($"{m.Number} {m.ShortName} ({m.Command.Code})", bold: true));
            line.Cells.Add(Cell(row.Cells[0].TargetLabel));
            foreach (var cell in row.Cells) line.Cells.Add(Cell(cell.Display, colour: CardParts.Colour(cell.Status), bold: true));
            line.Cells.Add(Cell(row.Cells[^1].StatusLabel, colour: CardParts.Colour(row.Cells[^1].Status)));
            if (projections?.FirstOrDefault(p => p.Measure == m) is { } projected)
            {
                line.Cells.Add(Cell($"{projected.ProjectedDisplay} · {projected.ProjectedStatusLabel}", colour: CardParts.Colour(projected.ProjectedStatus)));
            }
            table.Rows.Add(line);

            if (!includeComponents) continue;
            foreach (var component in row.Components)
            {
                var sub = new AdaptiveTableRow();
                sub.Cells.Add(Cell("  " + component.Component.Name, subtle: true));
                sub.Cells.Add(Cell(""));
                foreach (var v in component.Cells) sub.Cells.Add(Cell(v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–", subtle: true));
                sub.Cells.Add(Cell(""));
                if (projections is not null) sub.Cells.Add(Cell(""));
                table.Rows.Add(sub);
            }
        }
        card.Body.Add(table);

        var comments = report.Rows.SelectMany(r => r.Comments.Select(c => $"Measure {r.Measure.Number}: {c}")).ToList();
        if (CardParts.Comments(comments) is { } commentBlock) card.Body.Add(commentBlock);
        if (!includeComponents) card.Body.Add(CardParts.Subtle("Figures behind each measure are left out to keep this card small; ask for a measure to see them."));
        var key = string.Join(" · ", new[] { Status.AboveTarget, Status.WithinTolerance, Status.OutsideTolerance, Status.NoData }.Select(definition.KeyLabel));
        if (view.Locked.Count > 0)
        {
            card.Body.Add(CardParts.Text("🔒 Locked against changes: " + string.Join(", ", view.Locked.Select(m => m.ToLongLabel())) + "."));
        }
        if (projections is { Count: > 0 })
        {
            card.Body.Add(CardParts.Subtle($"Projected: each measure at its run rate of the figures to {projections[0].BasedOn.To.ToLongLabel()}, "
                + $"resting on {projections.Max(p => p.MonthsOfFigures)} months at most; ask \"<measure> projection\" for the method and what the rest of the year needs."));
        }
        card.Body.Add(CardParts.Subtle($"Key: {key}"));
        card.Body.Add(CardParts.Subtle(freshness));
        var period = Examples.PeriodOf(report.Range);
        card.Actions.Add(CardParts.AskExceptions("Off-target measures", period));
        card.Actions.Add(CardParts.AskScorecard("Year to date", Examples.YearToDate));

        var rendered = RenderedCard.Of(card);
        return includeComponents && rendered.WireSize > ComponentRowsBudget ? Draw(view, zone, includeComponents: false) : rendered;
    }

    private static AdaptiveTableCell Cell(string text, bool bold = false, bool subtle = false, AdaptiveTextColor colour = AdaptiveTextColor.Default) =>
        new()
        {
            Items =
            {
                new AdaptiveTextBlock(text.Length == 0 ? " " : text)
                {
                    Wrap = true,
                    Weight = bold ? AdaptiveTextWeight.Bolder : AdaptiveTextWeight.Default,
                    IsSubtle = subtle,
                    Color = colour,
                    Size = subtle ? AdaptiveTextSize.Small : AdaptiveTextSize.Default,
                },
            },
        };
}
