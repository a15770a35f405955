using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Tests.Periods;

public sealed class PeriodTests
{
    private static readonly FinancialYear Year2007 = new("2007/8", new YearMonth(2007, 4));

    [Fact]
    public void Financial_year_2007_8_runs_April_2007_to_March_2008()
    {
        Assert.Equal(new YearMonth(2008, 3), Year2007.End);
        Assert.Equal(12, Year2007.Months.Length);
        Assert.True(Year2007.Contains(new YearMonth(2008, 1)));
        Assert.False(Year2007.Contains(new YearMonth(2007, 3)));
        Assert.False(Year2007.Contains(new YearMonth(2008, 4)));
    }

    [Fact]
    public void Year_to_date_as_of_August_is_April_to_August()
    {
        Assert.Equal(new MonthRange(new YearMonth(2007, 4), new YearMonth(2007, 8)), Year2007.ToDate(new YearMonth(2007, 8)));
        Assert.Equal(MonthRange.Single(new YearMonth(2007, 4)), Year2007.ToDate(new YearMonth(2007, 4)));
    }

    [Fact]
    public void Year_to_date_outside_the_year_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Year2007.ToDate(new YearMonth(2008, 4)));
    }

    [Theory]
    [InlineData("2007-06", 2007, 6)]
    [InlineData("2008-12", 2008, 12)]
    public void Months_parse_from_yyyy_MM(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var parsed));
        Assert.Equal(new YearMonth(year, month), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("2007-13")]
    [InlineData("2007-00")]
    [InlineData("2007-6")]
    [InlineData("June")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("+007-06")]
    public void Malformed_months_do_not_parse(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out _));
    }

    [Fact]
    public void Months_are_labelled_as_the_paper_heads_its_columns()
    {
        Assert.Equal("Jun-07", new YearMonth(2007, 6).ToPaperLabel());
        Assert.Equal("July 2007", new YearMonth(2007, 7).ToLongLabel());
    }

    [Fact]
    public void Month_arithmetic_crosses_year_ends()
    {
        Assert.Equal(new YearMonth(2008, 1), new YearMonth(2007, 12).AddMonths(1));
        Assert.Equal(new YearMonth(2007, 12), new YearMonth(2008, 2).AddMonths(-2));
    }

    [Fact]
    public void A_range_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new MonthRange(new YearMonth(2007, 8), new YearMonth(2007, 6)));
    }

    [Fact]
    public void Ranges_contain_and_overlap_by_whole_months()
    {
        var summer = new MonthRange(new YearMonth(2007, 6), new YearMonth(2007, 8));

        Assert.Equal(3, summer.Length);
        Assert.True(summer.Contains(new YearMonth(2007, 7)));
        Assert.True(summer.Overlaps(new MonthRange(new YearMonth(2007, 4), new YearMonth(2007, 6))));
        Assert.False(summer.Overlaps(new MonthRange(new YearMonth(2007, 4), new YearMonth(2007, 5))));
        Assert.False(summer.Contains(new MonthRange(new YearMonth(2007, 5), new YearMonth(2007, 6))));
        Assert.Equal("2007-06..2007-08", summer.ToString());
    }

    [Fact]
    public void A_month_is_read_in_London_time()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        // 23:30 UTC on 30 June 2007 is already 1 July in London (BST).
        var instant = new DateTimeOffset(2007, 6, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new YearMonth(2007, 7), YearMonth.FromDate(instant, london));
    }
}
