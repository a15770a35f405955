using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Text_is_lower_cased_and_spaces_collapse() => Assert.Equal("ctio coverage in july", TextNormalizer.Normalize("  CTIO   Coverage\tin JULY "));

    [Fact]
    public void Control_characters_separate_words() => Assert.Equal("hotline july", TextNormalizer.Normalize("hotline\u0000\u0007\r\njuly"));

    [Fact]
    public void Right_to_left_and_zero_width_marks_vanish() =>
        Assert.Equal("hotline july", TextNormalizer.Normalize("\u202Ehot\u200Bline\u200F \u2066july\u2069"));

    [Fact]
    public void Emoji_separate_words() => Assert.Equal("hey hotline", TextNormalizer.Normalize("hey👋hotline 🚨"));

    [Fact]
    public void Only_emoji_is_empty() => Assert.Equal("", TextNormalizer.Normalize("👍🎉"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    public void Nothing_typed_is_empty(string? text) => Assert.Equal("", TextNormalizer.Normalize(text));

    [Fact]
    public void Five_thousand_characters_are_cut_to_what_is_read()
    {
        var normalized = TextNormalizer.Normalize(string.Concat(Enumerable.Repeat("hotline ", 625)));
        Assert.True(normalized.Length <= TextNormalizer.MaxLength, $"{normalized.Length} characters");
        Assert.StartsWith("hotline hotline", normalized);
    }

    [Fact]
    public void Five_thousand_characters_of_one_word_are_cut_too() =>
        Assert.True(TextNormalizer.Normalize(new string('x', 5000)).Length <= TextNormalizer.MaxLength);

    [Fact]
    public void Typographic_quotes_and_dashes_become_plain() => Assert.Equal("what's jun-aug", TextNormalizer.Normalize("what\u2019s jun\u2013aug"));

    [Fact]
    public void Tokens_trim_edge_punctuation_and_possessives() =>
        Assert.Equal(["july", "appropriate", "ctc"], TextNormalizer.Tokens("july. 'appropriate' ctc's", ShippedScorecard.Language));

    [Fact]
    public void Tokens_keep_a_lone_dash_and_a_numbered_hash() => Assert.Equal(["#3", "jun", "-", "aug"], TextNormalizer.Tokens("#3 jun - aug", ShippedScorecard.Language));

    [Fact]
    public void Tokens_split_a_slashed_list_but_not_a_date() => Assert.Equal(["jun", "jul", "aug", "07/2007", "2007/8"], TextNormalizer.Tokens("jun/jul/aug 07/2007 2007/8", ShippedScorecard.Language));

    [Fact]
    public void Tokens_spell_out_shorthand() => Assert.Equal(["scene", "management", "target"], TextNormalizer.Tokens("scene mgmt tgt", ShippedScorecard.Language));

    [Fact]
    public void Sql_looking_text_is_just_words() => Assert.Equal("drop table measures --", TextNormalizer.Normalize("DROP TABLE measures; --"));

    [Theory]
    [InlineData("ＣＴＩＯ ｃｏｖｅｒａｇｅ", "ctio coverage")]
    [InlineData("ＳＮＴ　ｂｒｉｅｆｉｎｇ　２００７／８", "snt briefing 2007/8")]
    [InlineData("ｈｏｔｌｉｎｅ　ｊｕｌ－０７", "hotline jul-07")]
    [InlineData("ｍ２　８５％", "m2 85%")]
    [InlineData("ＩＥＤ　ｃａｌｌｓ？", "ied calls")]
    public void Full_width_letters_digits_and_signs_are_folded_to_their_ascii_forms(string typed, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(typed));

    [Theory]
    [InlineData("explosive oﬃcers", "explosive officers")]
    [InlineData("brieﬁng ﬂow", "briefing flow")]
    [InlineData("m² in July", "m2 in july")]
    [InlineData("measure ₅", "measure 5")]
    public void Ligatures_and_superscript_or_subscript_digits_are_folded(string typed, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(typed));

    [Fact]
    public void Text_with_nothing_to_fold_is_returned_as_it_is()
    {
        const string text = "CTIO coverage in July";
        Assert.Same(text, TextNormalizer.Fold(text));
    }
}
