using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Observability;

/// <summary>The bot with every log line from Information up captured, with its scopes.</summary>
public sealed class InformationLogsApp : BotApp
{
    protected override LogLevel CapturedLevel => LogLevel.Information;
}

/// <summary>What a turn leaves in the log: its conversation and trace, never what the person wrote.</summary>
public sealed class TurnLoggingTests(InformationLogsApp app) : IClassFixture<InformationLogsApp>
{
    [Fact]
    public async Task A_questions_words_reach_no_log_line_at_Information_or_above()
    {
        app.Logs.Clear();
        var bot = app.CreateBotClient();
        var chat = BotClient.NewConversationId();

        await bot.AskInAsync(chat, $"CTIO coverage {OtlpExportTests.Canary} in July");
        await bot.AskInAsync(chat, $"{OtlpExportTests.Canary} blorp zzyx");
        await bot.AskAsync($"hotline in {OtlpExportTests.Canary}", "channel");
        // A click whose value is no request the bot knows: a Warning, in the conversation's turn.
        await bot.SendAsync(BotClient.Message(null, conversationId: chat, value: new JObject { ["request"] = OtlpExportTests.Canary }));

        var entries = app.Logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Message.Contains(OtlpExportTests.Canary, StringComparison.Ordinal)
            || e.Scope?.Values.Any(v => v?.Contains(OtlpExportTests.Canary, StringComparison.Ordinal) == true) == true);
    }

    [Fact]
    public async Task A_line_logged_in_a_turn_names_its_conversation_and_trace()
    {
        app.Logs.Clear();
        var chat = BotClient.NewConversationId();
        var invoke = BotClient.Activity("invoke", conversationId: chat);
        invoke["name"] = "adaptiveCard/action";

        await app.CreateBotClient().SendAsync(invoke);

        var line = Assert.Single(app.Logs.Entries, e => e.Message.Contains("invoke: it has no value", StringComparison.Ordinal));
        Assert.Equal(chat, line.Scope!["ConversationId"]);
        Assert.Equal("invoke", line.Scope["ActivityType"]);
        Assert.Matches("^[0-9a-f]{32}$", line.Scope["TraceId"]);
    }
}
