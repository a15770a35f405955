using System.Net;
using Newtonsoft.Json.Linq;
using ScorecardBot.Bot;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Extensions;

/// <summary>POST /api/messages under input nobody should send: a client error or a polite answer, never a 5xx or a stack trace.</summary>
public sealed class MessagesEndpointTests : IClassFixture<BotApp>
{
    private readonly BotApp _app;
    private readonly BotClient _bot;

    public MessagesEndpointTests(BotApp app)
    {
        _app = app;
        _bot = app.CreateBotClient();
        app.Logs.Clear();
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"CTIO")]
    [InlineData("{\"type\":\"message\",,}")]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"text\":[}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"text\":\"x\",\"deliveryMode\":\"expectReplies\"")]
    [InlineData("\u0000\u0001\u0002")]
    public async Task A_malformed_json_body_is_a_400(string body)
    {
        var turn = await _bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, turn.Status);
        NoLeaks.AssertNone(turn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\":null}")]
    [InlineData("{\"type\":{\"a\":1}}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"type\":\"message\",\"conversation\":\"not an object\"}")]
    public async Task A_body_that_is_not_an_activity_is_a_client_error(string body)
    {
        var turn = await _bot.PostAsync(body);

        Assert.InRange((int)turn.Status, 400, 499);
        NoLeaks.AssertNone(turn);
    }

    public static TheoryData<string, string> Awkward_texts() => new()
    {
        { "empty", "" },
        { "whitespace", "  \t\r\n  " },
        { "5,000 characters", string.Concat(Enumerable.Repeat("CTIO coverage in July ", 250))[..5000] },
        { "5,000 letters", new string('x', 5000) },
        { "control characters", "CTIO\u0000 coverage\u0007 in\u001b[31m July\u0008\u007f" },
        { "right-to-left and bidi", "\u202eylul ni egarevoc OITC\u202c \u200f\u0645\u0627 \u0647\u064a \u0627\u0644\u062a\u063a\u0637\u064a\u0629\u061f \u2067CTIO\u2069" },
        { "emoji", "📊🚓 CTIO coverage in July 👍🏽‍♀️" },
        { "SQL", "'; DROP TABLE figure_revisions; --" },
        { "SQL in a question", "CTIO coverage in July' OR '1'='1" },
        { "markup", "<script>alert(1)</script> <at>Scorecard</at> **bold** [link](http://x)" },
        { "json", "{\"question\":\"CTIO\"}" },
        { "unpaired surrogate", "CTIO \ud800 coverage \udc00" },
        { "zero-width", "C\u200bT\u200cI\u200dO\ufeff coverage in J\u00adu\u2060ly" },
        { "format strings", "{0} %s %n {{}} ${x} CTIO" },
    };

    [Theory]
    [MemberData(nameof(Awkward_texts))]
    public async Task Awkward_text_gets_a_polite_answer(string what, string text)
    {
        var turn = await _bot.AskAsync(text);

        Assert.True(turn.Status == HttpStatusCode.OK, $"{what}: {(int)turn.Status} {turn.Body}");
        Assert.True(turn.Replies.Count == 1, $"{what}: expected one reply: {turn.Body}");
        Assert.Single(turn.Cards);
        Assert.DoesNotContain(AdapterWithErrorHandler.SorryMessage, turn.AllText);
        NoLeaks.AssertNone(turn);
        _app.Logs.AssertNoFailures();
    }

    public static TheoryData<string, string> Null_fields() => new()
    {
        { "text", "text" },
        { "from", "from" },
        { "recipient", "recipient" },
        { "conversation", "conversation" },
        { "channelData", "channelData" },
        { "entities", "entities" },
        { "value", "value" },
        { "locale", "locale" },
        { "serviceUrl", "serviceUrl" },
        { "channelId", "channelId" },
        { "id", "id" },
        { "timestamp", "timestamp" },
    };

    [Theory]
    [MemberData(nameof(Null_fields))]
    public async Task A_message_with_a_null_field_gets_a_polite_answer_or_none(string what, string field)
    {
        var message = BotClient.Message("CTIO coverage in July");
        message[field] = JValue.CreateNull();

        var turn = await _bot.SendAsync(message);

        Assert.True((int)turn.Status < 500, $"{what}: {(int)turn.Status} {turn.Body}");
        NoLeaks.AssertNone(turn);
    }

    [Fact]
    public async Task A_message_with_every_optional_field_null_gets_a_polite_answer_or_none()
    {
        var message = new JObject { ["type"] = "message", ["deliveryMode"] = "expectReplies", ["serviceUrl"] = "http://127.0.0.1:9/" };
        foreach (var field in new[] { "text", "from", "recipient", "conversation", "channelData", "entities", "value", "attachments", "id", "channelId" })
            message[field] = JValue.CreateNull();

        var turn = await _bot.SendAsync(message);

        Assert.True((int)turn.Status < 500, $"{(int)turn.Status} {turn.Body}");
        NoLeaks.AssertNone(turn);
    }

    public static TheoryData<string, string> Unknown_activities() => new()
    {
        { "an unknown type", """{"type":"foo","text":"CTIO"}""" },
        { "an invoke with a junk name", """{"type":"invoke","name":"junk/nonsense","value":{"a":[1,2,{"b":null}]}}""" },
        { "an invoke with no name", """{"type":"invoke","value":"junk"}""" },
        { "a card action invoke with junk", """{"type":"invoke","name":"adaptiveCard/action","value":{"action":"junk"}}""" },
        { "a card action invoke with no value", """{"type":"invoke","name":"adaptiveCard/action"}""" },
        { "a task module fetch", """{"type":"invoke","name":"task/fetch","value":{"data":{}}}""" },
        { "a messaging extension query", """{"type":"invoke","name":"composeExtension/query","value":{"commandId":"x"}}""" },
        { "an event", """{"type":"event","name":"somethingHappened","value":{"x":1}}""" },
        { "typing", """{"type":"typing"}""" },
        { "a reaction", """{"type":"messageReaction","reactionsAdded":[{"type":"like"}],"replyToId":"1"}""" },
        { "an installation update", """{"type":"installationUpdate","action":"add"}""" },
        { "an end of conversation", """{"type":"endOfConversation"}""" },
        { "a message update", """{"type":"messageUpdate","text":"CTIO","channelData":{"eventType":"editMessage"}}""" },
        { "a conversation update with junk channel data", """{"type":"conversationUpdate","channelData":{"eventType":"teamRenamed","team":"junk"}}""" },
        { "a conversation update with a hole in its members", """{"type":"conversationUpdate","membersAdded":[null,{"id":"28:scorecard-bot"}],"membersRemoved":[null]}""" },
        { "a conversation update with members and no recipient", """{"type":"conversationUpdate","membersAdded":[{"id":"29:x"}],"recipient":null}""" },
    };

    [Theory]
    [MemberData(nameof(Unknown_activities))]
    public async Task An_unknown_or_unhandled_activity_is_accepted_quietly(string what, string json)
    {
        var activity = BotClient.Activity("placeholder");
        foreach (var p in JObject.Parse(json).Properties()) activity[p.Name] = p.Value;

        var turn = await _bot.SendAsync(activity);

        Assert.True(turn.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{what}: {(int)turn.Status} {turn.Body}");
        NoLeaks.AssertNone(turn);
        _app.Logs.AssertNoFailures();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("http://")]
    public async Task An_activity_with_no_usable_service_url_is_a_400(string? serviceUrl)
    {
        var message = BotClient.Message("CTIO coverage in July");
        message["serviceUrl"] = serviceUrl;

        var turn = await _bot.SendAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, turn.Status);
        NoLeaks.AssertNone(turn);
    }

    public static TheoryData<string, string> Unhandled_invokes() => new()
    {
        { "a junk name", """{"name":"junk/nonsense","value":{"a":[1,2,{"b":null}]}}""" },
        { "no name", """{"value":"junk"}""" },
        { "a task module fetch with a junk value", """{"name":"task/fetch","value":"junk"}""" },
        { "a messaging extension query with a junk value", """{"name":"composeExtension/query","value":[1,2,3]}""" },
        { "a config fetch", """{"name":"config/fetch","value":{}}""" },
        { "junk channel data", """{"name":"task/fetch","value":{},"channelData":"junk"}""" },
    };

    [Theory]
    [MemberData(nameof(Unhandled_invokes))]
    public async Task An_invoke_the_bot_does_not_handle_is_never_a_5xx(string what, string json)
    {
        // Teams sends invokes without expectReplies and reads the HTTP status as the invoke's answer.
        var invoke = BotClient.Activity("invoke");
        invoke.Remove("deliveryMode");
        foreach (var p in JObject.Parse(json).Properties()) invoke[p.Name] = p.Value;

        var turn = await _bot.SendAsync(invoke);

        Assert.True((int)turn.Status is >= 200 and < 500, $"{what}: {(int)turn.Status} {turn.Body}");
        NoLeaks.AssertNone(turn);
        _app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task After_hostile_input_the_database_still_answers_with_the_seed_figures()
    {
        foreach (var text in new[] { "'; DROP TABLE figure_revisions; --", "1; DELETE FROM figure_revisions", "\" OR 1=1 --", "Robert'); DROP TABLE Students;--" })
        {
            var turn = await _bot.AskAsync(text);
            Assert.Equal(HttpStatusCode.OK, turn.Status);
        }

        var answer = await _bot.AskAsync("CTIO coverage in July");
        CardText.TextBlock(answer.Card, "29 of 33 BOCUs");
        var health = await _bot.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        var response = await _bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

}
