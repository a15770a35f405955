using System.Net;
using Newtonsoft.Json.Linq;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Submissions;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Alerts.Chat.TeamsActivities;

namespace ScorecardBot.Http.Tests.Observability;

/// <summary>
/// The built bot as its own process, configured only by the standard OTEL_* environment variables to export to a fake
/// collector: after questions, a submission and an alert delivery, its traces and its own metrics arrive there, and a
/// question's words reach neither the collector nor the console.
/// </summary>
public sealed class OtlpExportTests
{
    public const string Canary = "canary-7f3a9";

    [Fact]
    public async Task Traces_and_the_bots_metrics_reach_the_OTLP_endpoint_and_a_questions_words_do_not()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var teams = await FakeTeamsConnector.StartAsync();
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["Bot__AllowUnauthenticated"] = "true",
            ["Access__Admins__0"] = RolesBotApp.Admin,
            ["Access__Leads__CTC__0"] = RolesBotApp.CtcLead,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "scorecard-bot-under-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        });
        using var http = new HttpClient { BaseAddress = bot.Address };
        await bot.WaitUntilReadyAsync(http);
        var client = new BotClient(http);

        var channel = NewChannelId();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Installation("add", "channel", channel, teams.ServiceUrl))).Status);
        var chat = BotClient.NewConversationId();
        foreach (var question in new[] { $"CTIO coverage {Canary} in July", "what is the scorecard", $"{Canary} blorp zzyx" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.AskInAsync(chat, question)).Status);
        }

        var leadChat = NewPersonalId();
        var form = (await client.SendAsync(Message("submit CTC figures for September 2007", "personal", leadChat, teams.ServiceUrl,
            (RolesBotApp.CtcLead, "Lee Lead")))).Card;
        var saved = FigureForms.ResponseCard(await client.SendAsync(
            FigureForms.Invoke(FigureForms.Action(form, "submitFigures"), FigureForms.CtcSeptember, RolesBotApp.CtcLead, "Lee Lead")));
        Assert.Contains("is now More Than 10% Outside Target", CardText.Of(saved));

        var run = (await client.SendAsync(Message("run alerts for September 2007", "personal", NewPersonalId(), teams.ServiceUrl,
            (RolesBotApp.Admin, "Ada Admin")))).Card;
        Assert.Contains("Queued", CardText.Of(run));
        await WaitUntilAsync(() => teams.Received.Count > 0, "an alert reached Teams", bot);

        var spans = await collector.WaitForAsync("traces", ["scorecard-bot-under-test", "POST /api/messages", "db.system", "http.request.method"],
            TimeSpan.FromSeconds(30));
        Assert.True(spans.Count == 0, $"Not in the traces: {string.Join(", ", spans)}\n{bot.Output}");
        var instruments = await collector.WaitForAsync("metrics",
        [
            "ScorecardBot", "scorecardbot.turns", "scorecardbot.turn.duration", "scorecardbot.answers", "scorecardbot.answers.not_understood",
            "scorecardbot.card.size", "scorecardbot.submissions.accepted", "scorecardbot.alerts.sent", "scorecardbot.outbox.depth",
        ], TimeSpan.FromSeconds(30));
        Assert.True(instruments.Count == 0, $"Not in the metrics: {string.Join(", ", instruments)}\n{bot.Output}");

        // Logs too, each line of a turn with its conversation (the audit of the saved form is one).
        var logs = await collector.WaitForAsync("logs", ["Audit:", "ConversationId", leadChat], TimeSpan.FromSeconds(30));
        Assert.True(logs.Count == 0, $"Not in the logs: {string.Join(", ", logs)}\n{bot.Output}");

        Assert.DoesNotContain(collector.AllPayloads, p => p.Contains(Canary, StringComparison.Ordinal));
        Assert.DoesNotContain(Canary, bot.Output, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, BotProcess bot)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Not within 30 s: {what}\n{bot.Output}");
            await Task.Delay(100);
        }
    }
}
