using ScorecardBot.Core.Periods;
using ScorecardBot.Pack.Tests.Support;

namespace ScorecardBot.Pack.Tests;

public sealed class PackInputTests
{
    [Fact]
    public void A_range_with_no_figures_is_refused_saying_so()
    {
        var range = new MonthRange(new YearMonth(2007, 10), new YearMonth(2007, 12));

        var error = Assert.Throws<PackException>(() => PackInput.Build(SeedPack.Definition, SeedPack.Figures(), range));

        Assert.Equal("There are no figures for October 2007 to December 2007, so there is no pack to make.", error.Message);
    }

    [Fact]
    public void A_range_across_financial_years_is_refused_naming_the_year()
    {
        var range = new MonthRange(new YearMonth(2008, 2), new YearMonth(2008, 5));

        var error = Assert.Throws<PackException>(() => PackInput.Build(SeedPack.Definition, SeedPack.Figures(), range));

        Assert.Equal("A committee pack covers one financial year: February 2008 to May 2008 runs outside 2007/8 (April 2007 to March 2008).",
            error.Message);
    }

    [Fact]
    public void The_pack_shows_what_the_committee_report_computes_for_the_range()
    {
        var report = PackInput.Build(SeedPack.Definition, SeedPack.Figures(), SeedPack.PaperRange);

        Assert.Equal(["Jun-07", "Jul-07", "Aug-07", "FYTD"], report.Columns.Select(c => c.Label));
        Assert.Equal("263 of 327 SNT members", report.Rows[1].Cells[^1].Basis);
    }
}
