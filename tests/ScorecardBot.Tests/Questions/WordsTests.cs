using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

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
    public void Shorthand_is_spelt_out(string typed, string expected) => Assert.Equal(expected, ShippedScorecard.Language.Expand(typed));

    [Theory]
    [InlineData("hotline", "hotline", true)]
    [InlineData("hotlne", "hotline", true)]
    [InlineData("hotlinee", "hotline", true)]
    [InlineData("htoline", "hotline", true)]
    [InlineData("hotlien", "hotline", true)]
    [InlineData("hotlime", "hotline", true)]
    [InlineData("htolien", "hotline", false)]
    [InlineData("hotlin", "hotlines", false)]
    [InlineData("", "a", true)]
    [InlineData("", "ab", false)]
    public void One_edit_is_a_changed_added_dropped_or_swapped_letter(string a, string b, bool expected)
    {
        Assert.Equal(expected, Words.WithinOneEdit(a, b));
        Assert.Equal(expected, Words.WithinOneEdit(b, a));
    }

    /// <summary>The one-pass test agrees with the distance table on every pair of short words over a small alphabet (where edits collide most).</summary>
    [Fact]
    public void One_edit_agrees_with_the_distance_table()
    {
        var random = new Random(20071101);
        var disagreements = new List<string>();
        for (var n = 0; n < 200_000; n++)
        {
            var a = Word(random);
            var b = random.Next(3) == 0 ? Edit(a, random) : Word(random);
            if (Words.WithinOneEdit(a, b) != (Words.Distance(a, b, 1) <= 1)) disagreements.Add($"{a}/{b}");
        }
        Assert.Empty(disagreements);

        static string Word(Random r) => new(Enumerable.Range(0, r.Next(0, 7)).Select(_ => "abc"[r.Next(3)]).ToArray());

        static string Edit(string w, Random r)
        {
            var chars = w.ToList();
            var at = chars.Count == 0 ? 0 : r.Next(chars.Count);
            switch (r.Next(4))
            {
                case 0 when chars.Count > 0: chars[at] = "abc"[r.Next(3)]; break;
                case 1: chars.Insert(at, "abc"[r.Next(3)]); break;
                case 2 when chars.Count > 0: chars.RemoveAt(at); break;
                case 3 when at + 1 < chars.Count: (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]); break;
            }
            return new string(chars.ToArray());
        }
    }

    [Theory]
    [InlineData("first", 1)]
    [InlineData("sixth", 6)]
    [InlineData("3rd", 3)]
    [InlineData("12th", 12)]
    [InlineData("third", 3)]
    public void An_ordinal_is_read_as_its_number(string token, int expected) => Assert.Equal(expected, ShippedScorecard.Language.Ordinal(token));

    [Theory]
    [InlineData("th")]
    [InlineData("first-class")]
    [InlineData("xst")]
    [InlineData("march")]
    public void Other_words_are_not_ordinals(string token) => Assert.Null(ShippedScorecard.Language.Ordinal(token));
}
