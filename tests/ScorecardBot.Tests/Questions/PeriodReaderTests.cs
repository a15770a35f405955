using ScorecardBot.Questions;
using ScorecardBot.Questions.Periods;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

public sealed class PeriodReaderTests
{
    private static readonly PeriodReader Reader = new(ShippedScorecard.Language, ShippedScorecard.Vocabulary.Extras);

    private static PeriodSpec Parse(string text, out bool[] used)
    {
        var tokens = TextNormalizer.Tokens(TextNormalizer.Normalize(text), ShippedScorecard.Language);
        used = new bool[tokens.Count];
        return Reader.Read(tokens, used);
    }

    private static string Describe(string text) => UtteranceRow.Describe(Parse(text, out _));

    [Theory]
    // Month names with or without a year (SPEC §3).
    [InlineData("July", "M7")]
    [InlineData("jul", "M7")]
    [InlineData("sept", "M9")]
    [InlineData("jully", "M7")]
    [InlineData("Jul-07", "M7/2007")]
    [InlineData("July 2007", "M7/2007")]
    [InlineData("july '07", "M7/2007")]
    [InlineData("jul 07", "M7/2007")]
    [InlineData("2007-07", "M7/2007")]
    [InlineData("07/2007", "M7/2007")]
    [InlineData("7/2007", "M7/2007")]
    [InlineData("07-2007", "M7/2007")]
    // Year to date.
    [InlineData("FYTD", "YTD")]
    [InlineData("ytd", "YTD")]
    [InlineData("year to date", "YTD")]
    [InlineData("this year", "YTD")]
    [InlineData("so far", "YTD")]
    [InlineData("this financial year", "YTD")]
    [InlineData("2007/8", "YTD2007")]
    [InlineData("2007/08", "YTD2007")]
    [InlineData("2007/2008", "YTD2007")]
    [InlineData("07/08", "YTD2007")]
    [InlineData("fy07/08", "YTD2007")]
    // Ranges.
    [InlineData("June to August", "R6-8")]
    [InlineData("Jun-Aug", "R6-8")]
    [InlineData("jun - aug", "R6-8")]
    [InlineData("between June and August", "R6-8")]
    [InlineData("from june through august", "R6-8")]
    [InlineData("jun, jul and aug", "R6-8")]
    [InlineData("jun/jul/aug", "R6-8")]
    [InlineData("June 2007 to August 2007", "R6/2007-8/2007")]
    [InlineData("Jun-07 to Aug-07", "R6/2007-8/2007")]
    // Quarters and halves are the scorecard's financial year's, resolved against its start.
    [InlineData("Q1", "Q1")]
    [InlineData("first quarter", "Q1")]
    [InlineData("q4", "Q4")]
    [InlineData("H2", "H2")]
    [InlineData("first half of the year", "H1")]
    // Relative.
    [InlineData("last month", "Rel1")]
    [InlineData("previous month", "Rel1")]
    [InlineData("this month", "Rel0")]
    [InlineData("latest", "Latest")]
    [InlineData("atm", "Latest")]
    [InlineData("last 3 months", "Last3")]
    [InlineData("past three months", "Last3")]
    [InlineData("last quarter", "LastQ1")]
    [InlineData("last 2 quarters", "LastQ2")]
    // Nothing said.
    [InlineData("hotline", "-")]
    [InlineData("", "-")]
    public void Period_forms_are_read(string text, string expected) => Assert.Equal(expected, Describe(text));

    [Fact]
    public void Words_read_as_a_period_are_marked_used()
    {
        Parse("hotline between june and august", out var used);
        Assert.Equal([false, true, true, true, true], used);
    }

    [Theory]
    [InlineData("may i see the hotline")]
    [InlineData("make it quick")]
    [InlineData("just the hotline")]
    public void Ordinary_words_are_not_months(string text) => Assert.Equal("-", Describe(text));

    [Theory]
    [InlineData("jan", 1)]
    [InlineData("february", 2)]
    [InlineData("agust", 8)]
    [InlineData("decmber", 12)]
    public void Month_numbers_tolerate_abbreviation_and_typos(string token, int month) => Assert.Equal(month, PeriodReader.MonthNumber(token));
}
