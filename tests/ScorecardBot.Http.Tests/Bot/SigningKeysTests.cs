using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ScorecardBot.Bot;
using ScorecardBot.Http.Tests.Support;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>
/// Tokens checked against a key endpoint on a loopback port: a token signed with the published key is answered, a forged
/// one is a 401, and a key endpoint that refuses or never answers costs a request a bounded wait and a 503, never a 500,
/// with one stack trace per cause in the log rather than one per request.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class SigningKeysTests(ITestOutputHelper output)
{
    private const string ServiceUrl = "http://127.0.0.1:9/";
    private static readonly TimeSpan KeyTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Generous: the configured total plus room for a busy two-core machine, and far below the SDK's own 100 s.</summary>
    private static readonly TimeSpan Bound = KeyTimeout + TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_token_signed_with_the_published_key_is_answered()
    {
        await using var keys = await KeyServer.StartAsync();
        using var app = new KeysBotApp(keys.MetadataUrl, keys.Trust);

        var turn = await Client(app, keys.Sign(AuthenticatedBotApp.AppId, ServiceUrl)).AskAsync("CTIO coverage in July");

        CardText.TextBlock(turn.Card, "29 of 33 BOCUs");
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task Forged_and_unsigned_tokens_from_the_right_issuer_are_refused_with_401()
    {
        await using var keys = await KeyServer.StartAsync();
        using var app = new KeysBotApp(keys.MetadataUrl, keys.Trust);
        string[] tokens =
        [
            KeyServer.Forge(AuthenticatedBotApp.AppId, ServiceUrl),
            Tokens.JwtShaped,
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.",
            keys.Sign("someone-elses-app", ServiceUrl),
            keys.Sign(AuthenticatedBotApp.AppId, "https://evil.example/"),
        ];

        foreach (var token in tokens)
        {
            var turn = await Client(app, token).AskAsync("CTIO coverage in July");

            Assert.True(turn.Status == HttpStatusCode.Unauthorized, $"{(int)turn.Status} for {token}");
            Assert.Empty(turn.Replies);
        }
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task When_the_key_endpoint_refuses_connections_a_token_gets_503_within_the_bound()
    {
        using var endpoint = DeadKeyEndpoint.Refusing();
        await AssertUnavailableAsync(endpoint.MetadataUrl);
    }

    [Fact]
    public async Task When_the_key_endpoint_never_answers_a_token_gets_503_within_the_bound()
    {
        using var endpoint = DeadKeyEndpoint.Silent();
        await AssertUnavailableAsync(endpoint.MetadataUrl);
    }

    private async Task AssertUnavailableAsync(string metadataUrl)
    {
        using var app = new KeysBotApp(metadataUrl);
        var bot = Client(app, KeyServer.Forge(AuthenticatedBotApp.AppId, ServiceUrl));

        // Two waves of four at once: the first finds the endpoint down, the second finds the circuit open.
        var timings = new List<(HttpStatusCode Status, TimeSpan Elapsed)>();
        for (var wave = 0; wave < 2; wave++)
        {
            timings.AddRange(await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                var started = Stopwatch.GetTimestamp();
                var turn = await bot.AskAsync("CTIO coverage in July");
                return (turn.Status, Stopwatch.GetElapsedTime(started));
            })));
        }

        output.WriteLine($"{metadataUrl}: " + string.Join(", ", timings.Select(t => $"{(int)t.Status} in {t.Elapsed.TotalMilliseconds:F0} ms")));
        Assert.All(timings, t => Assert.Equal(HttpStatusCode.ServiceUnavailable, t.Status));
        Assert.All(timings, t => Assert.True(t.Elapsed < Bound, $"{t.Elapsed.TotalSeconds:F1} s, over {Bound.TotalSeconds} s"));
        var traces = app.Logs.Entries.Where(e => e.Exception is not null).ToList();
        output.WriteLine($"{traces.Count} stack traces logged for {timings.Count} requests:\n" + string.Join("\n", traces.Select(t => t.Message)));
        Assert.True(traces.Count < timings.Count, $"{traces.Count} stack traces for {timings.Count} requests");
        var ours = traces.Where(e => e.Category == typeof(RefusedRequests).FullName).ToList();
        Assert.NotEmpty(ours);
        var causes = ours.Select(e => RefusedRequests.Innermost(e.Exception!)).Select(c => $"{c.GetType()}: {c.Message}");
        Assert.Equal(causes.Distinct().Count(), ours.Count);
    }

    private static BotClient Client(KeysBotApp app, string token)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new BotClient(http);
    }

    /// <summary>The authenticated bot, fetching keys from the given endpoint with a short timeout.</summary>
    private sealed class KeysBotApp(string metadataUrl, Action<IServiceCollection>? configure = null) : AuthenticatedBotApp
    {
        protected override string KeysUrl => metadataUrl;

        protected override bool UsesFakeClock => false;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
        [
            new("Bot:SigningKeys:AttemptTimeout", "00:00:00.5"),
            new("Bot:SigningKeys:Timeout", KeyTimeout.ToString()),
        ]);

        protected override void ConfigureTestServices(IServiceCollection services) => configure?.Invoke(services);
    }
}
