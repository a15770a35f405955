using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Http.Tests.Alerts.Chat;

/// <summary>
/// An admin runs the month-end alerts from chat, and the alerts log then says what was queued, to where, and how each
/// delivery went once the outbox has sent it through the real dispatcher to the fake Teams connector.
/// </summary>
public sealed class AlertsLogTurnTests(AlertsScene scene) : IClassFixture<AlertsScene>
{
    [Fact]
    public async Task After_an_admin_runs_September_the_alerts_log_lists_each_card_its_conversation_and_how_it_went()
    {
        // The SO14 lead has since left the chat: Teams answers 403 there.
        scene.Teams.AnswerAlways(scene.So14ChatId, FakeAnswer.Forbidden);

        var run = await scene.AdminSaysAsync("run alerts for September 2007");
        var queuedLog = await scene.AdminSaysAsync("alerts log");
        var report = await scene.App.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var sentLog = await scene.AdminSaysAsync("alerts log");

        CardText.TextBlock(run, "Alerts run · September 2007");
        Assert.Contains("1 measure outside target by more than its band in September 2007. Queued:", CardText.Of(run));
        Assert.Equal(1, scene.App.Triggers.Count);

        var queued = CardText.Facts(queuedLog);
        Assert.Equal("waiting to be sent", queued[$"alert · September 2007 · {AlertsScene.ChannelWhere}"]);
        Assert.Equal("waiting to be sent", queued[$"alert · September 2007 · chat with {AlertsScene.LeadName}"]);
        Assert.Equal("waiting to be sent", queued[$"reminder · September 2007 · chat with {AlertsScene.So14Name}"]);
        Assert.Equal(3, queued.Count);

        Assert.Equal(2, report.Sent);
        Assert.Equal(1, report.Gone);
        var sent = CardText.Facts(sentLog);
        Assert.Equal("sent 26 Nov 10:00 UTC", sent[$"alert · September 2007 · {AlertsScene.ChannelWhere}"]);
        Assert.Equal("sent 26 Nov 10:00 UTC", sent[$"alert · September 2007 · chat with {AlertsScene.LeadName}"]);
        Assert.Equal("not sent: the bot is no longer in that conversation", sent[$"reminder · September 2007 · chat with {AlertsScene.So14Name}"]);
        Assert.Contains($"alert for September 2007 to {AlertsScene.ChannelWhere}: sent 26 Nov 10:00 UTC", (string?)sentLog["fallbackText"]);

        Assert.Single(scene.Teams.ReceivedFor(scene.ChannelId));
        Assert.Single(scene.Teams.ReceivedFor(scene.LeadChatId));
        Assert.All((await scene.App.QueuedAsync()).Where(m => m.Kind == "alert"), m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.False((await scene.App.ConversationAsync(scene.So14ChatId))!.Active);
    }
}
