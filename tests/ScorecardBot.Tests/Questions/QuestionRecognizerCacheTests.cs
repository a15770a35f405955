using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

/// <summary>A message read before is not read again, and a recogniser that keeps them answers exactly as one that does not.</summary>
public sealed class QuestionRecognizerCacheTests
{
    private static readonly QuestionRecognizer Keeping = new(ShippedScorecard.Vocabulary, cacheSize: 100);

    [Theory]
    [MemberData(nameof(QuestionRecognizerTableTests.Rows), MemberType = typeof(QuestionRecognizerTableTests))]
    public void Every_row_is_recognised_the_same_with_and_without_the_cache_and_twice(string row)
    {
        var texts = UtteranceRow.Parse(row).Text.Split(UtteranceTable.Then);
        Request? plain = null, kept = null;
        foreach (var text in texts)
        {
            plain = ShippedScorecard.Recognizer.Recognize(text, plain);
            var first = Keeping.Recognize(text, kept);
            var again = Keeping.Recognize(text, kept);
            Assert.Equal(Describe(plain), Describe(first));
            Assert.Equal(Describe(first), Describe(again));
            kept = first;
        }
    }

    [Fact]
    public void A_message_read_before_is_taken_from_the_cache_and_a_cache_of_zero_keeps_nothing()
    {
        var keeping = new QuestionRecognizer(ShippedScorecard.Vocabulary, cacheSize: 10);
        Assert.Same(keeping.Understand("scorecard for July"), keeping.Understand("scorecard for July"));
        var none = new QuestionRecognizer(ShippedScorecard.Vocabulary, cacheSize: 0);
        Assert.NotSame(none.Understand("scorecard for July"), none.Understand("scorecard for July"));
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        var small = new QuestionRecognizer(ShippedScorecard.Vocabulary, cacheSize: 2);
        var first = small.Understand("hotline in July");
        for (var i = 0; i < 50; i++) small.Understand($"measure {i % 6 + 1} in August {i}");
        // MemoryCache compacts on a later pass; asking again after many others must still give the same answer.
        Assert.Equal(Describe(first.Standalone), Describe(small.Understand("hotline in July").Standalone));
    }

    private static string Describe(Request r) =>
        $"{r.Intent}|{r.Rule}|{Newtonsoft.Json.JsonConvert.SerializeObject(RequestData.From(r))}|{r.Note}|{string.Join(",", r.Choices.Select(c => c.Title))}";
}
