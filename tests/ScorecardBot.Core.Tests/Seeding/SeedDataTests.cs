using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Seeding;

public sealed class SeedDataTests
{
    private static readonly ScorecardDefinition Shipped = DefinitionLoader.LoadFile(ShippedFiles.Definition).GetOrThrow();

    private static string Seed(string figures, string comments = "[]") => $$"""
        {
          "source": "test",
          "months": ["2007-06", "2007-07", "2007-08"],
          "figures": { {{figures}} },
          "comments": {{comments}}
        }
        """;

    [Fact]
    public void The_shipped_seed_gives_the_printed_months_and_one_April_May_balance_per_flow()
    {
        var seed = SeedData.Parse(File.ReadAllText(ShippedFiles.Seed), Shipped);

        var aprilToMay = new MonthRange(new YearMonth(2007, 4), new YearMonth(2007, 5));
        Assert.Equal(14 * 3, seed.Figures.Count(f => !f.IsBalance));
        Assert.All(seed.Figures.Where(f => f.IsBalance), f => Assert.Equal(aprilToMay, f.Period));
        Assert.DoesNotContain(seed.Figures, f => f.IsBalance && f.ComponentId == "ctio-total-bocus");
        Assert.Equal(179, seed.Figures.Single(f => f.IsBalance && f.ComponentId == "snt-recruited").Value);
        Assert.Equal(135, seed.Figures.Single(f => f.IsBalance && f.ComponentId == "snt-briefed").Value);
        Assert.Equal(2, seed.Figures.Single(f => f.IsBalance && f.ComponentId == "ctio-rolled-out").Value);
        Assert.Equal([6, 7], seed.Comments.Where(c => c.MeasureNumber == 5).Select(c => c.Month.Month));
    }

    [Fact]
    public void A_FYTD_less_than_the_printed_months_is_refused_with_a_clear_message()
    {
        var json = Seed("""
            "snt-recruited": { "2007-06": 82, "2007-07": 51, "2007-08": 15, "FYTD": 100 }
            """);

        var e = Assert.Throws<InvalidDataException>(() => SeedData.Parse(json, Shipped));

        Assert.Equal("'SNT Recruited': FYTD 100 is less than the months printed (148).", e.Message);
    }

    [Fact]
    public void An_unknown_component_is_refused()
    {
        var json = Seed("""
            "snt-retired": { "2007-06": 1, "2007-07": 1, "2007-08": 1 }
            """);

        var e = Assert.Throws<InvalidDataException>(() => SeedData.Parse(json, Shipped));

        Assert.Contains("'snt-retired'", e.Message);
        Assert.Contains("does not define", e.Message);
    }

    [Fact]
    public void A_stock_whose_FYTD_is_not_its_latest_month_is_refused()
    {
        var json = Seed("""
            "ctio-total-bocus": { "2007-06": 28, "2007-07": 29, "2007-08": 29, "FYTD": 86 }
            """);

        var e = Assert.Throws<InvalidDataException>(() => SeedData.Parse(json, Shipped));

        Assert.Contains("Total BOCUs with CTIOs", e.Message);
        Assert.Contains("stock", e.Message);
    }

    [Fact]
    public void A_missing_month_is_refused()
    {
        var json = Seed("""
            "snt-recruited": { "2007-06": 82, "2007-08": 15, "FYTD": 327 }
            """);

        var e = Assert.Throws<InvalidDataException>(() => SeedData.Parse(json, Shipped));

        Assert.Equal("The seed has no 2007-07 figure for 'SNT Recruited'.", e.Message);
    }

    [Fact]
    public void A_comment_for_an_unknown_measure_is_refused()
    {
        var json = Seed("", """[ { "measure": 9, "months": ["2007-06"], "text": "x" } ]""");

        var e = Assert.Throws<InvalidDataException>(() => SeedData.Parse(json, Shipped));

        Assert.Contains("measure 9", e.Message);
    }
}
