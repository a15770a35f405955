using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ScorecardBot.EndToEnd.Tests.Support;

/// <summary>
/// Talks to the Playground's own API, as its web page does: it posts what the user types and listens on the
/// conversation stream for what the bot sends. The bot is only ever reached through the Playground.
/// </summary>
public sealed class PlaygroundClient(Uri playground) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = playground, Timeout = TimeSpan.FromSeconds(15) };

    public string PersonalChatId { get; private set; } = "";

    public string CurrentUserId { get; private set; } = "";

    public string CurrentUserAadObjectId { get; private set; } = "";

    /// <summary>Each team channel's conversation id, by its entry in the page's chat list ("My Team - General").</summary>
    public IReadOnlyDictionary<string, string> ChannelIds { get; private set; } = new Dictionary<string, string>();

    public async Task LoadConfigAsync()
    {
        var config = (await http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!["config"]!;
        PersonalChatId = (string)config["personalChat"]!["id"]!;
        CurrentUserId = (string)config["currentUser"]!["id"]!;
        CurrentUserAadObjectId = (string?)config["currentUser"]!["aadObjectId"] ?? "";
        ChannelIds = (config["teams"] as JsonArray ?? [])
            .SelectMany(team => (team!["channels"] as JsonArray ?? []).Select(channel => ($"{team["name"]} - {channel!["name"]}", (string)channel["id"]!)))
            .ToDictionary(c => c.Item1, c => c.Item2);
    }

    /// <summary>Opens the stream of messages the Playground shows. Open it before sending: nothing is replayed.</summary>
    public async Task<ConversationStream> OpenStreamAsync()
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(playground, "/_ws_conversation/v1/conversations/stream")) { Scheme = "ws" }.Uri;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(uri, cts.Token);
        return new ConversationStream(socket);
    }

    /// <summary>The user types <paramref name="text"/> into the conversation and presses Enter.</summary>
    public async Task SendTextAsync(string conversationId, string text)
    {
        var response = await http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new { type = "text", text, textFormat = "plain", from = new { id = CurrentUserId } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What the Playground's page does when it loads: installationUpdate and conversationUpdate to the bot.</summary>
    public async Task InstallAsync(string conversationId)
    {
        var response = await http.PostAsync($"/_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation",
            new StringContent("{}", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => http.Dispose();
}

/// <summary>The Playground's conversation stream: each "createMessage" is a message the bot sent and the page shows.</summary>
public sealed class ConversationStream : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly Channel<(string ConversationId, JsonObject Message)> messages = Channel.CreateUnbounded<(string, JsonObject)>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;

    internal ConversationStream(ClientWebSocket socket)
    {
        this.socket = socket;
        receiving = ReceiveAsync();
    }

    /// <summary>The next message the bot sends to <paramref name="conversationId"/>, or a timeout naming what was awaited.</summary>
    public async Task<JsonObject> NextBotMessageAsync(string conversationId, string awaiting, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var (conversation, message) = await messages.Reader.ReadAsync(cts.Token);
                if (conversation == conversationId) return message;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message from the bot arrived through the Playground for {awaiting}.");
        }
    }

    /// <summary>Messages that arrive within <paramref name="window"/>, for checking that nothing more came.</summary>
    public async Task<List<JsonObject>> DrainAsync(string conversationId, TimeSpan window)
    {
        var seen = new List<JsonObject>();
        using var cts = new CancellationTokenSource(window);
        try
        {
            while (true)
            {
                var (conversation, message) = await messages.Reader.ReadAsync(cts.Token);
                if (conversation == conversationId) seen.Add(message);
            }
        }
        catch (OperationCanceledException)
        {
            return seen;
        }
    }

    /// <summary>Every message to any conversation that arrives within <paramref name="window"/>, with its conversation's id.</summary>
    public async Task<List<(string ConversationId, JsonObject Message)>> DrainAllAsync(TimeSpan window)
    {
        var seen = new List<(string, JsonObject)>();
        using var cts = new CancellationTokenSource(window);
        try
        {
            while (true) seen.Add(await messages.Reader.ReadAsync(cts.Token));
        }
        catch (OperationCanceledException)
        {
            return seen;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The Playground may already be gone.
            }
        }
        try
        {
            await receiving;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Ended by the close above.
        }
        socket.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, stop.Token);
            if (result.MessageType == WebSocketMessageType.Close) break;
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;

            var data = JsonNode.Parse(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length)) as JsonObject;
            frame.SetLength(0);
            if ((string?)data?["action"] == "createMessage" && data["message"] is JsonObject message)
            {
                messages.Writer.TryWrite(((string?)data["actionConversationId"] ?? "", message));
            }
        }
        messages.Writer.TryComplete();
    }
}
