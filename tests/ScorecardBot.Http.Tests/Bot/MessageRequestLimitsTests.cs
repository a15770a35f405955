using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ScorecardBot.Http.Tests.Support;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>
/// /api/messages refuses before it reads: no Bearer token is a 401 and a body over the limit a 413, whatever the body
/// holds; the JSON reader's depth stays bounded; hostile traffic costs the bot neither memory nor time.
/// </summary>
public sealed class MessageRequestLimitsTests(AuthenticatedBotApp secured, BotApp open, ITestOutputHelper output)
    : IClassFixture<AuthenticatedBotApp>, IClassFixture<BotApp>
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_request_without_a_bearer_token_is_refused_with_401_before_its_body_is_read()
    {
        // Not JSON at all: a 400 would mean the body was read and parsed first.
        var turn = await secured.CreateBotClient().PostAsync("{ this is not json");

        Assert.Equal(HttpStatusCode.Unauthorized, turn.Status);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_it_is_read()
    {
        var http = secured.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.JwtShaped);

        var turn = await new BotClient(http).PostAsync(new string('x', 300 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, turn.Status);
    }

    [Theory]
    [InlineData(129)]
    [InlineData(100_000)]
    public async Task A_body_nested_deeper_than_the_reader_allows_is_a_400(int depth)
    {
        var body = $"{{\"type\":\"message\",\"text\":\"hotline\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"value\":{new string('[', depth)}{new string(']', depth)}}}";

        var turn = await open.CreateBotClient().PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, turn.Status);
        NoLeaks.AssertNone(turn);
    }

    [Fact]
    public async Task Eight_concurrent_20_MB_bodies_without_a_valid_token_are_refused_within_a_second_and_cost_no_memory()
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = AuthenticatedBotApp.AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = BotClient.Tenant,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await bot.WaitUntilReadyAsync(http);
        // Twenty megabytes of tiny JSON values: what once grew the bot by gigabytes as it was parsed.
        var body = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"value\":[" + string.Join(',', Enumerable.Repeat('0', 10 * MiB)) + "]}");
        await SendAsync(http, bot.Address, body, token: null, chunked: false);
        var before = bot.ResidentMiB();
        bot.ResetPeak();

        var results = new List<(string What, HttpStatusCode Status, TimeSpan Elapsed)>();
        foreach (var (what, token, chunked) in new[] { ("no token", (string?)null, false), ("a JWT-shaped token", Tokens.JwtShaped, false), ("a JWT-shaped token, no length", Tokens.JwtShaped, true) })
        {
            var wave = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(http, bot.Address, body, token, chunked)));
            results.AddRange(wave.Select(r => (what, r.Status, r.Elapsed)));
        }

        var growth = bot.PeakResidentMiB() - before;
        foreach (var group in results.GroupBy(r => r.What))
            output.WriteLine($"8 × {body.Length / (double)MiB:F0} MB with {group.Key}: {string.Join(", ", group.Select(r => $"{Shown(r.Status)} in {r.Elapsed.TotalMilliseconds:F0} ms"))}");
        output.WriteLine($"bot resident memory {before:F0} MiB before, peak growth {growth:F1} MiB");
        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Unauthorized or HttpStatusCode.RequestEntityTooLarge or ClosedMidUpload,
            $"{r.What}: {(int)r.Status}"));
        Assert.All(results.Where(r => r.What == "no token"), r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
        Assert.All(results, r => Assert.True(r.Elapsed < TimeSpan.FromSeconds(1), $"{r.What}: {r.Elapsed.TotalMilliseconds:F0} ms"));
        Assert.True(growth < 100, $"The bot grew by {growth:F0} MiB");
        await bot.WaitUntilReadyAsync(http);
    }

    /// <summary>
    /// A body sent with no length is refused as it is read: the bot answers 413 at the limit and closes the connection,
    /// which the client, still uploading, may see as the connection closing rather than as the 413.
    /// </summary>
    private const HttpStatusCode ClosedMidUpload = 0;

    private static string Shown(HttpStatusCode status) => status == ClosedMidUpload ? "closed at the limit" : ((int)status).ToString();

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> SendAsync(HttpClient http, Uri bot, byte[] body, string? token, bool chunked)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot, "/api/messages"));
        request.Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunked) request.Headers.TransferEncodingChunked = true;
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            return (response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e) when (chunked && e.InnerException is IOException)
        {
            return (ClosedMidUpload, Stopwatch.GetElapsedTime(started));
        }
    }
}
