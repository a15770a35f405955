using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Pack;

/// <summary>The paper's table as a sheet: No. | Measure / component | Target | months… | FYTD | Status (FYTD) | Command | Comments.</summary>
internal static class XlsxPackSheet
{
    public static void Write(WorksheetPart part, CommitteeReport report)
    {
        var columns = report.Columns.Count;
        string Col(int i) => XlsxCells.Column(i);
        var (statusCol, commandCol, commentCol) = (4 + columns, 5 + columns, 6 + columns);
        var data = new SheetData();
        var definition = report.Definition;
        data.Append(XlsxCells.Row(1, XlsxCells.Text("A", 1, definition.Title, XlsxStyles.Title)));
        data.Append(XlsxCells.Row(2, XlsxCells.Text("A", 2,
            $"{definition.Organisation} · {report.Range.ToLongLabel()} · financial year {definition.FinancialYear.Label}", XlsxStyles.Bold)));

        var header = new List<Cell>
        {
            XlsxCells.Text("A", XlsxPack.HeaderRow, "No.", XlsxStyles.Header),
            XlsxCells.Text("B", XlsxPack.HeaderRow, "Measure of performance", XlsxStyles.Header),
            XlsxCells.Text("C", XlsxPack.HeaderRow, $"Target {definition.FinancialYear.Label}", XlsxStyles.Header),
        };
        for (var c = 0; c < columns; c++) header.Add(XlsxCells.Text(Col(4 + c), XlsxPack.HeaderRow, report.Columns[c].Label, XlsxStyles.Header));
        header.Add(XlsxCells.Text(Col(statusCol), XlsxPack.HeaderRow, "Status (FYTD)", XlsxStyles.Header));
        header.Add(XlsxCells.Text(Col(commandCol), XlsxPack.HeaderRow, "Command", XlsxStyles.Header));
        header.Add(XlsxCells.Text(Col(commentCol), XlsxPack.HeaderRow, "Comments", XlsxStyles.Header));
        data.Append(XlsxCells.Row(XlsxPack.HeaderRow, [.. header]));

        var row = XlsxPack.HeaderRow + 1u;
        foreach (var (objective, outcome, measureRow) in ReportHeadings.Walk(report))
        {
            var measure = measureRow.Measure;
            if (objective is not null)
            {
                data.Append(XlsxCells.Row(row, XlsxCells.Text("B", row, objective.Title, XlsxStyles.Band)));
                row++;
            }
            if (outcome is not null)
            {
                data.Append(XlsxCells.Row(row, XlsxCells.Text("B", row, "Intended outcome: " + outcome.Title, XlsxStyles.Bold)));
                row++;
            }

            var cells = new List<Cell>
            {
                XlsxCells.Number("A", row, measure.Number, XlsxStyles.Integer),
                XlsxCells.Text("B", row, measure.Title, XlsxStyles.Wrap),
                XlsxCells.Text("C", row, measure.Target.Text, XlsxStyles.Wrap),
            };
            for (var c = 0; c < columns; c++)
            {
                var cell = measureRow.Cells[c];
                cells.Add(XlsxCells.Number(Col(4 + c), row, CellValue(measure, cell), XlsxStyles.Value(cell.Status, measure)));
            }
            var fytd = measureRow.Cells[^1];
            cells.Add(XlsxCells.Text(Col(statusCol), row, fytd.StatusLabel, XlsxStyles.StatusLabel(fytd.Status)));
            cells.Add(XlsxCells.Text(Col(commandCol), row, measure.Command.Code));
            if (measureRow.Comments.Count > 0)
                cells.Add(XlsxCells.Text(Col(commentCol), row, string.Join("\n", measureRow.Comments), XlsxStyles.Wrap));
            data.Append(XlsxCells.Row(row, [.. cells]));
            row++;

            foreach (var component in measureRow.Components)
            {
                var componentCells = new List<Cell> { XlsxCells.Text("B", row, "    " + component.Component.Name) };
                for (var c = 0; c < columns; c++)
                {
                    if (component.Cells[c] is { } value) componentCells.Add(XlsxCells.Number(Col(4 + c), row, value, XlsxStyles.Integer));
                }
                data.Append(XlsxCells.Row(row, [.. componentCells]));
                row++;
            }
        }

        var widths = new List<(int, double)> { (1, 5), (2, 62), (3, 24) };
        for (var c = 0; c < columns; c++) widths.Add((4 + c, 10));
        widths.AddRange([(statusCol, 28), (commandCol, 10), (commentCol, 70)]);
        part.Worksheet = new Worksheet(FrozenHeader(), XlsxCells.Columns([.. widths]), data);
    }

    /// <summary>A percentage as the fraction Excel formats with %, a count as itself; no value without data.</summary>
    internal static decimal? CellValue(Measure measure, MeasureResult cell) =>
        cell.Published is not { } published ? null : measure.Unit == Unit.Percent ? published / 100m : published;

    private static SheetViews FrozenHeader()
    {
        var topLeft = "A" + (XlsxPack.HeaderRow + 1);
        var pane = new Pane
        {
            VerticalSplit = XlsxPack.HeaderRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        };
        var selection = new Selection
        {
            Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft },
        };
        return new SheetViews(new SheetView(pane, selection) { WorkbookViewId = 0 });
    }
}
