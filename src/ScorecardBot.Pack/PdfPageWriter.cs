using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Pack;

/// <summary>Draws the pack page by page, keeping a cursor, starting new pages when a block will not fit, and recording every box.</summary>
internal sealed class PdfPageWriter
{
    public const double PageWidth = 842; // A4 landscape, points
    public const double PageHeight = 595;
    private const double Margin = 28;
    private const double Bottom = PageHeight - Margin - 14; // room for the footer
    private const double Pad = 2.5;
    private const double Line = 9.2;
    private const double ChartMinHeight = 38;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont Body = new(PackFonts.Family, 7.5, XFontStyleEx.Regular, Unicode);
    private static readonly XFont BodyBold = new(PackFonts.Family, 7.5, XFontStyleEx.Bold, Unicode);
    private static readonly XFont Small = new(PackFonts.Family, 6.5, XFontStyleEx.Regular, Unicode);
    private static readonly XFont Heading = new(PackFonts.Family, 10, XFontStyleEx.Bold, Unicode);
    private static readonly XFont Title = new(PackFonts.Family, 15, XFontStyleEx.Bold, Unicode);
    private static readonly XColor Ink = XColor.FromArgb(33, 33, 33);
    private static readonly XColor Rule = XColor.FromArgb(170, 170, 170);
    private static readonly XColor HeaderFill = XColor.FromArgb(31, 56, 100);
    private static readonly XColor ObjectiveFill = XColor.FromArgb(222, 230, 242);

    private readonly PdfDocument _document;
    private readonly CommitteeReport _report;
    private readonly DateTimeOffset _produced;
    private readonly List<PackBox> _boxes = [];
    private XGraphics _gfx = null!;
    private double _y;
    private Action? _repeatHeader;

    public PdfPageWriter(PdfDocument document, CommitteeReport report, DateTimeOffset produced) =>
        (_document, _report, _produced) = (document, report, produced);

    public IReadOnlyList<PackBox> Boxes => _boxes;

    private int PageNumber => _document.PageCount;
    private static double Width => PageWidth - 2 * Margin;

    public void StartFirstPage()
    {
        NewPage();
        var definition = _report.Definition;
        foreach (var line in WrapText(definition.Title, Title, Width)) Text(line, Title, Margin, Height(Title), Width, "title");
        var period = $"{definition.Organisation} · {_report.Range.ToLongLabel()} · financial year {definition.FinancialYear.Label}";
        Text(period, Heading, Margin, Height(Heading) + 4, Width, "period");
        _y += 6;
        DrawKey();
        DrawGlossary();
        _y += 8;
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        if (PageNumber > 1)
        {
            Text($"{_report.Definition.Title} · {_report.Range.ToLongLabel()}", Small, Margin, Line, Width, "running-header");
            _y += 4;
        }
    }

    /// <summary>Moves to a new page when <paramref name="height"/> will not fit below the cursor.</summary>
    private void Ensure(double height)
    {
        if (_y + height <= Bottom) return;
        NewPage();
        _repeatHeader?.Invoke();
    }

    private void DrawKey()
    {
        Ensure(Line * 2 + 8);
        Text("Key", BodyBold, Margin, Line + 2, 40, "key-heading");
        var x = Margin;
        foreach (var status in StatusColours.Key)
        {
            var label = _report.Definition.KeyLabel(status);
            var width = _gfx.MeasureString(label, Body).Width + 20;
            Fill(x, _y, 12, Line, status, "key-swatch");
            Stroke(x, _y, 12, Line);
            Text(label, Body, x + 15, Line, width, "key-label");
            _y -= Line;
            x += width + 10;
        }
        _y += Line + 6;
    }

    private void DrawGlossary()
    {
        var glossary = _report.Definition.Glossary;
        if (glossary.Count == 0) return;
        Ensure(Line * 2);
        Text("Acronyms", BodyBold, Margin, Line + 2, 80, "glossary-heading");
        // Two columns of term and meaning, as the paper lays them out.
        const double termWidth = 70;
        var columnWidth = Width / 2;
        var half = (glossary.Count + 1) / 2;
        for (var i = 0; i < half; i++)
        {
            var rowTop = _y;
            var height = Line;
            for (var side = 0; side < 2 && i + side * half < glossary.Count; side++)
            {
                var entry = glossary[i + side * half];
                var x = Margin + side * columnWidth;
                var lines = WrapText(entry.Meaning, Body, columnWidth - termWidth - 10);
                height = Math.Max(height, lines.Count * Line);
                _y = rowTop;
                Text(entry.Term, BodyBold, x, Line, termWidth, "glossary-term");
                _y = rowTop;
                foreach (var line in lines) Text(line, Body, x + termWidth, Line, columnWidth - termWidth - 10, "glossary-meaning");
            }
            _y = rowTop + height + 1;
        }
    }

    /// <summary>One table: the given report columns (months, then FYTD) for every measure.</summary>
    public void DrawSection(IReadOnlyList<int> columns)
    {
        var layout = new TableLayout(columns.Count);
        _repeatHeader = () => DrawTableHeader(layout, columns);
        Ensure(Line * 6);
        DrawTableHeader(layout, columns);

        foreach (var (objective, outcome, row) in ReportHeadings.Walk(_report))
        {
            if (objective is not null)
            {
                DrawBand(objective.Title, BodyBold, ObjectiveFill, "objective");
                if (objective.IntendedOutcomes.Count > 0)
                    DrawBand(string.Join(" · ", objective.IntendedOutcomes), Small, ObjectiveFill, "intended-outcomes");
            }
            if (outcome is not null) DrawBand("Intended outcome: " + outcome.Title, BodyBold, XColors.White, "outcome");
            DrawMeasure(row, layout, columns);
        }
        _repeatHeader = null;
        _y += 10;
    }

    private void DrawTableHeader(TableLayout layout, IReadOnlyList<int> columns)
    {
        var height = Line + 2 * Pad;
        var top = _y;
        Fill(Margin, top, Width, height, HeaderFill, "table-header");
        var headers = new List<(string Text, double X, double W)> { ("Measure of performance", TableLayout.Label, layout.LabelWidth) };
        headers.Add(($"Target {_report.Definition.FinancialYear.Label}", layout.Target, TableLayout.TargetWidth));
        for (var i = 0; i < columns.Count; i++) headers.Add((_report.Columns[columns[i]].Label, layout.Value(i), TableLayout.ValueWidth));
        headers.Add(("Status (FYTD)", layout.Status, TableLayout.StatusWidth));
        headers.Add(("Cmd", layout.Command, TableLayout.CommandWidth));
        headers.Add(("Trend", layout.Trend, TableLayout.TrendWidth));
        foreach (var (text, x, w) in headers)
        {
            _y = top + Pad;
            Text(text, BodyBold, x + Pad, Line, w - 2 * Pad, "column-header", brush: XBrushes.White);
        }
        _y = top + height;
    }

    private void DrawBand(string text, XFont font, XColor fill, string kind)
    {
        var lines = WrapText(text, font, Width - 2 * Pad);
        var height = lines.Count * Line + 2 * Pad;
        Ensure(height + Line * 4); // never strand a heading at the foot of a page
        Fill(Margin, _y, Width, height, fill, kind + "-band");
        var top = _y;
        _y += Pad;
        foreach (var line in lines) Text(line, font, Margin + Pad, Line, Width - 2 * Pad, kind);
        _y = top + height;
    }

    private void DrawMeasure(ReportMeasureRow row, TableLayout layout, IReadOnlyList<int> columns)
    {
        var measure = row.Measure;
        var fytd = row.Cells[^1];
        var title = WrapText($"{measure.Number}  {measure.Title}", BodyBold, layout.LabelWidth - 2 * Pad);
        var target = WrapText(measure.Target.Text, Body, TableLayout.TargetWidth - 2 * Pad);
        var status = WrapText(fytd.StatusLabel, Body, TableLayout.StatusWidth - 2 * Pad);
        var comments = row.Comments.Select(c => WrapText("Comment: " + c, Body, Width - TableLayout.TrailingWidth - 2 * Pad)).ToList();
        var componentsHeight = row.Components.Count * (Line + 1);
        var headHeight = Math.Max(Math.Max(title.Count, target.Count), status.Count) * Line + 2 * Pad;
        headHeight = Math.Max(headHeight, ChartMinHeight - componentsHeight);
        var commentsHeight = comments.Sum(c => c.Count * Line + Pad);
        Ensure(headHeight + componentsHeight + commentsHeight + Pad);

        var top = _y;
        Write(title, BodyBold, TableLayout.Label, layout.LabelWidth, top, "measure");
        Write(target, Body, layout.Target, TableLayout.TargetWidth, top, "target");
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = row.Cells[columns[i]];
            Fill(layout.Value(i) + 1, top + 1, TableLayout.ValueWidth - 2, headHeight - 2, cell.Status, "value-cell");
            _y = top + Pad;
            Text(cell.Display, BodyBold, layout.Value(i) + Pad, Line, TableLayout.ValueWidth - 2 * Pad, "value", XStringFormats.TopCenter);
        }
        Fill(layout.Status + 1, top + 1, TableLayout.StatusWidth - 2, headHeight - 2, fytd.Status, "status-cell");
        Write(status, Body, layout.Status, TableLayout.StatusWidth, top, "status");
        Write([measure.Command.Code], Body, layout.Command, TableLayout.CommandWidth, top, "command");

        _y = top + headHeight;
        foreach (var component in row.Components)
        {
            var rowTop = _y;
            Text(Fit("    " + component.Component.Name, Body, layout.LabelWidth + TableLayout.TargetWidth - 2 * Pad), Body,
                TableLayout.Label + Pad, Line, layout.LabelWidth + TableLayout.TargetWidth - 2 * Pad, "component");
            for (var i = 0; i < columns.Count; i++)
            {
                _y = rowTop;
                Text(PdfPack.Number(component.Cells[columns[i]]), Body, layout.Value(i) + Pad, Line, TableLayout.ValueWidth - 2 * Pad,
                    "component-value", XStringFormats.TopCenter);
            }
            _y = rowTop + Line + 1;
        }
        var chartBottom = _y;
        foreach (var lines in comments)
        {
            _y += Pad / 2;
            foreach (var line in lines) Text(line, Body, TableLayout.Label + Pad, Line, Width - TableLayout.TrailingWidth - 2 * Pad, "comment");
            _y += Pad / 2;
        }

        TrendChart.Draw(this, row, layout.Trend + Pad, top + Pad, TableLayout.TrendWidth - 2 * Pad, chartBottom - top - 2 * Pad);
        Stroke(Margin, top, Width, _y - top);
    }

    private void Write(IReadOnlyList<string> lines, XFont font, double x, double width, double top, string kind)
    {
        _y = top + Pad;
        foreach (var line in lines) Text(line, font, x + Pad, Line, width - 2 * Pad, kind);
    }

    public void Finish()
    {
        _gfx.Dispose();
        var produced = _produced.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < _document.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i]);
            var rect = new XRect(Margin, PageHeight - Margin - Line, Width, Line);
            gfx.DrawString($"Produced {produced} by ScorecardBot", Small, XBrushes.Gray, rect, XStringFormats.TopLeft);
            gfx.DrawString($"Page {i + 1} of {_document.PageCount}", Small, XBrushes.Gray, rect, XStringFormats.TopRight);
            _boxes.Add(new PackBox(i + 1, "footer", rect.X, rect.Y, rect.Width, rect.Height));
        }
    }

    // Drawing primitives: each records what it drew.

    internal void Text(string text, XFont font, double x, double height, double width, string kind, XStringFormat? format = null,
        XBrush? brush = null)
    {
        var rect = new XRect(x, _y, width, height);
        _gfx.DrawString(text, font, brush ?? new XSolidBrush(Ink), rect, format ?? XStringFormats.TopLeft);
        var drawn = _gfx.MeasureString(text, font).Width;
        _boxes.Add(new PackBox(PageNumber, kind, x, _y, Math.Min(width, drawn), height, Text: text));
        _y += height;
    }

    internal void Fill(double x, double y, double width, double height, Status status, string kind)
    {
        var (r, g, b) = StatusColours.Rgb(status);
        _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(r, g, b)), x, y, width, height);
        _boxes.Add(new PackBox(PageNumber, kind, x, y, width, height, status));
    }

    private void Fill(double x, double y, double width, double height, XColor colour, string kind)
    {
        _gfx.DrawRectangle(new XSolidBrush(colour), x, y, width, height);
        _boxes.Add(new PackBox(PageNumber, kind, x, y, width, height));
    }

    private void Stroke(double x, double y, double width, double height) =>
        _gfx.DrawRectangle(new XPen(Rule, 0.4), x, y, width, height);

    internal void Lines(XPen pen, XPoint[] points, string kind)
    {
        if (points.Length > 1) _gfx.DrawLines(pen, points);
        if (points.Length == 0) return;
        var (minX, maxX, minY, maxY) = (points.Min(p => p.X), points.Max(p => p.X), points.Min(p => p.Y), points.Max(p => p.Y));
        _boxes.Add(new PackBox(PageNumber, kind, minX, minY, maxX - minX, maxY - minY));
    }

    internal void Dot(Status status, XPoint at)
    {
        var (r, g, b) = StatusColours.Rgb(status);
        _gfx.DrawEllipse(new XPen(Ink, 0.4), new XSolidBrush(XColor.FromArgb(r, g, b)), at.X - 1.8, at.Y - 1.8, 3.6, 3.6);
        _boxes.Add(new PackBox(PageNumber, "trend-point", at.X - 1.8, at.Y - 1.8, 3.6, 3.6, status));
    }

    internal void Label(string text, XFont font, XRect rect, XStringFormat format, string kind)
    {
        _gfx.DrawString(text, font, XBrushes.Gray, rect, format);
        _boxes.Add(new PackBox(PageNumber, kind, rect.X, rect.Y, rect.Width, rect.Height, Text: text));
    }

    internal static XFont SmallFont => Small;

    private static double Height(XFont font) => font.Size * 1.3;

    private List<string> WrapText(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (_gfx.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0) lines.Add(line);
            line = Fit(word, font, width);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }

    /// <summary>The text, cut with an ellipsis if it is wider than <paramref name="width"/>.</summary>
    private string Fit(string text, XFont font, double width)
    {
        if (_gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text.Length;
        while (cut > 1 && _gfx.MeasureString(text[..cut] + "…", font).Width > width) cut--;
        return text[..cut] + "…";
    }

    /// <summary>Column positions for a table of <c>n</c> value columns.</summary>
    private sealed class TableLayout
    {
        public const double TargetWidth = 66;
        public const double ValueWidth = 42;
        public const double StatusWidth = 76;
        public const double CommandWidth = 34;
        public const double TrendWidth = 96;
        public const double TrailingWidth = StatusWidth + CommandWidth + TrendWidth;
        public const double Label = Margin;

        public TableLayout(int values)
        {
            LabelWidth = Width - TargetWidth - values * ValueWidth - TrailingWidth;
            Values = values;
        }

        public int Values { get; }
        public double LabelWidth { get; }
        public double Target => Label + LabelWidth;
        public double Value(int i) => Target + TargetWidth + i * ValueWidth;
        public double Status => Value(Values);
        public double Command => Status + StatusWidth;
        public double Trend => Command + CommandWidth;
    }
}
