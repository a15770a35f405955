using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Conversation;

/// <summary>
/// A conversation through the real endpoint: each person's last request is remembered per conversation (in the
/// scorecard database), so "and August?", "what about the hotline", "why?" follow on. Every figure is the paper's.
/// Each test talks in a conversation of its own.
/// </summary>
public sealed class FollowUpTests(BotApp app) : IClassFixture<BotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();
    private readonly string _conversation = BotClient.NewConversationId();

    private Task<Turn> Ask(string text) => _bot.AskInAsync(_conversation, text);

    [Fact]
    public async Task Another_month_is_the_same_measure_for_that_month()
    {
        var july = await Ask("CTIO coverage in July");
        var august = await Ask("and august?");
        var june = await Ask("same for june");

        AssertMeasure(july, "CTIO coverage", "July 2007", "88%", "29 of 33 BOCUs");
        AssertMeasure(august, "CTIO coverage", "August 2007", "88%", "29 of 33 BOCUs");
        AssertMeasure(june, "CTIO coverage", "June 2007", "85%", "28 of 33 BOCUs");
    }

    [Fact]
    public async Task A_question_about_the_whole_scorecard_or_the_Key_after_a_measure_is_answered_on_its_own()
    {
        await Ask("CTIO coverage in July");

        var worst = await Ask("which measure is furthest from target");
        var worse = await Ask("worst performing measure");
        var key = await Ask("what's the difference between red and amber");

        CardText.TextBlock(worst.Card, "Closest to missing target · August 2007");
        CardText.TextBlock(worse.Card, "Closest to missing target · August 2007");
        Assert.DoesNotContain("CTIO coverage", key.Speak);
        Assert.Contains("More Than 10% Outside Target", CardText.Of(key.Card));
    }

    [Fact]
    public async Task A_conversation_follows_on_from_each_answer_to_the_next()
    {
        await Ask("CTIO coverage in July");
        await Ask("same for june");

        // Another measure keeps the month: the hotline in June 2007 was 406 of 410 calls.
        var hotline = await Ask("what about the hotline");
        AssertMeasure(hotline, "Hotline calls answered within set time", "June 2007", "99%", "406 of 410 calls");

        // Why: the hotline's own Why card, with the comment on the data lost from 29 June into July.
        var why = await Ask("why?");
        var whyText = CardText.Of(why.Card);
        Assert.Contains("Why Hotline calls answered within set time is where it is · June 2007", whyText);
        Assert.Contains("loss of 19 days data, from the end of June and the first half of July", whyText);

        // The trend of the same measure: a Teams line chart whose fallback lists the months with figures.
        var trend = await Ask("show me the trend");
        var chart = trend.Card.Descendants().OfType<JObject>().Single(o => (string?)o["type"] == "Chart.Line");
        Assert.Equal("TextBlock", (string?)chart["fallback"]?["type"]);
        Assert.Contains("Jun-07 99% · Jul-07 98% · Aug-07 99%", (string?)chart["fallback"]?["text"]);
        Assert.Contains("Hotline calls answered within set time · June 2007", CardText.Of(trend.Card));

        // And the year to date: April to August 2007, 2047 of 2080 calls.
        var ytd = await Ask("and the year to date?");
        AssertMeasure(ytd, "Hotline calls answered within set time", "2007/8 year to date (April 2007 to August 2007)",
            "98%", "2047 of 2080 calls");
    }

    [Fact]
    public async Task Compare_with_last_month_sets_the_month_before_beside_the_one_asked_about()
    {
        await Ask("hotline in August");
        var turn = await Ask("compare with last month");
        var text = CardText.Of(turn.Card);

        // July 347 of 353 = 98.3% → 98%; August 410 of 414 = 99.0% → 99%: one point better.
        Assert.Contains("Hotline calls answered within set time · July 2007 v August 2007", text);
        CardText.TextBlock(turn.Card, "347 of 353 calls");
        CardText.TextBlock(turn.Card, "410 of 414 calls");
        Assert.Contains("August 2007 was better: +1 point to 99% (from 98% in July 2007).", text);
    }

    [Fact]
    public async Task Two_people_in_one_channel_each_follow_on_from_their_own_question()
    {
        const string channel = "19:scorecard-channel@thread.tacv2";
        var conversation = $"{channel};messageid={Guid.NewGuid():N}";
        Task<Turn> Say(string user, string text) =>
            _bot.SendAsync(BotClient.MentioningBot(text, "channel", conversationId: conversation, userId: user));

        await Say("29:officer-a", "CTIO coverage in July");
        await Say("29:officer-b", "hotline in June");
        var a = await Say("29:officer-a", "and august?");
        var b = await Say("29:officer-b", "and july?");

        AssertMeasure(a, "CTIO coverage", "August 2007", "88%", "29 of 33 BOCUs");
        AssertMeasure(b, "Hotline calls answered within set time", "July 2007", "98%", "347 of 353 calls");
    }

    [Fact]
    public async Task What_was_asked_before_a_restart_is_followed_on_after_it()
    {
        var folder = Directory.CreateTempSubdirectory("scorecardbot-restart-").FullName;
        try
        {
            using (var before = new RestartableBotApp(folder))
            {
                await before.CreateBotClient().AskInAsync(_conversation, "SNT briefing in June");
            }
            using var after = new RestartableBotApp(folder);

            var turn = await after.CreateBotClient().AskInAsync(_conversation, "and august?");

            // August 2007: 13 of 15 SNT members briefed, 86.7% → 87%.
            AssertMeasure(turn, "SNT members briefed within two months", "August 2007", "87%", "13 of 15 SNT members");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_quiet_half_hour_a_follow_up_is_answered_as_a_question_on_its_own()
    {
        await Ask("CTIO coverage in July");
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var turn = await Ask("and August?");

        Assert.Contains("Scorecard · August 2007", CardText.Of(turn.Card));
    }

    [Fact]
    public async Task Within_the_half_hour_a_follow_up_still_follows_on()
    {
        await Ask("CTIO coverage in July");
        app.Clock.Advance(TimeSpan.FromMinutes(29));

        var turn = await Ask("and August?");

        AssertMeasure(turn, "CTIO coverage", "August 2007", "88%", "29 of 33 BOCUs");
    }

    [Fact]
    public async Task Asking_the_same_question_again_starts_the_half_hour_again()
    {
        await Ask("CTIO coverage in July");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await Ask("CTIO coverage in July");
        app.Clock.Advance(TimeSpan.FromMinutes(20));

        var turn = await Ask("and August?");

        AssertMeasure(turn, "CTIO coverage", "August 2007", "88%", "29 of 33 BOCUs");
    }

    [Fact]
    public async Task A_follow_up_with_nothing_to_follow_is_answered_as_a_question_on_its_own()
    {
        var turn = await Ask("and august?");

        Assert.Contains("Scorecard · August 2007", CardText.Of(turn.Card));
    }

    [Fact]
    public async Task A_button_click_is_followed_on_like_a_question()
    {
        var offTarget = await Ask("which measures are off target");
        var scorecard = CardText.Actions(offTarget.Card).Single(a => (string?)a["title"] == "Whole scorecard");
        await _bot.ClickAsync(scorecard, _conversation);

        var turn = await Ask("and july?");

        // The scorecard the click asked for is followed on, not the off-target list asked before it.
        Assert.Contains("Scorecard · July 2007", CardText.Of(turn.Card));
    }

    /// <summary>The one measure card for a period: its heading, value and basis.</summary>
    private static void AssertMeasure(Turn turn, string measure, string period, string value, string basis)
    {
        var card = turn.Card;
        Assert.Contains($"{measure} · {period}", CardText.Of(card));
        CardText.TextBlock(card, value);
        CardText.TextBlock(card, basis);
    }
}
