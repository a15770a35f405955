using System.Net;
using Microsoft.Extensions.Logging;
using ScorecardBot.Bot;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>Refused requests are counted in the log at Warning: a line for the first, then one a minute with the count, never the body.</summary>
public sealed class RefusedRequestsTests(AuthenticatedBotApp app) : IClassFixture<AuthenticatedBotApp>
{
    private const string BodyMarker = "do-not-log-this-body";

    [Fact]
    public async Task Refused_requests_are_counted_at_warning_a_line_a_minute_without_their_body()
    {
        var bot = app.CreateBotClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync($"{{\"text\":\"{BodyMarker}\"}}")).Status);
        var first = Lines();

        app.Clock.Advance(RefusedRequests.ReportInterval);
        await bot.PostAsync($"{{\"text\":\"{BodyMarker}\"}}");
        var all = Lines();

        var line = Assert.Single(first);
        Assert.Contains("Refused 1 request(s) to /api/messages with 401 (no Bearer token); 1 refused", line.Message);
        Assert.Equal(2, all.Count);
        Assert.Contains("Refused 3 request(s) to /api/messages with 401 (no Bearer token); 4 refused", all[1].Message);
        Assert.All(app.Logs.Entries, e => Assert.DoesNotContain(BodyMarker, e.Message));
        Assert.All(all, e => Assert.Equal(LogLevel.Warning, e.Level));
    }

    private List<LogCapture.LogEntry> Lines() =>
        app.Logs.Entries.Where(e => e.Category == typeof(RefusedRequests).FullName).ToList();
}
