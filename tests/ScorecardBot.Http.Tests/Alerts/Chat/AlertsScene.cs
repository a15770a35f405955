using Newtonsoft.Json.Linq;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Submissions;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Alerts.Chat.TeamsActivities;

namespace ScorecardBot.Http.Tests.Alerts.Chat;

/// <summary>
/// A bot with something to alert on, whose conversations are all at the fake Teams connector: installed in a team
/// channel; the CTC lead has submitted September 2007 from their own chat with the hotline at 300 of 400 calls (75%
/// against 85%: More Than 10% Outside Target); the SO14 lead has said hello in theirs and SO14 has no September figures.
/// An admin talks to the bot in a chat of their own. Nothing has been queued or sent.
/// </summary>
public sealed class AlertsScene : IAsyncLifetime
{
    public const string LeadName = "Lee Lead";
    public const string So14Name = "Sam So14";
    public const string AdminName = "Ada Admin";
    public const string ChannelWhere = TeamName + " · " + ChannelName;

    public FakeTeamsConnector Teams { get; private set; } = null!;
    public AlertsChatApp App { get; } = new();
    public BotClient Bot { get; private set; } = null!;

    public string ChannelId { get; } = NewChannelId();
    public string LeadChatId { get; } = NewPersonalId();
    public string So14ChatId { get; } = NewPersonalId();
    public string AdminChatId { get; } = NewPersonalId();

    public async Task InitializeAsync()
    {
        Teams = await FakeTeamsConnector.StartAsync();
        Bot = App.CreateBotClient();
        await Bot.SendAsync(Installation("add", "channel", ChannelId, Teams.ServiceUrl));

        var form = (await Bot.SendAsync(FromLead("submit CTC figures for September 2007"))).Card;
        var saved = FigureForms.ResponseCard(await Bot.SendAsync(
            FigureForms.Invoke(FigureForms.Action(form, "submitFigures"), FigureForms.CtcSeptember, RolesBotApp.CtcLead, LeadName)));
        Assert.Contains("is now More Than 10% Outside Target: 75% against 85%", CardText.Of(saved));
        await Bot.SendAsync(Message("hello", "personal", So14ChatId, Teams.ServiceUrl, (RolesBotApp.So14Lead, So14Name)));
        App.Logs.Clear();
    }

    public JObject FromLead(string text) => Message(text, "personal", LeadChatId, Teams.ServiceUrl, (RolesBotApp.CtcLead, LeadName));

    public JObject FromAdmin(string text) => Message(text, "personal", AdminChatId, Teams.ServiceUrl, (RolesBotApp.Admin, AdminName));

    /// <summary>The admin says it in their own chat; the one card answered.</summary>
    public async Task<JObject> AdminSaysAsync(string text) => (await Bot.SendAsync(FromAdmin(text))).Card;

    /// <summary>Nothing is in the outbox, no "send now" was asked for, and nothing reached Teams.</summary>
    public async Task AssertNothingQueuedOrSentAsync()
    {
        Assert.Empty(await App.QueuedAsync());
        Assert.Equal(0, App.Triggers.Count);
        Assert.Empty(Teams.Received);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Teams.DisposeAsync();
    }
}
