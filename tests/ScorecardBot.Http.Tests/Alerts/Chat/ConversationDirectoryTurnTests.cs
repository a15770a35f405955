using System.Net;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Alerts.Chat.TeamsActivities;

namespace ScorecardBot.Http.Tests.Alerts.Chat;

/// <summary>
/// The bot keeps a directory of the conversations it is in, from what Teams sends to the real endpoint: installed or
/// added, it records the conversation (a team channel or group chat subscribed to alerts, a personal chat not); later
/// messages write nothing; uninstalled or removed, the conversation is marked inactive.
/// </summary>
public sealed class ConversationDirectoryTurnTests : IClassFixture<AlertsChatApp>, IDisposable
{
    private const string ServiceUrl = "http://127.0.0.1:9/teams/";
    private readonly AlertsChatApp _app;
    private readonly BotClient _bot;

    public ConversationDirectoryTurnTests(AlertsChatApp app)
    {
        _app = app;
        _bot = app.CreateBotClient();
    }

    public void Dispose()
    {
        _app.Logs.AssertNoFailures();
        _app.Logs.Clear();
    }

    private static string NewId(string conversationType) => conversationType switch
    {
        "channel" => NewChannelId(),
        "groupChat" => NewGroupChatId(),
        _ => NewPersonalId(),
    };

    private async Task<Turn> SendAsync(Newtonsoft.Json.Linq.JObject activity)
    {
        var turn = await _bot.SendAsync(activity);
        Assert.True(turn.Status == HttpStatusCode.OK, $"Expected 200, got {(int)turn.Status}: {turn.Body}");
        return turn;
    }

    [Theory]
    [InlineData("channel", "Specialist Operations · Performance", true)]
    [InlineData("groupChat", "SMT weekly", true)]
    [InlineData("personal", "chat with A. Officer", false)]
    public async Task Installing_the_bot_records_the_conversation_and_subscribes_a_channel_or_group_chat_but_not_a_personal_chat(
        string conversationType, string name, bool subscribed)
    {
        var id = NewId(conversationType);

        await SendAsync(Installation("add", conversationType, id, ServiceUrl));

        var record = await _app.ConversationAsync(id);
        Assert.NotNull(record);
        Assert.Equal(conversationType, record.ConversationType);
        Assert.Equal(name, record.Name);
        Assert.Equal(BotClient.Tenant, record.TenantId);
        Assert.Equal(ServiceUrl, record.ServiceUrl);
        Assert.True(record.Active);
        Assert.Equal(subscribed, record.Subscribed);
        Assert.Equal(conversationType == "personal" ? "00000000-0000-0000-0000-000000000001" : null, record.UserAadObjectId);
        Assert.Contains(id, record.Reference);

        var status = CardText.Of((await SendAsync(Message("alerts status", conversationType, id, ServiceUrl))).Card);
        Assert.Contains(subscribed ? "This conversation already receives month-end alerts." : "This conversation does not receive month-end alerts.", status);
    }

    [Theory]
    [InlineData("channel", true)]
    [InlineData("groupChat", true)]
    [InlineData("personal", false)]
    public async Task Adding_the_bot_as_a_member_records_the_conversation_as_installing_it_does(string conversationType, bool subscribed)
    {
        var id = NewId(conversationType);

        var turn = await SendAsync(BotMembership(added: true, conversationType, id, ServiceUrl));

        Assert.Contains("Hello", CardText.Of(turn.Card));
        var record = await _app.ConversationAsync(id);
        Assert.NotNull(record);
        Assert.True(record.Active);
        Assert.Equal(subscribed, record.Subscribed);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    [InlineData("personal")]
    public async Task Later_messages_in_a_recorded_conversation_write_nothing_new(string conversationType)
    {
        var id = NewId(conversationType);
        await SendAsync(Installation("add", conversationType, id, ServiceUrl));
        var installed = await _app.ConversationAsync(id);
        _app.Clock.Advance(TimeSpan.FromMinutes(3));

        var answer = await SendAsync(Message("hotline in July", conversationType, id, ServiceUrl));
        await SendAsync(Message("and August?", conversationType, id, ServiceUrl));

        Assert.Contains("Hotline", CardText.Of(answer.Card));
        var after = await _app.ConversationAsync(id);
        Assert.Equal(installed!.UpdatedAtUtc, after!.UpdatedAtUtc);
        Assert.Equal(installed.Reference, after.Reference);
        // A channel's messages each name their thread (";messageid="): the channel is still the one conversation.
        var records = (await _app.Conversations.AllAsync()).Where(c => c.ConversationId.StartsWith(id, StringComparison.Ordinal)).ToList();
        Assert.Equal(id, Assert.Single(records).ConversationId);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    [InlineData("personal")]
    public async Task Uninstalling_the_bot_marks_the_conversation_inactive(string conversationType)
    {
        var id = NewId(conversationType);
        await SendAsync(Installation("add", conversationType, id, ServiceUrl));

        await SendAsync(Installation("remove", conversationType, id, ServiceUrl));

        var record = await _app.ConversationAsync(id);
        Assert.False(record!.Active);
        Assert.Equal("the bot was removed", record.InactiveReason);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task Removing_the_bot_from_the_members_marks_the_conversation_inactive(string conversationType)
    {
        var id = NewId(conversationType);
        await SendAsync(BotMembership(added: true, conversationType, id, ServiceUrl));

        var turn = await SendAsync(BotMembership(added: false, conversationType, id, ServiceUrl));

        Assert.Empty(turn.Cards);
        var record = await _app.ConversationAsync(id);
        Assert.False(record!.Active);
        Assert.Equal("the bot was removed", record.InactiveReason);
    }

    [Fact]
    public async Task A_channel_the_bot_is_added_back_to_is_active_and_subscribed_again()
    {
        var id = NewChannelId();
        await SendAsync(Installation("add", "channel", id, ServiceUrl));
        await SendAsync(Message("unsubscribe", "channel", id, ServiceUrl));
        await SendAsync(Installation("remove", "channel", id, ServiceUrl));

        await SendAsync(Installation("add", "channel", id, ServiceUrl));

        var record = await _app.ConversationAsync(id);
        Assert.True(record!.Active);
        Assert.True(record.Subscribed);
        Assert.Null(record.InactiveReason);
    }
}
