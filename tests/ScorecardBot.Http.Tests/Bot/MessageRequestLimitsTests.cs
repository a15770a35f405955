using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ScorecardBot.Http.Tests.Support;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>
/// /api/messages refuses before it reads: no Bearer token is a 401 and a body over the limit a 413, whatever the body
/// holds; the JSON reader's depth stays bounded; hostile traffic costs the bot neither memory nor time.
/// </summary>
[Collection(MeasuredAlone.Name)]
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
        using var http = new HttpClient();
        await bot.WaitUntilReadyAsync(http);
        // Twenty megabytes of tiny JSON values: what once grew the bot by gigabytes as it was parsed.
        var body = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"value\":[" + string.Join(',', Enumerable.Repeat('0', 10 * MiB)) + "]}");
        await RawPostAsync(bot.Address, body, token: null, chunked: false);
        var before = bot.ResidentMiB();
        bot.ResetPeak();

        var results = new List<(string What, int Status, TimeSpan Elapsed)>();
        foreach (var (what, token, chunked) in new[] { ("no token", (string?)null, false), ("a JWT-shaped token", Tokens.JwtShaped, false), ("a JWT-shaped token, no length", Tokens.JwtShaped, true) })
        {
            var wave = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RawPostAsync(bot.Address, body, token, chunked)));
            results.AddRange(wave.Select(r => (what, r.Status, r.Elapsed)));
        }

        var growth = bot.PeakResidentMiB() - before;
        foreach (var group in results.GroupBy(r => r.What))
            output.WriteLine($"8 × {body.Length / (double)MiB:F0} MB with {group.Key}: {string.Join(", ", group.Select(r => $"{r.Status} in {r.Elapsed.TotalMilliseconds:F0} ms"))}");
        output.WriteLine($"bot resident memory {before:F0} MiB before, peak growth {growth:F1} MiB");
        Assert.All(results.Where(r => r.What == "no token"), r => Assert.Equal(401, r.Status));
        Assert.All(results.Where(r => r.What != "no token"), r => Assert.Equal(413, r.Status));
        Assert.All(results, r => Assert.True(r.Elapsed < TimeSpan.FromSeconds(1), $"{r.What}: {r.Elapsed.TotalMilliseconds:F0} ms"));
        Assert.True(growth < 100, $"The bot grew by {growth:F0} MiB");
        await bot.WaitUntilReadyAsync(http);
    }

    /// <summary>
    /// POSTs the body as a client that does not wait to be asked would: headers, then the whole body at once, timing the
    /// answer from the moment the headers are sent. (HttpClient reads the answer only after its upload, and would time
    /// its own sending.)
    /// </summary>
    private static async Task<(int Status, TimeSpan Elapsed)> RawPostAsync(Uri bot, byte[] body, string? token, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(bot.Host, bot.Port);
        var stream = client.GetStream();
        var head = new StringBuilder($"POST /api/messages HTTP/1.1\r\nHost: {bot.Authority}\r\nContent-Type: application/json\r\n");
        if (token is not null) head.Append($"Authorization: Bearer {token}\r\n");
        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n").Append("\r\n");
        var started = Stopwatch.GetTimestamp();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        var upload = UploadAsync(stream, body, chunked);
        var status = await ReadStatusAsync(stream);
        var elapsed = Stopwatch.GetElapsedTime(started);
        try
        {
            await upload;
        }
        catch (IOException)
        {
            // The bot closed the connection rather than read the rest: what a refusal may do.
        }
        return (status, elapsed);
    }

    private static async Task UploadAsync(Stream stream, byte[] body, bool chunked)
    {
        await Task.Yield();
        const int piece = 64 * 1024;
        for (var offset = 0; offset < body.Length; offset += piece)
        {
            var length = Math.Min(piece, body.Length - offset);
            if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:X}\r\n"));
            await stream.WriteAsync(body.AsMemory(offset, length));
            if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
        }
        if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
    }

    /// <summary>The status code of the response's first line ("HTTP/1.1 401 Unauthorized"); 0 when the connection closed first.</summary>
    private static async Task<int> ReadStatusAsync(Stream stream)
    {
        var line = new List<byte>();
        var buffer = new byte[1];
        try
        {
            while (await stream.ReadAsync(buffer) == 1 && buffer[0] != '\n') line.Add(buffer[0]);
        }
        catch (IOException)
        {
            return 0;
        }
        var parts = Encoding.ASCII.GetString(line.ToArray()).Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0;
    }
}
