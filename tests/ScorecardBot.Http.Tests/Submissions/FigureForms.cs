using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Submissions;

/// <summary>The bot with roles: the test's usual user leads CTC; another leads SO14; an admin; and someone with no role.</summary>
public sealed class RolesBotApp : BotApp
{
    public const string CtcLead = "00000000-0000-0000-0000-000000000001";
    public const string So14Lead = "00000000-0000-0000-0000-0000000000b2";
    public const string Admin = "00000000-0000-0000-0000-0000000000a1";
    public const string Nobody = "00000000-0000-0000-0000-0000000000c3";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
    [
        new("Access:Admins:0", Admin),
        new("Access:Leads:CTC:0", CtcLead),
        new("Access:Leads:SO14:0", So14Lead),
    ]);
}

/// <summary>Talking to the figures forms as Teams does: messages from a given person, and adaptiveCard/action invokes.</summary>
public static class FigureForms
{
    /// <summary>
    /// CTC's September 2007 as a lead enters it: the hotline at 300 of 400 calls (75% against 85%: More Than 10% Outside
    /// Target), the other figures as a month of the paper has them, and no comments.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> CtcSeptember { get; } = new Dictionary<string, string?>
    {
        ["month"] = "2007-09",
        ["figure.ctio-rolled-out"] = "0", ["figure.ctio-total-bocus"] = "29",
        ["figure.snt-recruited"] = "12", ["figure.snt-briefed"] = "11",
        ["figure.ied-in-time"] = "40", ["figure.ied-calls"] = "40",
        ["figure.scenes-appropriate"] = "9", ["figure.scenes-managed"] = "9",
        ["figure.hotline-answered"] = "300", ["figure.hotline-calls"] = "400",
        ["comment.1"] = "", ["comment.2"] = "", ["comment.3"] = "", ["comment.4"] = "", ["comment.5"] = "",
    };

    /// <summary>A copy of a form's inputs with some changed.</summary>
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> inputs, params (string Id, string? Value)[] changes)
    {
        var copy = new Dictionary<string, string?>(inputs);
        foreach (var (id, value) in changes) copy[id] = value;
        return copy;
    }

    /// <summary>A form's inputs as it shows them, with what a person typed over them.</summary>
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> shown, IReadOnlyDictionary<string, string?> typed) =>
        With(shown, typed.Select(t => (t.Key, t.Value)).ToArray());
    /// <summary>A message from a person, in a conversation of its own unless one is named.</summary>
    public static JObject From(string text, string aadObjectId, string name, string? conversationId = null)
    {
        var activity = BotClient.Message(text);
        activity["from"] = new JObject { ["id"] = "29:" + aadObjectId, ["name"] = name, ["aadObjectId"] = aadObjectId };
        if (conversationId is not null) activity["conversation"]!["id"] = conversationId;
        return activity;
    }

    /// <summary>The Action.Execute a person clicked, with the card's inputs merged into its data, as Teams sends it.</summary>
    public static JObject Invoke(JObject action, IReadOnlyDictionary<string, string?> inputs, string aadObjectId, string name)
    {
        var data = action["data"]?.DeepClone() ?? new JObject();
        if (data is JObject merged)
        {
            foreach (var (id, value) in inputs) merged[id] = value is null ? JValue.CreateNull() : new JValue(value);
        }
        var invoke = BotClient.Activity("invoke");
        invoke.Remove("deliveryMode");
        invoke["name"] = "adaptiveCard/action";
        invoke["from"] = new JObject { ["id"] = "29:" + aadObjectId, ["name"] = name, ["aadObjectId"] = aadObjectId };
        invoke["value"] = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = action["verb"], ["data"] = data },
            ["trigger"] = "manual",
        };
        return invoke;
    }

    /// <summary>Every input of a card with the value it shows now, by id.</summary>
    public static Dictionary<string, string?> Inputs(JObject card) =>
        card.Descendants().OfType<JObject>()
            .Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"] is not null)
            .ToDictionary(o => (string)o["id"]!, o => o["value"] is { } v ? Convert.ToString(((JValue)v).Value, System.Globalization.CultureInfo.InvariantCulture) : null);

    public static JObject Action(JObject card, string verb) =>
        card.Descendants().OfType<JObject>().FirstOrDefault(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb)
        ?? throw new Xunit.Sdk.XunitException($"No Action.Execute '{verb}' in {card.ToString(Formatting.None)}");

    /// <summary>
    /// A Universal Actions refusal: HTTP 200 as the protocol has it, with the error's own status code 400 in the body
    /// and an application/vnd.microsoft.error value, so Teams shows the message and keeps the card.
    /// </summary>
    public static string Refusal(Turn turn)
    {
        Assert.True(turn.Status == System.Net.HttpStatusCode.OK, $"Expected 200, got {(int)turn.Status}: {turn.Body}");
        var body = JObject.Parse(turn.Body);
        Assert.Equal(400, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        return (string?)body["value"]?["message"] ?? "";
    }

    /// <summary>The card an invoke answered with (it replaces the clicked card).</summary>
    public static JObject ResponseCard(Turn turn)
    {
        Assert.True(turn.Status == System.Net.HttpStatusCode.OK, $"Expected 200, got {(int)turn.Status}: {turn.Body}");
        var body = JObject.Parse(turn.Body);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return (JObject)body["value"]!;
    }

    public static string Label(JObject card, string inputId) =>
        (string?)card.Descendants().OfType<JObject>().First(o => (string?)o["id"] == inputId)["label"] ?? "";
}
