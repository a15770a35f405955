using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScorecardBot.Soak;

/// <summary>The activities the soak sends, shaped as Teams sends them, and the reading of what the bot answers.</summary>
public static class Traffic
{
    public const string Tenant = "soak-tenant";
    public const string AdminId = "00000000-0000-0000-0000-00000000ad01";
    private const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Worker w's command lead: an Azure AD object id of its own, named in Access:Leads:CTC.</summary>
    public static string LeadId(int worker) => $"00000000-0000-0000-0000-{worker + 1:D12}";

    /// <summary>
    /// A message in a person's own chat; the reply comes back in the response body. The chat's service URL is the fake
    /// connector's: the bot records the chat, and a lead's own chat receives the alerts for the lead's command.
    /// </summary>
    public static JsonObject Message(string text, string aadObjectId, string name, string chat, string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-26T10:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = name, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:scorecard-bot", ["name"] = "Scorecard" },
        ["conversation"] = new JsonObject { ["id"] = chat, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["locale"] = "en-GB",
        ["textFormat"] = "plain",
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };

    /// <summary>The bot added to a team channel whose connector is the fake one: it is subscribed to alerts.</summary>
    public static JsonObject Install(string channel, string serviceUrl)
    {
        var activity = Message("", AdminId, "Soak Admin", channel, serviceUrl);
        activity.Remove("text");
        activity.Remove("textFormat");
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        activity["conversation"]!["conversationType"] = "channel";
        return activity;
    }

    /// <summary>
    /// The Action.Execute a lead clicked on the form (its "Save anyway" when the form was redrawn with warnings to
    /// confirm), with the form's inputs merged into its data.
    /// </summary>
    public static JsonObject Submit(
        JsonObject form, IReadOnlyDictionary<string, string> changes, string aadObjectId, string name, string chat, string serviceUrl, bool anyway = false)
    {
        var action = form.DescendantObjects().FirstOrDefault(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == "submitFigures"
                && ((string?)o["title"] == "Save anyway") == anyway)
            ?? throw new InvalidDataException($"The form has no submitFigures action{(anyway ? " to save anyway" : "")}.");
        var data = action["data"]?.DeepClone() as JsonObject ?? [];
        foreach (var input in form.DescendantObjects().Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"] is not null))
        {
            var id = (string)input["id"]!;
            data[id] = changes.TryGetValue(id, out var changed) ? changed : input["value"] is { } shown ? Text(shown) : "";
        }
        var invoke = Message("", aadObjectId, name, chat, serviceUrl);
        invoke.Remove("text");
        invoke.Remove("textFormat");
        invoke.Remove("deliveryMode");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "submitFigures", ["data"] = data },
            ["trigger"] = "manual",
        };
        return invoke;
    }

    /// <summary>The first Adaptive Card among the replies of an expectReplies turn, or null.</summary>
    public static JsonObject? ReplyCard(string body)
    {
        var replies = JsonNode.Parse(body)?["activities"] as JsonArray;
        return replies?.SelectMany(r => r?["attachments"] as JsonArray ?? [])
            .FirstOrDefault(a => (string?)a?["contentType"] == CardType)?["content"] as JsonObject;
    }

    /// <summary>The card an invoke answered with (it replaces the clicked card), or null for a refusal.</summary>
    public static JsonObject? InvokeCard(string body)
    {
        var response = JsonNode.Parse(body);
        return (string?)response?["type"] == CardType ? response?["value"] as JsonObject : null;
    }

    /// <summary>A Universal Actions refusal's message, or null.</summary>
    public static string? Refusal(string body)
    {
        var response = JsonNode.Parse(body);
        return (string?)response?["type"] == "application/vnd.microsoft.error" ? (string?)response?["value"]?["message"] ?? "" : null;
    }

    /// <summary>Everything a card says: its summary (speak) and every TextBlock and fact, in order.</summary>
    public static string Said(JsonObject card) =>
        string.Join("\n", new[] { (string?)card["speak"] }.Concat(card.DescendantObjects().SelectMany(o => (string?)o["type"] switch
        {
            "TextBlock" => [(string?)o["text"]],
            "Fact" or null when o["title"] is not null => [(string?)o["title"], (string?)o["value"]],
            _ => Array.Empty<string?>(),
        })).Where(t => !string.IsNullOrEmpty(t)));

    private static string Text(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    private static IEnumerable<JsonObject> DescendantObjects(this JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    if (child is null) continue;
                    foreach (var d in child.DescendantObjects()) yield return d;
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is null) continue;
                    foreach (var d in child.DescendantObjects()) yield return d;
                }
                break;
        }
    }
}
