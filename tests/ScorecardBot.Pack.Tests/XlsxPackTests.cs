using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Tests.Support;
using ScorecardBot.Pack.Tests.Support;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ScorecardBot.Pack.Tests;

/// <summary>The seed's June–August pack as a workbook, opened with the Open XML SDK and checked cell by cell.</summary>
public sealed class XlsxPackTests : IClassFixture<XlsxPackTests.SeedWorkbook>
{
    private readonly SeedWorkbook _book;

    public XlsxPackTests(SeedWorkbook book) => _book = book;

    public sealed class SeedWorkbook : IDisposable
    {
        public SeedWorkbook()
        {
            Path = System.IO.Path.Combine(SeedPack.ArtefactFolder("seed-xlsx"), "committee-pack-2007-06-2007-08.xlsx");
            var report = PackInput.Build(SeedPack.Definition, SeedPack.Figures(), SeedPack.PaperRange);
            using (var file = File.Create(Path)) XlsxPack.Render(report, file);
            Document = SpreadsheetDocument.Open(Path, false);
        }

        public string Path { get; }
        public SpreadsheetDocument Document { get; }

        public WorksheetPart Sheet(string name)
        {
            var workbook = Document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
            return (WorksheetPart)workbook.GetPartById(sheet.Id!);
        }

        public List<Row> Rows => Sheet(XlsxPack.PackSheet).Worksheet.Descendants<Row>().ToList();

        public void Dispose() => Document.Dispose();
    }

    [Theory]
    [MemberData(nameof(SeedPaper.Figures), MemberType = typeof(SeedPaper))]
    public void Every_cell_holds_the_papers_figure_as_a_number(int measure, string row, string jun, string jul, string aug, string fytd)
    {
        var cells = ValueCells(measure, row);

        Assert.All(cells, c => Assert.Null(c.DataType));
        var expected = new[] { jun, jul, aug, fytd }
            .Select(text => text.EndsWith('%') ? decimal.Parse(text[..^1]) / 100m : decimal.Parse(text));
        Assert.Equal(expected, cells.Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(cells, c => Assert.Equal(jun.EndsWith('%') ? 9u : 1u, Format(c).NumberFormatId!.Value));
    }

    [Theory]
    [MemberData(nameof(SeedPaper.Statuses), MemberType = typeof(SeedPaper))]
    public void Every_value_cell_is_filled_with_its_status_colour(int measure, string jun, string jul, string aug, string fytd)
    {
        var fills = ValueCells(measure, SeedPaper.Value).Select(FillColour).ToList();
        var statusCell = _book.Rows.Single(r => MeasureNumber(r) == measure).Elements<Cell>().Single(c => c.CellReference == $"H{RowOf(measure)}");

        var expected = new[] { jun, jul, aug, fytd }.Select(label => "FF" + StatusColours.Hex(StatusColours.Key.Single(s => SeedPack.Definition.KeyLabel(s) == label)));
        Assert.Equal(expected, fills);
        Assert.Equal(fytd, statusCell.InnerText);
    }

    [Fact]
    public void The_workbook_is_valid_Open_XML()
    {
        var errors = new OpenXmlValidator().Validate(_book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_header_row_is_frozen_and_columns_have_widths()
    {
        var worksheet = _book.Sheet(XlsxPack.PackSheet).Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();

        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(4d, pane.VerticalSplit!.Value);
        Assert.Equal("A5", pane.TopLeftCell!.Value);
        Assert.Contains("ySplit=\"4\"", pane.OuterXml);
        Assert.Equal(["No.", "Measure of performance", "Target 2007/8", "Jun-07", "Jul-07", "Aug-07", "FYTD", "Status (FYTD)", "Command", "Comments"],
            _book.Rows.Single(r => r.RowIndex! == 4).Elements<Cell>().Select(c => c.InnerText));
        Assert.All(worksheet.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 5, 80));
        Assert.Equal(10, worksheet.Descendants<Column>().Count());
    }

    [Fact]
    public void Targets_comments_key_and_acronyms_are_in_the_workbook()
    {
        var text = string.Join("\n", _book.Rows.SelectMany(r => r.Elements<Cell>()).Select(c => c.InnerText));
        var key = _book.Sheet("Key").Worksheet.InnerText;
        var acronyms = _book.Sheet("Acronyms").Worksheet.InnerText;

        foreach (var target in SeedPaper.Targets.Select(t => (string)t[1])) Assert.Contains(target, text);
        Assert.Contains("Unfortunately this has resulted in the loss of 19 days data, from the end of June and the first half of July.", text);
        foreach (var label in new[] { "Above Target", "Less Than 10% Outside Target", "More Than 10% Outside Target", "No data" }) Assert.Contains(label, key);
        foreach (var entry in SeedPack.Definition.Glossary) Assert.Contains(entry.Meaning, acronyms);
    }

    [Fact]
    public void Each_measure_has_a_native_line_chart_of_its_months_against_its_target()
    {
        var trends = _book.Sheet(XlsxPack.TrendSheet);
        var charts = trends.DrawingsPart!.ChartParts.ToList();

        Assert.Equal(6, charts.Count);
        var hotline = charts.Single(c => c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Text>().Any(t => t.Text.StartsWith("5 ")));
        var series = hotline.ChartSpace.Descendants<C.LineChartSeries>().ToList();
        Assert.Equal(2, series.Count);
        var values = series[0].Descendants<C.Formula>().Last().Text;
        Assert.Equal("'Trends'!$B$66:$D$66", values);
        var row = trends.Worksheet.Descendants<Row>().Single(r => r.RowIndex! == 66);
        Assert.Equal(["Value", "0.99", "0.98", "0.99"], row.Elements<Cell>().Select(c => c.InnerText));
    }

    private static int? MeasureNumber(Row row) =>
        row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith('A') && c.DataType is null)?.CellValue is { } v
            ? int.Parse(v.Text) : null;

    private uint RowOf(int measure) => _book.Rows.Single(r => MeasureNumber(r) == measure).RowIndex!.Value;

    private List<Cell> ValueCells(int measure, string row)
    {
        var rows = _book.Rows;
        var at = rows.FindIndex(r => MeasureNumber(r) == measure);
        var target = row == SeedPaper.Value ? rows[at] : rows.Skip(at + 1).First(r => r.Elements<Cell>().Any(c => c.InnerText == "    " + row));
        return target.Elements<Cell>().Where(c => c.CellReference!.Value![0] is 'D' or 'E' or 'F' or 'G').ToList();
    }

    private CellFormat Format(Cell cell) =>
        (CellFormat)_book.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);

    private string FillColour(Cell cell)
    {
        var fill = (Fill)_book.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fills!.ElementAt((int)Format(cell).FillId!.Value);
        return fill.PatternFill!.ForegroundColor!.Rgb!.Value!;
    }
}
