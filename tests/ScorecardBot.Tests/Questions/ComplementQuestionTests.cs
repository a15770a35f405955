using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

/// <summary>Questions about the rest of a ratio ("not answered", "without a CTIO") against look-alikes that are not.</summary>
public sealed class ComplementQuestionTests
{
    [Theory]
    [InlineData("how many calls were NOT answered in time in july", 5)]
    [InlineData("hotline calls answered late this year", 5)]
    [InlineData("unanswered hotline calls", 5)]
    [InlineData("how many SNT officers weren't briefed in june", 2)]
    [InlineData("BOCUs without a CTIO", 1)]
    [InlineData("how many BOCUs still need a CTIO", 1)]
    [InlineData("IED calls not attended in time", 3)]
    [InlineData("how many hotline calls were missed in july", 5)]
    public void Asks_for_the_rest_of_a_ratio(string text, int measure)
    {
        var question = ShippedScorecard.Recognizer.Recognize(text);

        Assert.True(question.Complement, $"{text}: expected the rest of measure {measure}");
        Assert.Equal(measure, question.Measure?.Number);
    }

    [Theory]
    [InlineData("hotline calls answered in time july")]
    [InlineData("which measures are not on target")]
    [InlineData("is hotline not on target")]
    [InlineData("royal intrusions not")]
    [InlineData("why did the hotline lose data")]
    [InlineData("latest hotline")]
    [InlineData("which measures missed target in july")]
    [InlineData("has the hotline missed its target")]
    public void Does_not_take_a_look_alike_for_the_rest(string text)
    {
        Assert.False(ShippedScorecard.Recognizer.Recognize(text).Complement, text);
    }
}
