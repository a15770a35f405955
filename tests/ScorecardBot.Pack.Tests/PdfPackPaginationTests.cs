using System.Text.RegularExpressions;
using ScorecardBot.Core.Periods;
using ScorecardBot.Pack.Tests.Support;

namespace ScorecardBot.Pack.Tests;

public sealed class PdfPackPaginationTests
{
    [Fact]
    public void A_year_of_forty_measures_runs_onto_many_pages_in_two_six_month_sections_all_inside_the_page()
    {
        var (definition, figures) = LargeScorecard.Create(40);
        var report = PackInput.Build(definition, figures, definition.FinancialYear.Months);
        var folder = SeedPack.ArtefactFolder("large-pdf");
        var path = Path.Combine(folder, "pack.pdf");

        PdfPackLayout layout;
        using (var file = File.Create(path)) layout = PdfPack.Render(report, file, SeedPack.Produced);

        Assert.True(layout.Pages > 4, $"{layout.Pages} pages");
        PdfPackTests.AssertInsidePages(path, layout);
        var text = Poppler.Text(path);
        // Each six-month section repeats the header with FYTD, on every page it spans.
        Assert.Matches(@"Apr-07\s+May-07\s+Jun-07\s+Jul-07\s+Aug-07\s+Sep-07\s+FYTD", text);
        Assert.Matches(@"Oct-07\s+Nov-07\s+Dec-07\s+Jan-08\s+Feb-08\s+Mar-08\s+FYTD", text);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(layout.Pages, pages.Length);
        Assert.All(pages, p => Assert.Contains("Measure of performance", p));
        // Every measure appears once per section.
        Assert.Equal(40 * 2, layout.Boxes.Count(b => b.Kind == "measure" && Regex.IsMatch(b.Text!, @"^\d+ ")));
        foreach (var page in layout.Boxes.GroupBy(b => b.Page))
        {
            Assert.All(page.Where(b => b.Kind == "value-cell"), c => Assert.True(c.Y + c.Height <= 595 - 28));
        }
        Poppler.Run("pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", path, Path.Combine(folder, "page"));
    }
}
