using ScorecardBot.Questions;

namespace ScorecardBot.Tests.Questions;

public sealed class WordsTests
{
    [Theory]
    [InlineData("briefings", "briefed")]
    [InlineData("briefing", "brief")]
    [InlineData("calls", "call")]
    [InlineData("zones", "zone")]
    [InlineData("management", "managing")]
    [InlineData("managed", "managing")]
    [InlineData("responses", "response")]
    [InlineData("aiming", "aim")]
    public void Forms_of_a_word_share_a_stem(string a, string b) => Assert.Equal(Words.Stem(a), Words.Stem(b));

    [Theory]
    [InlineData("status")]
    [InlineData("process")]
    [InlineData("analysis")]
    public void Words_ending_in_s_that_are_not_plurals_keep_it(string word) => Assert.EndsWith("s", Words.Singular(word));

    [Theory]
    [InlineData("hotline", "hotline", 0)]
    [InlineData("hotlne", "hotline", 1)]
    [InlineData("hotlien", "hotline", 1)]
    [InlineData("covrage", "coverage", 1)]
    [InlineData("breifing", "briefing", 1)]
    [InlineData("intrusuons", "intrusions", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_with_adjacent_swaps_as_one(string a, string b, int expected) => Assert.Equal(expected, Words.Distance(a, b, 5));

    [Fact]
    public void Distance_gives_up_past_its_limit() => Assert.Equal(int.MaxValue, Words.Distance("hotline", "scorecard", 2));

    [Fact]
    public void Distance_refuses_very_long_words() => Assert.Equal(int.MaxValue, Words.Distance(new string('a', 65), "a", 100));

    [Theory]
    [InlineData("hotlne", "hotline", true)]
    [InlineData("agust", "august", true)]
    [InlineData("ctc", "cto", false)]
    [InlineData("red", "rep", false)]
    [InlineData("hotline", "holiday", false)]
    public void Similar_allows_typos_by_length(string input, string known, bool expected) => Assert.Equal(expected, Words.Similar(input, known));

    [Theory]
    [InlineData("mgmt", "management")]
    [InlineData("tgt", "target")]
    [InlineData("qtr", "quarter")]
    [InlineData("op", "operation")]
    [InlineData("hotline", "hotline")]
    public void Shorthand_is_spelt_out(string typed, string expected) => Assert.Equal(expected, Words.Expand(typed));
}
