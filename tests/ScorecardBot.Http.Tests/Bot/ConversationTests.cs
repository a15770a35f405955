using System.Net;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>Where the bot speaks: personal chats always, channels and group chats only when @mentioned; a welcome when added.</summary>
public sealed class ConversationTests(BotApp app) : IClassFixture<BotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task In_a_shared_conversation_a_message_without_an_at_mention_gets_no_reply(string conversationType)
    {
        var turn = await _bot.AskAsync("CTIO coverage in July", conversationType);

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public async Task In_a_channel_a_mention_of_someone_else_gets_no_reply()
    {
        var turn = await _bot.SendAsync(BotClient.Message("<at>Jo</at> CTIO coverage in July", "channel", entities: [BotClient.MentionOf("29:someone-else", "Jo")]));

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Empty(turn.Replies);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task In_a_shared_conversation_an_at_mention_is_answered_and_the_mention_text_ignored(string conversationType)
    {
        var turn = await _bot.SendAsync(BotClient.MentioningBot("CTIO coverage in July", conversationType));
        var card = turn.Card;

        CardText.TextBlock(card, "88%");
        CardText.TextBlock(card, "29 of 33 BOCUs");
        Assert.DoesNotContain("Scorecard</at>", turn.AllText);
    }

    public static TheoryData<string, string> Malformed_mentions() => new()
    {
        { "mentioned is a number", """{"type":"mention","text":"<at>Scorecard</at>","mentioned":42}""" },
        { "mentioned is an array", """{"type":"mention","text":"<at>Scorecard</at>","mentioned":[1,2]}""" },
        { "mentioned is missing", """{"type":"mention","text":"<at>Scorecard</at>"}""" },
        { "text is an object", """{"type":"mention","text":{"a":1},"mentioned":{"id":"28:scorecard-bot"}}""" },
        { "text is a broken regex", """{"type":"mention","text":"(<at>[Scorecard","mentioned":{"id":"28:scorecard-bot"}}""" },
        { "id is an object", """{"type":"mention","mentioned":{"id":{"x":1}}}""" },
    };

    [Theory]
    [MemberData(nameof(Malformed_mentions))]
    public async Task A_malformed_mention_entity_is_ignored_not_an_error(string what, string entity)
    {
        app.Logs.Clear();
        var message = BotClient.Message("<at>Scorecard</at> CTIO coverage in July", entities: [Newtonsoft.Json.Linq.JObject.Parse(entity)]);

        var turn = await _bot.SendAsync(message);

        Assert.True(turn.Status == HttpStatusCode.OK, $"{what}: {(int)turn.Status} {turn.Body}");
        Assert.DoesNotContain(ScorecardBot.Bot.AdapterWithErrorHandler.SorryMessage, turn.AllText);
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task A_message_without_a_recipient_is_still_answered()
    {
        var message = BotClient.Message("CTIO coverage in July");
        message["recipient"] = null;

        var turn = await _bot.SendAsync(message);

        CardText.TextBlock(turn.Card, "29 of 33 BOCUs");
    }

    [Fact]
    public async Task A_mention_alone_is_not_mistaken_for_a_question_about_the_scorecard()
    {
        var turn = await _bot.SendAsync(BotClient.MentioningBot(""));

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.DoesNotContain("<at>", turn.AllText);
        Assert.DoesNotContain("Scorecard ·", turn.AllText);
    }

    [Fact]
    public async Task Adding_the_bot_to_a_conversation_sends_a_welcome_card()
    {
        var update = BotClient.Activity("conversationUpdate", "channel");
        update["membersAdded"] = new JArray(new JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName });

        var turn = await _bot.SendAsync(update);
        var card = turn.Card;

        Assert.Contains("Hello", CardText.Of(card));
        Assert.NotEmpty(CardText.Actions(card));
    }

    [Fact]
    public async Task A_person_joining_after_the_bot_gets_no_welcome()
    {
        var update = BotClient.Activity("conversationUpdate", "groupChat");
        update["membersAdded"] = new JArray(new JObject { ["id"] = "29:new-person", ["name"] = "New Person" });
        update["channelId"] = "emulator";

        var turn = await _bot.SendAsync(update);

        Assert.True((int)turn.Status < 300, $"{(int)turn.Status}: {turn.Body}");
        Assert.Empty(turn.Cards);
    }

    [Fact]
    public async Task A_card_button_with_its_question_in_the_value_and_no_text_is_answered()
    {
        var turn = await _bot.SendAsync(BotClient.Message("", value: new JObject { ["question"] = "SNT briefing year to date" }));

        CardText.TextBlock(turn.Card, "263 of 327 SNT members");
    }

    [Fact]
    public async Task The_buttons_on_an_answer_ask_questions_the_bot_answers()
    {
        var first = await _bot.AskAsync("which measures are off target");
        var button = CardText.Actions(first.Card).First(a => (string?)a["title"] == "Whole scorecard");
        var data = (JObject)button["data"]!;

        var turn = await _bot.SendAsync(BotClient.Message((string?)data["msteams"]?["text"], value: data));

        Assert.Contains("Scorecard ·", CardText.Of(turn.Card));
    }
}
