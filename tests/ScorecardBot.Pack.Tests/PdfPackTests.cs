using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Tests.Support;
using ScorecardBot.Pack.Tests.Support;

namespace ScorecardBot.Pack.Tests;

/// <summary>The seed's June–August pack as a PDF, read back by poppler (pdftotext, pdftoppm), never by the writer.</summary>
public sealed class PdfPackTests : IClassFixture<PdfPackTests.SeedPdf>
{
    private const string HotlineComment = "Following the terrorist incidents of 29 June 2007 temporary arrangements were made in order to enhance "
        + "the Hotlines call handling capabilities. Unfortunately this has resulted in the loss of 19 days data, from the end of June and "
        + "the first half of July.";

    private readonly SeedPdf _pdf;

    public PdfPackTests(SeedPdf pdf) => _pdf = pdf;

    /// <summary>Rendered once per run into TestResults/pack/seed-pdf, with a PNG of every page for people to look at.</summary>
    public sealed class SeedPdf
    {
        public SeedPdf()
        {
            Folder = SeedPack.ArtefactFolder("seed-pdf");
            Path = System.IO.Path.Combine(Folder, "committee-pack-2007-06-2007-08.pdf");
            var report = PackInput.Build(SeedPack.Definition, SeedPack.Figures(), SeedPack.PaperRange);
            using (var file = File.Create(Path)) Layout = PdfPack.Render(report, file, SeedPack.Produced);
            Poppler.Run("pdftoppm", "-png", "-r", "110", Path, System.IO.Path.Combine(Folder, "page"));
            Layout2 = Poppler.Text(Path);
            Raw = Poppler.Text(Path, "-raw");
        }

        public string Folder { get; }
        public string Path { get; }
        public PdfPackLayout Layout { get; }
        public string Layout2 { get; }
        public string Raw { get; }
        public List<string> Lines => Layout2.Split('\n').ToList();
        public string Flowing => Regex.Replace(Raw, @"\s+", " ");
    }

    [Theory]
    [MemberData(nameof(SeedPaper.Figures), MemberType = typeof(SeedPaper))]
    public void Pack_pdf_contains_every_figure_of_the_paper(int measure, string row, string jun, string jul, string aug, string fytd)
    {
        var cells = $@"\s+{Regex.Escape(jun)}\s+{Regex.Escape(jul)}\s+{Regex.Escape(aug)}\s+{Regex.Escape(fytd)}(\s|$)";
        var start = row == SeedPaper.Value ? $@"^\s*{measure}\s+\S" : $@"^\s*{Regex.Escape(row)}";

        var matching = _pdf.Lines.Where(l => Regex.IsMatch(l, start)).ToList();

        Assert.Contains(matching, l => Regex.IsMatch(l, start + ".*?" + cells));
    }

    [Theory]
    [MemberData(nameof(SeedPaper.Statuses), MemberType = typeof(SeedPaper))]
    public void Pack_pdf_states_each_measures_FYTD_status_and_colours_every_month_as_the_paper_does(
        int measure, string jun, string jul, string aug, string fytd)
    {
        var line = _pdf.Lines.Single(l => Regex.IsMatch(l, $@"^\s*{measure}\s+\S"));
        var cells = _pdf.Layout.Boxes.Where(b => b.Kind == "value-cell").Skip((measure - 1) * 4).Take(4).ToList();

        Assert.Contains(fytd, line);
        Assert.Equal([jun, jul, aug, fytd], cells.Select(c => SeedPack.Definition.GetMeasure(measure).Label(c.Status!.Value)));
        var page = Poppler.Page(_pdf.Path, cells[0].Page, _pdf.Folder);
        Assert.All(cells, c => AssertColour(page, c, c.Status!.Value));
    }

    [Theory]
    [MemberData(nameof(SeedPaper.Targets), MemberType = typeof(SeedPaper))]
    public void Pack_pdf_prints_each_target_and_command(int measure, string target, string command)
    {
        Assert.Contains(target, _pdf.Flowing);
        Assert.Contains(_pdf.Lines, l => Regex.IsMatch(l, $@"^\s*{measure}\s+\S.*\s{command}(\s|$)"));
    }

    [Fact]
    public void Pack_pdf_carries_the_hotline_comment_about_19_days_of_lost_data()
    {
        Assert.Contains("Comment: " + HotlineComment, _pdf.Flowing);
    }

    [Fact]
    public void Pack_pdf_has_the_title_period_key_and_every_acronym()
    {
        var flowing = _pdf.Flowing;

        Assert.Contains("Specialist Operations — Planning Performance & Review Committee", flowing);
        Assert.Contains("June 2007 to August 2007", flowing);
        foreach (var status in new[] { "Above Target", "Less Than 10% Outside Target", "More Than 10% Outside Target", "No data" })
            Assert.Contains(status, flowing);
        foreach (var entry in SeedPack.Definition.Glossary)
        {
            Assert.Contains(entry.Term, flowing);
            Assert.Contains(entry.Meaning, flowing);
        }
        Assert.Matches(@"Jun-07\s+Jul-07\s+Aug-07\s+FYTD", _pdf.Layout2);
    }

    [Fact]
    public void Every_page_is_rendered_to_a_png_kept_as_an_artefact()
    {
        var pngs = Directory.GetFiles(_pdf.Folder, "page-*.png");

        Assert.Equal(_pdf.Layout.Pages, pngs.Length);
        Assert.All(pngs, p => Assert.True(new FileInfo(p).Length > 10_000, p));
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_page()
    {
        AssertInsidePages(_pdf.Path, _pdf.Layout);
    }

    [Fact]
    public void A_trend_chart_is_drawn_for_every_measure_with_a_point_per_month_in_its_status_colour()
    {
        var points = _pdf.Layout.Boxes.Where(b => b.Kind == "trend-point").ToList();
        var targets = _pdf.Layout.Boxes.Where(b => b.Kind == "trend-target").ToList();

        Assert.Equal(6 * 3, points.Count);
        Assert.Equal(6, targets.Count);
        Assert.All(points, p => Assert.Equal(Status.AboveTarget, p.Status));
    }

    [Fact]
    public void An_off_target_month_is_coloured_by_the_Key_September_hotline_75_percent_is_red()
    {
        var september = new YearMonth(2007, 9);
        var figures = SeedPack.Figures(
            new Figure("hotline-answered", MonthRange.Single(september), 300), new Figure("hotline-calls", MonthRange.Single(september), 400));
        var report = PackInput.Build(SeedPack.Definition, figures, new MonthRange(new YearMonth(2007, 7), september));
        var folder = SeedPack.ArtefactFolder("hotline-september-pdf");
        var path = Path.Combine(folder, "pack.pdf");

        PdfPackLayout layout;
        using (var file = File.Create(path)) layout = PdfPack.Render(report, file, SeedPack.Produced);

        var hotline = layout.Boxes.Where(b => b.Kind == "value-cell").Skip(4 * 4).Take(4).ToList();
        Assert.Equal([Status.AboveTarget, Status.AboveTarget, Status.OutsideTolerance, Status.AboveTarget],
            hotline.Select(c => c.Status!.Value));
        AssertColour(Poppler.Page(path, hotline[2].Page, folder), hotline[2], Status.OutsideTolerance);
        Assert.Contains(Poppler.Text(path).Split('\n'), l => Regex.IsMatch(l, @"^\s*5\s+\S.*98%\s+99%\s+75%\s+95%"));
        AssertInsidePages(path, layout);
    }

    /// <summary>The pixel just inside the cell's top-left corner, away from the figure drawn in its middle.</summary>
    private static void AssertColour((int Width, int Height, byte[] Rgb) page, PackBox cell, Status status)
    {
        var (x, y) = ((int)Math.Ceiling(cell.X) + 1, (int)Math.Ceiling(cell.Y) + 1);
        var at = (y * page.Width + x) * 3;
        var (r, g, b) = StatusColours.Rgb(status);
        Assert.InRange(Math.Abs(page.Rgb[at] - r) + Math.Abs(page.Rgb[at + 1] - g) + Math.Abs(page.Rgb[at + 2] - b), 0, 12);
    }

    /// <summary>Every word poppler finds, and every box the layout drew, lies within the MediaBox.</summary>
    internal static void AssertInsidePages(string pdf, PdfPackLayout layout)
    {
        var html = Poppler.Run("pdftotext", "-bbox", pdf, "-");
        var xhtml = XDocument.Parse(html);
        XNamespace ns = "http://www.w3.org/1999/xhtml";
        var pages = xhtml.Descendants(ns + "page").ToList();
        Assert.Equal(layout.Pages, pages.Count);
        foreach (var page in pages)
        {
            var (width, height) = (Double(page, "width"), Double(page, "height"));
            Assert.Equal((842d, 595d), (width, height));
            foreach (var word in page.Descendants(ns + "word"))
            {
                Assert.True(Double(word, "xMin") >= 0 && Double(word, "xMax") <= width && Double(word, "yMin") >= 0
                    && Double(word, "yMax") <= height, $"'{word.Value}' is outside the page");
            }
        }
        Assert.All(layout.Boxes, b => Assert.True(b.X >= 0 && b.Y >= 0 && b.X + b.Width <= layout.PageWidth + 0.01
            && b.Y + b.Height <= layout.PageHeight + 0.01, $"{b} is outside the page"));
    }

    private static double Double(XElement element, string name) => double.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);
}
