using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

public sealed class QuestionRecognizerRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "hotline", "ctio", "m5", "#3", "no.", "jul-07", "2007/8", "07/08", "2007-13", "-", "/", "'", "%", "red", "zone", "between",
        "and", "to", "last", "quarter", "q9", "measure", "0", "999999999999", "\u202E", "\u200B", "👍", "\0", "\u0301", "ｈｏｔ",
        "what", "does", "stand", "for", "so", "14", "how", "many", "calls", "why", "'07", "jun/jul/", "//", "--", "#", "may",
    ];

    [Fact]
    public void Generated_questions_never_throw()
    {
        var random = new Random(20070829);
        var recognizer = ShippedScorecard.Recognizer;
        for (var n = 0; n < 5_000; n++)
        {
            var words = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pieces[random.Next(Pieces.Length)]);
            var text = string.Join(random.Next(3) == 0 ? "" : " ", words);
            var question = recognizer.Recognize(text);
            Assert.NotNull(question);
        }
    }

    [Fact]
    public void The_same_question_is_always_read_the_same_way()
    {
        var first = ShippedScorecard.Recognizer.Recognize("how many calls in july");
        var second = ShippedScorecard.Recognizer.Recognize("how many calls in july");
        Assert.Equal(first.Intent, second.Intent);
        // A choice carries a typed request: compared as a button would carry it.
        Assert.Equal(Wire(first), Wire(second));
    }

    [Fact]
    public void Ambiguous_calls_offer_both_figures_as_buttons()
    {
        var question = ShippedScorecard.Recognizer.Recognize("how many calls in july");
        Assert.Equal(Intent.Clarify, question.Intent);
        Assert.Equal(["Calls received", "IED Calls"], question.Choices.Select(c => c.Title.Split(" (")[0]).Order().ToArray());
    }

    [Fact]
    public void A_very_long_question_is_read_without_error()
    {
        var question = ShippedScorecard.Recognizer.Recognize(string.Concat(Enumerable.Repeat("hotline july ", 400)));
        Assert.Equal(5, question.Measure?.Number);
    }

    private static string[] Wire(Request request) =>
        request.Choices.Select(c => c.Title + " " + Newtonsoft.Json.JsonConvert.SerializeObject(RequestData.From(c.Request))).ToArray();
}
