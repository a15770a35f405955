using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// Talks to the real endpoint the way Teams does: Bot Framework activities as JSON, POSTed to /api/messages, with
/// "deliveryMode": "expectReplies" so the bot's replies come back in the response body.
/// </summary>
public sealed class BotClient(HttpClient http)
{
    public const string BotId = "28:scorecard-bot";
    public const string BotName = "Scorecard";
    public const string UserId = "29:officer-1";

    /// <summary>The tenant the test user belongs to; tenant ids are GUIDs, and the settings refuse anything else.</summary>
    public const string Tenant = "9b4d2c1e-7a3f-4e5d-8c6b-2a1f0e9d8c7b";

    /// <summary>Some other organisation's tenant.</summary>
    public const string OtherTenant = "3c8e1f2a-5b6d-4c7e-9f0a-1b2c3d4e5f60";

    public HttpClient Http => http;

    /// <summary>A user's message, as Teams sends it.</summary>
    public static JObject Message(
        string? text, string conversationType = "personal", string? tenant = Tenant, object? value = null,
        JArray? entities = null, string? conversationId = null, string userId = UserId)
    {
        var activity = Activity("message", conversationType, tenant, conversationId);
        activity["from"]!["id"] = userId;
        activity["text"] = text;
        activity["textFormat"] = "plain";
        if (value is not null) activity["value"] = value as JToken ?? JToken.FromObject(value);
        if (entities is not null) activity["entities"] = entities;
        return activity;
    }

    /// <summary>A message that @mentions the bot in a channel: the text carries the mention, an entity says whom it names.</summary>
    public static JObject MentioningBot(
        string question, string conversationType = "channel", string? tenant = Tenant, string? conversationId = null,
        string userId = UserId) =>
        Message($"<at>{BotName}</at> {question}", conversationType, tenant, entities: [MentionOf(BotId, BotName)],
            conversationId: conversationId, userId: userId);

    public static JObject MentionOf(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JObject { ["id"] = id, ["name"] = name },
    };

    /// <summary>
    /// An activity of any type, addressed to the bot in a conversation of the given kind. Each is in a conversation of
    /// its own unless one is named, so no test's question is read as a follow-up to another's.
    /// </summary>
    public static JObject Activity(string type, string conversationType = "personal", string? tenant = Tenant, string? conversationId = null)
    {
        var id = conversationId ?? $"a:conversation-{conversationType}-{Guid.NewGuid():N}";
        var conversation = new JObject { ["id"] = id, ["conversationType"] = conversationType };
        if (tenant is not null) conversation["tenantId"] = tenant;
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-11-26T10:00:00.000Z",
            ["channelId"] = "msteams",
            // Nothing listens here: replies come back in the response body, and nothing may leave the test.
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new JObject { ["id"] = UserId, ["name"] = "A. Officer", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["recipient"] = new JObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = conversation,
            ["locale"] = "en-GB",
            ["deliveryMode"] = "expectReplies",
        };
        if (tenant is not null) activity["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = tenant } };
        return activity;
    }

    public Task<Turn> AskAsync(string? text, string conversationType = "personal", string? tenant = Tenant) =>
        SendAsync(Message(text, conversationType, tenant));

    /// <summary>A question in a personal chat that goes on: the bot remembers what was asked before in it.</summary>
    public Task<Turn> AskInAsync(string conversationId, string? text) =>
        SendAsync(Message(text, conversationId: conversationId));

    /// <summary>A click on a button as Teams sends an Action.Submit: a message whose value is its data, no text.</summary>
    public Task<Turn> ClickAsync(JObject button, string? conversationId = null, string conversationType = "personal") =>
        SendAsync(Message(null, conversationType, value: button["data"]!.DeepClone(), conversationId: conversationId));

    /// <summary>A conversation id of its own for one test's turns.</summary>
    public static string NewConversationId() => $"a:conversation-personal-{Guid.NewGuid():N}";

    public Task<Turn> SendAsync(JObject activity) => PostAsync(activity.ToString(Formatting.None));

    public async Task<Turn> PostAsync(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync("/api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        return new Turn(response.StatusCode, text, Replies(text));
    }

    private static List<JObject> Replies(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            return JToken.Parse(body) is JObject o && o["activities"] is JArray activities ? activities.OfType<JObject>().ToList() : [];
        }
        catch (JsonReaderException)
        {
            return [];
        }
    }
}

/// <summary>One turn: the HTTP status, the raw body and the bot's replies.</summary>
public sealed record Turn(HttpStatusCode Status, string Body, IReadOnlyList<JObject> Replies)
{
    public IReadOnlyList<JObject> Cards =>
        Replies.SelectMany(r => r["attachments"] as JArray ?? [])
            .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(a => (JObject)a["content"]!)
            .ToList();

    /// <summary>The one card the bot answered with.</summary>
    public JObject Card
    {
        get
        {
            Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}: {Body}");
            Assert.True(Cards.Count == 1, $"Expected one card, got {Cards.Count} in {Replies.Count} replies: {Body}");
            return Cards[0];
        }
    }

    /// <summary>Everything a user could read or hear: plain-text replies, and each card's texts, facts and summaries.</summary>
    public string AllText => string.Join("\n", Replies.Select(r => (string?)r["text"]).Where(t => t is not null).Concat(Cards.Select(CardText.Of)));

    public string Speak => string.Join("\n", Replies.Select(r => (string?)r["speak"] ?? ""));
}
