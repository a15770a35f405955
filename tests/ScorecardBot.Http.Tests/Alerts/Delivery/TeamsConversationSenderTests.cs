using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Alerts.Delivery;

/// <summary>The real sender through the bot's own adapter, against the fake Teams connector over HTTP.</summary>
public sealed class TeamsConversationSenderTests : IAsyncLifetime
{
    private const string Card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"M3 is red"}]}""";

    private readonly DeliveryApp _app = new(DeliveryApp.Delivery(("AttemptTimeout", "00:00:01")));
    private FakeTeamsConnector _teams = null!;

    private IConversationSender Sender => _app.Services.GetRequiredService<IConversationSender>();

    public async Task InitializeAsync() => _teams = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_card_goes_to_its_conversation_as_a_new_adaptive_card_message_with_its_summary()
    {
        var conversation = await _app.AddConversationAsync(_teams, "19:general@thread.tacv2", "tenant-a");

        var result = await Sender.SendAsync(conversation, Card, "M3 is red in October 2026", CancellationToken.None);

        Assert.Equal(201, result.StatusCode);
        Assert.True(result.Succeeded);
        var received = Assert.Single(_teams.Received);
        Assert.Equal("19:general@thread.tacv2", received.ConversationId);
        Assert.Equal("tenant-a", received.TenantId);
        // Posted to the conversation, not as a reply to the message the reference was taken from.
        Assert.Null(received.ReplyToId);
        var activity = JsonNode.Parse(received.Json)!;
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("M3 is red in October 2026", (string?)activity["summary"]);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Card), attachment["content"]));
        _app.Logs.AssertNoFailures();
    }

    [Theory]
    [InlineData(429, 7)]
    [InlineData(500, null)]
    [InlineData(503, 3)]
    [InlineData(403, null)]
    [InlineData(404, null)]
    public async Task What_Teams_answers_comes_back_as_its_status_and_retry_after_without_an_exception(int status, int? retryAfter)
    {
        var conversation = await _app.AddConversationAsync(_teams, "19:answers@thread.tacv2");
        var wait = retryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        _teams.Script(conversation.ConversationId, new FakeAnswer(status, wait));

        var result = await Sender.SendAsync(conversation, Card, "summary", CancellationToken.None);

        Assert.Equal(status, result.StatusCode);
        Assert.Equal(wait, result.RetryAfter);
        Assert.Equal(status is 403 or 404, result.ConversationGone);
        Assert.Contains($"{status}", result.Error);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Each_send_is_one_request_the_sdk_retries_nothing_behind_the_dispatcher(int status)
    {
        var conversation = await _app.AddConversationAsync(_teams, "19:once@thread.tacv2");
        _teams.AnswerAlways(conversation.ConversationId, new FakeAnswer(status, status == 429 ? TimeSpan.FromSeconds(1) : null));

        await Sender.SendAsync(conversation, Card, "summary", CancellationToken.None);
        // Anything the SDK or the HttpClient retried on its own would arrive within moments.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(_teams.Received);
    }

    [Fact]
    public async Task No_answer_within_the_attempt_timeout_is_no_status_not_an_exception()
    {
        var conversation = await _app.AddConversationAsync(_teams, "19:slow@thread.tacv2");
        _teams.Script(conversation.ConversationId, FakeAnswer.Created.After(TimeSpan.FromSeconds(10)));

        var started = DateTime.UtcNow;
        var result = await Sender.SendAsync(conversation, Card, "summary", CancellationToken.None);

        Assert.Null(result.StatusCode);
        Assert.Contains("No answer within 1 s", result.Error);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_connector_that_refuses_the_connection_is_no_status_not_an_exception()
    {
        var conversation = await _app.AddConversationAsync(_teams, "19:refused@thread.tacv2");
        var refusing = conversation.Reference.Replace(_teams.ServiceUrl, $"http://127.0.0.1:{ClosedPort()}/");
        conversation.Reference = refusing;

        var result = await Sender.SendAsync(conversation, Card, "summary", CancellationToken.None);

        Assert.Null(result.StatusCode);
        Assert.StartsWith("No answer", result.Error);
        Assert.Empty(_teams.Received);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
