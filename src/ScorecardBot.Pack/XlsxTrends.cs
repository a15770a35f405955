using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ScorecardBot.Core.Reporting;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ScorecardBot.Pack;

/// <summary>
/// Per measure, a block of three rows (months, values, target) and beside it a native line chart of values against
/// target, drawn from those cells.
/// </summary>
internal static class XlsxTrends
{
    public const int RowsPerMeasure = 16;
    private const int ChartColumns = 8;

    public static void Write(WorksheetPart part, CommitteeReport report)
    {
        var months = report.Columns.Count - 1; // FYTD is not a point in time
        var data = new SheetData();
        var drawings = part.AddNewPart<DrawingsPart>();
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing();
        var last = XlsxCells.Column(1 + months);
        for (var i = 0; i < report.Rows.Count; i++)
        {
            var row = report.Rows[i];
            var measure = row.Measure;
            var top = (uint)(1 + i * RowsPerMeasure);
            var labels = new List<Cell> { XlsxCells.Text("A", top, $"{measure.Number} {measure.ShortName}", XlsxStyles.Bold) };
            var values = new List<Cell> { XlsxCells.Text("A", top + 1, "Value") };
            var targets = new List<Cell> { XlsxCells.Text("A", top + 2, "Target") };
            var target = measure.Unit == Core.Definition.Unit.Percent ? measure.Target.Value / 100m : measure.Target.Value;
            for (var c = 0; c < months; c++)
            {
                var column = XlsxCells.Column(2 + c);
                labels.Add(XlsxCells.Text(column, top, report.Columns[c].Label, XlsxStyles.Bold));
                values.Add(XlsxCells.Number(column, top + 1, XlsxPackSheet.CellValue(measure, row.Cells[c]), XlsxStyles.Value(row.Cells[c].Status, measure)));
                targets.Add(XlsxCells.Number(column, top + 2, target, measure.Unit == Core.Definition.Unit.Percent ? XlsxStyles.Percent : XlsxStyles.Integer));
            }
            data.Append(XlsxCells.Row(top, [.. labels]), XlsxCells.Row(top + 1, [.. values]), XlsxCells.Row(top + 2, [.. targets]));

            var chart = drawings.AddNewPart<ChartPart>();
            chart.ChartSpace = Chart($"{measure.Number} {measure.ShortName}", $"$B${top}:${last}${top}", top,
                measure.Unit == Core.Definition.Unit.Percent ? "0%" : "0");
            drawings.WorksheetDrawing.Append(Anchor(drawings.GetIdOfPart(chart), (uint)(i + 2), months + 2, (int)top - 1));
        }
        part.Worksheet = new Worksheet(XlsxCells.Columns((1, 30)), data, new Drawing { Id = part.GetIdOfPart(drawings) });
    }

    private static C.ChartSpace Chart(string title, string categories, uint top, string numberFormat)
    {
        var sheet = $"'{XlsxPack.TrendSheet}'!";
        C.LineChartSeries Series(uint index, uint row, bool markers) => new(
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.StringReference(new C.Formula($"{sheet}$A${row}"))),
            new C.Marker(new C.Symbol { Val = markers ? C.MarkerStyleValues.Circle : C.MarkerStyleValues.None }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula(sheet + categories))),
            new C.Values(new C.NumberReference(new C.Formula(sheet + categories.Replace($"${top}", $"${row}")))),
            new C.Smooth { Val = false });

        var titleText = new C.Title(
            new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 1000, Bold = true }, new A.Text(title))))),
            new C.Overlay { Val = false });
        var plot = new C.PlotArea(
            new C.Layout(),
            new C.LineChart(
                new C.Grouping { Val = C.GroupingValues.Standard },
                new C.VaryColors { Val = false },
                Series(0, top + 1, markers: true),
                Series(1, top + 2, markers: false),
                new C.ShowMarker { Val = true },
                new C.AxisId { Val = 1 },
                new C.AxisId { Val = 2 }),
            new C.CategoryAxis(
                new C.AxisId { Val = 1 },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = 2 },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(
                new C.AxisId { Val = 2 },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left },
                new C.MajorGridlines(),
                new C.NumberingFormat { FormatCode = numberFormat, SourceLinked = false },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = 1 },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        return new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                titleText,
                new C.AutoTitleDeleted { Val = false },
                plot,
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
    }

    private static Xdr.TwoCellAnchor Anchor(string chartId, uint id, int column, int row) => new(
        new Xdr.FromMarker(new Xdr.ColumnId(column.ToString()), new Xdr.ColumnOffset("0"), new Xdr.RowId(row.ToString()), new Xdr.RowOffset("0")),
        new Xdr.ToMarker(new Xdr.ColumnId((column + ChartColumns).ToString()), new Xdr.ColumnOffset("0"),
            new Xdr.RowId((row + RowsPerMeasure - 1).ToString()), new Xdr.RowOffset("0")),
        new Xdr.GraphicFrame(
            new Xdr.NonVisualGraphicFrameProperties(
                new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Trend {id - 1}" },
                new Xdr.NonVisualGraphicFrameDrawingProperties()),
            new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { Macro = "" },
        new Xdr.ClientData());
}
