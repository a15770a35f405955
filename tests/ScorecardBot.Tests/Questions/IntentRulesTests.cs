using ScorecardBot.Core.Calculation;
using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

/// <summary>The understanding table rule by rule: each rule decides the example it exists for, and says so.</summary>
public sealed class IntentRulesTests
{
    private static QuestionRecognizer Recognizer => ShippedScorecard.Recognizer;

    public static TheoryData<string> RuleNames => new(IntentRules.Table.Select(r => r.Name));

    /// <summary>What each follow-up rule follows.</summary>
    private static Request? PreviousFor(string rule) =>
        rule == "follow-up: another command" ? Recognizer.Recognize("scorecard for July")
        : rule.StartsWith("follow-up", StringComparison.Ordinal) ? Recognizer.Recognize("CTIO coverage in July")
        : null;

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Each_rule_decides_its_own_example(string name)
    {
        var rule = IntentRules.Table.Single(r => r.Name == name);

        var request = Recognizer.Recognize(rule.Example, PreviousFor(name));

        Assert.Equal(name, request.Rule);
    }

    [Fact]
    public void Rules_have_unique_names_and_an_example_each()
    {
        Assert.Equal(IntentRules.Table.Count, IntentRules.Table.Select(r => r.Name).Distinct().Count());
        Assert.All(IntentRules.Table, r => Assert.False(string.IsNullOrWhiteSpace(r.Example)));
    }

    [Fact]
    public void The_last_rule_catches_any_single_measure_so_every_message_gets_a_request()
    {
        Assert.Equal("one measure", IntentRules.Table[^1].Name);
        Assert.Equal("one measure", Recognizer.Recognize("hotline").Rule);
    }

    [Theory]
    [InlineData("and August?", Intent.MeasureValue, 1, "M8")]
    [InlineData("same for june", Intent.MeasureValue, 1, "M6")]
    [InlineData("and the year to date?", Intent.MeasureValue, 1, "YTD")]
    [InlineData("what about the hotline", Intent.MeasureValue, 5, "M7")]
    [InlineData("why?", Intent.Why, 1, "M7")]
    [InlineData("show me the trend", Intent.Trend, 1, "M7")]
    [InlineData("what's the target", Intent.Target, 1, "M7")]
    [InlineData("any comments?", Intent.Comments, 1, "M7")]
    public void A_follow_up_fills_what_it_leaves_out_from_the_previous_request(string text, Intent intent, int measure, string period)
    {
        var previous = Recognizer.Recognize("CTIO coverage in July");

        var request = Recognizer.Recognize(text, previous);

        Assert.Equal(intent, request.Intent);
        Assert.Equal([measure], request.Measures.Select(m => m.Number));
        Assert.Equal(period, UtteranceRow.Describe(request.Period));
    }

    [Fact]
    public void Compare_with_last_month_compares_the_period_looked_at_with_the_one_before()
    {
        var previous = Recognizer.Recognize("hotline in August");

        var request = Recognizer.Recognize("compare with last month", previous);

        Assert.Equal(Intent.Compare, request.Intent);
        Assert.Equal("M8", UtteranceRow.Describe(request.Period));
        Assert.Equal(PeriodKind.PreviousPeriod, request.CompareWith?.Kind);
    }

    [Fact]
    public void A_follow_up_keeps_the_previous_kind_of_answer_for_another_measure()
    {
        var previous = Recognizer.Recognize("hotline trend");

        var request = Recognizer.Recognize("what about IED", previous);

        Assert.Equal(Intent.Trend, request.Intent);
        Assert.Equal([3], request.Measures.Select(m => m.Number));
    }

    [Theory]
    [InlineData("and August?", Intent.Scorecard)]
    [InlineData("why?", Intent.Comments)]
    [InlineData("show me the trend", Intent.Clarify)]
    public void A_follow_up_with_nothing_to_follow_answers_as_a_question_on_its_own(string text, Intent intent)
    {
        Assert.Equal(intent, Recognizer.Recognize(text).Intent);
    }

    [Theory]
    [InlineData("will we hit target this year", Intent.Projection, new int[0])]
    [InlineData("are we on track for the year end?", Intent.Projection, new int[0])]
    [InlineData("scorecard with projection", Intent.Scorecard, new int[0])]
    [InlineData("committee scorecard with the projected year end", Intent.Scorecard, new int[0])]
    [InlineData("hotline projection", Intent.Projection, new[] { 5 })]
    [InlineData("will ctio coverage hit target by the end of the year", Intent.Projection, new[] { 1 })]
    [InlineData("what changed since last month", Intent.Changes, new int[0])]
    [InlineData("anything new?", Intent.Changes, new int[0])]
    [InlineData("whats changed", Intent.Changes, new int[0])]
    [InlineData("what would get CTIO back on target", Intent.Why, new[] { 1 })]
    [InlineData("what would it take to get the hotline back on track", Intent.Why, new[] { 5 })]
    [InlineData("why is the hotline red in september 2007", Intent.Why, new[] { 5 })]
    public void Why_projections_and_what_changed_are_understood(string text, Intent intent, int[] measures)
    {
        var request = Recognizer.Recognize(text);

        Assert.Equal(intent == Intent.Scorecard, request.Projected);

        Assert.True(intent == request.Intent, $"{request.Intent} by rule '{request.Rule}'");
        Assert.Equal(measures, request.Measures.Select(m => m.Number));
    }

    [Theory]
    [InlineData("will we hit target this year", Intent.Projection, new int[0])]
    [InlineData("what changed since last month", Intent.Changes, new int[0])]
    [InlineData("and the projection?", Intent.Projection, new[] { 1 })]
    [InlineData("what would get it back on target", Intent.Why, new[] { 1 })]
    public void After_a_measure_a_projection_or_what_changed_is_about_the_whole_scorecard_unless_it_follows_on(string text, Intent intent, int[] measures)
    {
        var previous = Recognizer.Recognize("CTIO coverage in July");

        var request = Recognizer.Recognize(text, previous);

        Assert.Equal(intent, request.Intent);
        Assert.Equal(measures, request.Measures.Select(m => m.Number));
    }

    /// <summary>
    /// What lets a turn skip reading the memory: a message no follow-up could take is decided the same whatever came
    /// before, because only the follow-up rules read the previous request. Checked through the whole table, not the
    /// recogniser's shortcut, for every row of the utterance table and previous requests of every kind.
    /// </summary>
    [Theory]
    [MemberData(nameof(QuestionRecognizerTableTests.Rows), MemberType = typeof(QuestionRecognizerTableTests))]
    public void A_message_no_follow_up_could_take_is_decided_the_same_whatever_came_before(string row)
    {
        var text = UtteranceRow.Parse(row).Text.Split(UtteranceTable.Then)[^1];
        var alone = Recognizer.Slots(text);
        if (alone.Tokens.Count == 0 || IntentRules.CouldFollowOn(alone)) return;
        var expected = Describe(IntentRules.Apply(alone));

        foreach (var before in new[] { "CTIO coverage in July", "scorecard for July", "hotline trend", "which measures are off target", "what does BOCU stand for", "compare hotline july with august" })
        {
            Assert.Equal(expected, Describe(IntentRules.Apply(Recognizer.Slots(text, Recognizer.Recognize(before)))));
        }
    }

    private static string Describe(Request r) =>
        $"{r.Rule}|{Newtonsoft.Json.JsonConvert.SerializeObject(RequestData.From(r))}|{r.Note}|{string.Join(",", r.Choices.Select(c => c.Title))}";

    [Fact]
    public void A_follow_up_is_read_with_the_memory_and_a_plain_question_without_it()
    {
        Assert.True(QuestionRecognizer.CouldFollowOn(Recognizer.Understand("and August?")));
        Assert.True(QuestionRecognizer.CouldFollowOn(Recognizer.Understand("why?")));
        Assert.True(QuestionRecognizer.CouldFollowOn(Recognizer.Understand("what about the hotline")));
        Assert.False(QuestionRecognizer.CouldFollowOn(Recognizer.Understand("CTIO coverage in July")));
        Assert.False(QuestionRecognizer.CouldFollowOn(Recognizer.Understand("scorecard for July")));
        Assert.False(QuestionRecognizer.CouldFollowOn(Recognizer.Understand("")));
    }

    [Fact]
    public void A_status_word_beside_a_named_measure_asks_about_that_measure()
    {
        var request = Recognizer.Recognize("did the hotline go red");

        Assert.Equal(Intent.MeasureValue, request.Intent);
        Assert.Equal([5], request.Measures.Select(m => m.Number));
        Assert.Equal([Status.OutsideTolerance], request.Statuses!);
    }

    [Fact]
    public void A_misspelt_month_is_named_rather_than_silently_dropped()
    {
        var request = Recognizer.Recognize("hotline in agsut");

        Assert.Equal([5], request.Measures.Select(m => m.Number));
        Assert.Contains("I couldn't read \"agsut\" as a month", request.Note);
    }

    [Fact]
    public void A_period_the_scorecard_does_not_keep_is_said()
    {
        var request = Recognizer.Recognize("hotline last week");

        Assert.Contains("monthly figures", request.Note);
        Assert.Contains("week", request.Note);
    }

    [Theory]
    [InlineData("committee pack as word", "word")]
    [InlineData("download the pack as a docx", "docx")]
    [InlineData("committee pack for July as odf", "odf")]
    public void A_pack_format_it_does_not_come_in_is_said_and_both_are_offered(string text, string format)
    {
        var request = Recognizer.Recognize(text);

        Assert.Equal(Intent.Pack, request.Intent);
        Assert.Equal([PackFormat.Pdf, PackFormat.Xlsx], request.Formats!.Order());
        Assert.Contains($"not \"{format}\"", request.Note);
    }

    [Theory]
    [InlineData("committee pack as pdf")]
    [InlineData("pack for July 2007 as excel")]
    [InlineData("committee pack as a spreadsheet")]
    public void A_pack_format_it_comes_in_needs_no_note(string text)
    {
        var request = Recognizer.Recognize(text);

        Assert.Equal(Intent.Pack, request.Intent);
        Assert.Null(request.Note);
    }

    [Fact]
    public void A_pack_is_not_remembered_for_a_follow_up()
    {
        Assert.False(ScorecardBot.Conversation.ConversationMemory.IsWorthFollowing(Recognizer.Recognize("committee pack")));
    }

    [Fact]
    public void An_incidental_word_of_a_polite_request_is_not_taken_for_a_topic()
    {
        // "brief" is within a typo of "briefed" (SNT briefing), but here it is only politeness.
        var request = Recognizer.Recognize("could I have a brief word about the hotline please");

        Assert.Equal([5], request.Measures.Select(m => m.Number));
    }
}
