using System.Text.Json.Nodes;

namespace ScorecardBot.EndToEnd.Tests.Support;

/// <summary>Reads a bot message as the Playground received it: its Adaptive Card and the text a reader would see on it.</summary>
public static class BotMessage
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject AdaptiveCard(JsonObject message)
    {
        var attachment = (message["attachments"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["contentType"] == AdaptiveCardContentType);
        Assert.True(attachment?["content"] is JsonObject, $"Expected an Adaptive Card attachment, got: {message.ToJsonString()}");
        return (JsonObject)attachment!["content"]!;
    }

    /// <summary>Every text, fact title and fact value on the card, in order (not the actions' hidden data).</summary>
    public static List<string> CardTexts(JsonObject card)
    {
        var texts = new List<string>();
        Collect(card["body"], texts);
        return texts;
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Collect(item, texts);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "data" or "selectAction" or "actions") continue;
                    if (key is "text" or "title" or "value" && value is JsonValue v && v.TryGetValue<string>(out var s)) texts.Add(s);
                    else Collect(value, texts);
                }
                break;
        }
    }
}
