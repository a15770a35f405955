using Newtonsoft.Json.Linq;
using ScorecardBot.Alerts;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Submissions;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Observability;

/// <summary>What the ScorecardBot Meter records where it happens: turns and answers, forms, and the outbox's sends.</summary>
public sealed class BotMetricsTests
{
    [Fact]
    public async Task A_question_records_its_turn_its_intent_and_its_cards_size_and_one_not_understood_also_counts_apart()
    {
        await using var app = new BotApp();
        using var metrics = new MeterRecorder(app.Services);
        var bot = app.CreateBotClient();

        var answer = await bot.AskAsync("CTIO coverage in July");
        await bot.AskAsync("blorp zzyx quux");

        Assert.Equal(2, metrics.Sum("scorecardbot.turns", ("activity.type", "message")));
        Assert.Equal(2, metrics.Values("scorecardbot.turn.duration").Count);
        Assert.Equal(1, metrics.Sum("scorecardbot.answers", ("intent", "MeasureValue")));
        Assert.Equal(1, metrics.Sum("scorecardbot.answers", ("intent", "Unknown")));
        Assert.Equal(1, metrics.Sum("scorecardbot.answers.not_understood"));
        var cardBytes = System.Text.Encoding.UTF8.GetByteCount(answer.Cards[0].ToString(Newtonsoft.Json.Formatting.None));
        Assert.Contains(metrics.Values("scorecardbot.card.size"), size => Math.Abs(size - cardBytes) < cardBytes * 0.05);
    }

    [Fact]
    public async Task A_saved_form_counts_as_accepted_and_one_from_someone_who_does_not_lead_the_command_as_refused()
    {
        await using var app = new RolesBotApp();
        using var metrics = new MeterRecorder(app.Services);
        var bot = app.CreateBotClient();
        var form = (await bot.SendAsync(FigureForms.From("submit CTC figures for September 2007", RolesBotApp.CtcLead, "Lee Lead"))).Card;
        var inputs = FigureForms.CtcSeptember;
        var submit = FigureForms.Action(form, "submitFigures");

        await bot.SendAsync(FigureForms.Invoke(submit, inputs, RolesBotApp.So14Lead, "Sam So14"));
        await bot.SendAsync(FigureForms.Invoke(submit, inputs, RolesBotApp.CtcLead, "Lee Lead"));

        Assert.Equal(1, metrics.Sum("scorecardbot.submissions.refused", ("reason", "not_allowed")));
        Assert.Equal(1, metrics.Sum("scorecardbot.submissions.accepted", ("command", "CTC")));
    }

    [Fact]
    public async Task The_outbox_counts_each_send_accepted_each_retry_and_each_message_given_up_and_its_depth()
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("MaxAttempts", 2), ("RetryBaseDelay", "00:00:00")));
        using var metrics = new MeterRecorder(app.Services);
        var (flaky, down, gone) = (await app.AddConversationAsync(teams, "19:flaky"), await app.AddConversationAsync(teams, "19:down"),
            await app.AddConversationAsync(teams, "19:gone"));
        teams.Script("19:flaky", FakeAnswer.ServerError, FakeAnswer.Created);
        teams.AnswerAlways("19:down", FakeAnswer.ServerError);
        teams.AnswerAlways("19:gone", FakeAnswer.Forbidden);
        foreach (var conversation in new[] { flaky, down, gone }) await app.QueueAsync(conversation, "alert to " + conversation.ConversationId);
        Assert.Equal(3, await ObservedDepthAsync(metrics));

        await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, metrics.Sum("scorecardbot.alerts.sent"));
        Assert.Equal(2, metrics.Sum("scorecardbot.alerts.retried", ("http.response.status_code", "500")));
        Assert.Equal(1, metrics.Sum("scorecardbot.alerts.failed", ("reason", "attempts")));
        Assert.Equal(1, metrics.Sum("scorecardbot.alerts.failed", ("reason", "gone")));
    }

    /// <summary>The gauge reports the count it last read and reads afresh in the background: observed until it has one.</summary>
    private static async Task<double> ObservedDepthAsync(MeterRecorder metrics)
    {
        for (var i = 0; i < 600; i++)
        {
            metrics.Observe();
            if (metrics.Values("scorecardbot.outbox.depth") is [.., var depth]) return depth;
            await Task.Delay(50);
        }
        throw new TimeoutException("The outbox depth was never observed.");
    }
}
