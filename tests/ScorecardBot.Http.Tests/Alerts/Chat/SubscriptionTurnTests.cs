using System.Net;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Alerts.Chat.TeamsActivities;

namespace ScorecardBot.Http.Tests.Alerts.Chat;

/// <summary>
/// "subscribe", "unsubscribe" and "alerts status" said in a conversation, through the real endpoint: each answer says
/// what changed or how things stand, and the conversation's stored flag follows. In a channel the bot is @mentioned,
/// and each message names its thread as Teams does; the channel's own record is the one that changes.
/// </summary>
public sealed class SubscriptionTurnTests : IClassFixture<AlertsChatApp>, IDisposable
{
    private const string ServiceUrl = "http://127.0.0.1:9/teams/";
    private const string NowOn = "This conversation will now receive month-end alerts. Say \"unsubscribe\" to stop them.";
    private const string AlreadyOn = "This conversation already receives month-end alerts. Say \"unsubscribe\" to stop them.";
    private const string NowOff = "This conversation will no longer receive month-end alerts.";
    private const string AlreadyOff = "This conversation does not receive month-end alerts.";

    private readonly AlertsChatApp _app;
    private readonly BotClient _bot;

    public SubscriptionTurnTests(AlertsChatApp app)
    {
        _app = app;
        _bot = app.CreateBotClient();
    }

    public void Dispose()
    {
        _app.Logs.AssertNoFailures();
        _app.Logs.Clear();
    }

    /// <summary>Says it, and returns the answer's text and the conversation's stored flag after it.</summary>
    private async Task<(string Answer, bool Subscribed)> SayAsync(string text, string conversationType, string id)
    {
        var turn = await _bot.SendAsync(Message(text, conversationType, id, ServiceUrl));
        var answer = CardText.Of(turn.Card);
        return (answer, (await _app.ConversationAsync(id))!.Subscribed);
    }

    [Fact]
    public async Task In_a_personal_chat_subscribe_then_subscribe_again_then_unsubscribe_each_say_what_changed_and_the_flag_follows()
    {
        var id = NewPersonalId();
        await _bot.SendAsync(Installation("add", "personal", id, ServiceUrl));

        var before = await SayAsync("alerts status", "personal", id);
        var subscribed = await SayAsync("subscribe", "personal", id);
        var again = await SayAsync("subscribe", "personal", id);
        var status = await SayAsync("alerts status", "personal", id);
        var unsubscribed = await SayAsync("unsubscribe", "personal", id);
        var unsubscribedAgain = await SayAsync("unsubscribe", "personal", id);

        Assert.Contains(AlreadyOff, before.Answer);
        Assert.Contains("a command lead's own chat receives their command's alerts in any case", before.Answer);
        Assert.False(before.Subscribed);
        Assert.Contains(NowOn, subscribed.Answer);
        Assert.True(subscribed.Subscribed);
        Assert.Contains(AlreadyOn, again.Answer);
        Assert.True(again.Subscribed);
        Assert.Contains(AlreadyOn, status.Answer);
        Assert.Contains(NowOff, unsubscribed.Answer);
        Assert.False(unsubscribed.Subscribed);
        Assert.Contains(AlreadyOff, unsubscribedAgain.Answer);
        Assert.False(unsubscribedAgain.Subscribed);
    }

    [Fact]
    public async Task In_a_channel_with_an_mention_unsubscribe_then_subscribe_change_the_channels_own_alerts()
    {
        var id = NewChannelId();
        await _bot.SendAsync(Installation("add", "channel", id, ServiceUrl));

        var status = await SayAsync("alerts status", "channel", id);
        var subscribe = await SayAsync("subscribe", "channel", id);
        var unsubscribe = await SayAsync("unsubscribe", "channel", id);
        var afterUnsubscribe = await SayAsync("alerts status", "channel", id);
        var resubscribe = await SayAsync("subscribe", "channel", id);

        Assert.Contains(AlreadyOn, status.Answer);
        Assert.True(status.Subscribed);
        Assert.Contains(AlreadyOn, subscribe.Answer);
        Assert.Contains(NowOff, unsubscribe.Answer);
        Assert.Contains("Say \"subscribe\" to receive them.", unsubscribe.Answer);
        Assert.False(unsubscribe.Subscribed);
        Assert.Contains(AlreadyOff, afterUnsubscribe.Answer);
        Assert.False(afterUnsubscribe.Subscribed);
        Assert.Contains(NowOn, resubscribe.Answer);
        Assert.True(resubscribe.Subscribed);
    }

    [Fact]
    public async Task In_a_channel_unsubscribe_without_an_mention_is_not_for_the_bot_and_changes_nothing()
    {
        var id = NewChannelId();
        await _bot.SendAsync(Installation("add", "channel", id, ServiceUrl));
        var unaddressed = Message("unsubscribe", "channel", id, ServiceUrl);
        unaddressed["text"] = "unsubscribe";
        unaddressed.Remove("entities");

        var turn = await _bot.SendAsync(unaddressed);

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Empty(turn.Cards);
        Assert.True((await _app.ConversationAsync(id))!.Subscribed);
    }

    [Fact]
    public async Task In_a_group_chat_unsubscribe_turns_off_the_alerts_it_was_given_on_install()
    {
        var id = NewGroupChatId();
        await _bot.SendAsync(Installation("add", "groupChat", id, ServiceUrl));

        var unsubscribe = await _bot.SendAsync(BotClient.MentioningBot("unsubscribe", "groupChat", conversationId: id));

        Assert.Contains(NowOff, CardText.Of(unsubscribe.Card));
        Assert.False((await _app.ConversationAsync(id))!.Subscribed);
    }
}
