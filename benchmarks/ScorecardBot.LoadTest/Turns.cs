using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScorecardBot.LoadTest;

/// <summary>The question turns sent: Teams-shaped message activities asking for their replies in the HTTP body.</summary>
public static class Turns
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>One pre-serialised body per question for one worker, in its own personal chat as its own officer.</summary>
    public static byte[][] Bodies(int worker, IReadOnlyList<Question> questions) =>
        questions.Select(q => Body(worker, q, Chat(worker))).ToArray();

    /// <summary>One body for a turn in the chat named; for a run where every turn is a new chat.</summary>
    public static byte[] Body(int worker, Question question, string chat) =>
        JsonSerializer.SerializeToUtf8Bytes(Activity(worker, question, chat));

    public static string Chat(int worker, long turn = -1) => turn < 0 ? $"a:load-chat-{worker}" : $"a:load-chat-{worker}-{turn}";

    private static JsonObject Activity(int worker, Question question, string chat) => new()
    {
        ["type"] = "message",
        ["id"] = $"load-{worker}-{question.Rank}",
        ["timestamp"] = "2007-09-10T09:00:00.000Z",
        ["serviceUrl"] = "http://127.0.0.1/_connector",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:load-user-{worker}", ["name"] = "Load Test", ["aadObjectId"] = $"00000000-0000-0000-0000-{worker:D12}" },
        ["recipient"] = new JsonObject { ["id"] = "28:scorecard-bot", ["name"] = "Scorecard" },
        ["conversation"] = new JsonObject { ["id"] = chat, ["conversationType"] = "personal", ["tenantId"] = "load-test-tenant" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "load-test-tenant" } },
        ["locale"] = "en-GB",
        ["textFormat"] = "plain",
        ["text"] = question.Text,
        ["deliveryMode"] = "expectReplies",
    };

    private static readonly byte[] CardMarker = Encoding.UTF8.GetBytes($"\"{CardContentType}\"");

    /// <summary>The cheap check made on every measured turn: the body names an Adaptive Card attachment (or, for the echo, carries the text back).</summary>
    public static bool LooksRight(ReadOnlySpan<byte> body, bool expectCard, ReadOnlySpan<byte> echoedText) =>
        expectCard ? body.IndexOf(CardMarker) >= 0 : body.IndexOf(echoedText) >= 0;

    /// <summary>The full check made once per question before the load: a parsed reply with a card attachment whose content is an AdaptiveCard.</summary>
    public static string? Problem(byte[] body, bool expectCard, string question)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("activities", out var activities) || activities.GetArrayLength() == 0) return "no activities in the response";
        foreach (var activity in activities.EnumerateArray())
        {
            if (!expectCard)
            {
                if (activity.TryGetProperty("text", out var text) && text.GetString() == question) return null;
                continue;
            }
            if (!activity.TryGetProperty("attachments", out var attachments)) continue;
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.GetProperty("contentType").GetString() == CardContentType
                    && attachment.GetProperty("content").GetProperty("type").GetString() == "AdaptiveCard") return null;
            }
        }
        return expectCard ? "no Adaptive Card attachment" : "the text was not echoed";
    }
}
