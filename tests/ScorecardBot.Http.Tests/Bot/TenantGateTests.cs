using ScorecardBot.Bot;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>
/// With Access:AllowedTenants set, only those tenants get answers; others are refused politely. The gate is middleware
/// on the adapter, so every kind of activity passes it, not only messages.
/// </summary>
public sealed class TenantGateTests(SingleTenantBotApp app) : IClassFixture<SingleTenantBotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();

    [Fact]
    public async Task A_message_from_the_allowed_tenant_is_answered()
    {
        var turn = await _bot.AskAsync("CTIO coverage in July", tenant: SingleTenantBotApp.AllowedTenant);

        CardText.TextBlock(turn.Card, "29 of 33 BOCUs");
    }

    [Fact]
    public async Task A_message_from_another_tenant_is_refused_politely_without_figures()
    {
        var turn = await _bot.AskAsync("CTIO coverage in July", tenant: BotClient.OtherTenant);

        var reply = Assert.Single(turn.Replies);
        Assert.Equal(TenantGate.RefusalMessage, (string?)reply["text"]);
        Assert.Empty(turn.Cards);
        Assert.DoesNotContain("88%", turn.Body);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains(BotClient.OtherTenant));
    }

    [Fact]
    public async Task A_message_with_no_tenant_is_refused()
    {
        var turn = await _bot.AskAsync("CTIO coverage in July", tenant: null);

        Assert.Empty(turn.Cards);
        Assert.Equal(TenantGate.RefusalMessage, (string?)Assert.Single(turn.Replies)["text"]);
    }

    [Fact]
    public async Task The_tenant_is_also_read_from_teams_channel_data()
    {
        var message = BotClient.Message("CTIO coverage in July", tenant: BotClient.OtherTenant);
        message["conversation"]!["tenantId"]!.Parent!.Remove();
        message["channelData"] = new Newtonsoft.Json.Linq.JObject { ["tenant"] = new Newtonsoft.Json.Linq.JObject { ["id"] = SingleTenantBotApp.AllowedTenant } };

        var turn = await _bot.SendAsync(message);

        CardText.TextBlock(turn.Card, "29 of 33 BOCUs");
    }

    [Fact]
    public async Task An_invoke_from_another_tenant_is_refused_with_403()
    {
        var invoke = BotClient.Activity("invoke", tenant: BotClient.OtherTenant);
        invoke.Remove("deliveryMode");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new Newtonsoft.Json.Linq.JObject { ["action"] = new Newtonsoft.Json.Linq.JObject { ["type"] = "Action.Execute", ["verb"] = "x" } };

        var turn = await _bot.SendAsync(invoke);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, turn.Status);
    }

    [Fact]
    public async Task Adding_the_bot_in_another_tenant_sends_no_welcome()
    {
        var update = BotClient.Activity("conversationUpdate", "channel", tenant: BotClient.OtherTenant);
        update["membersAdded"] = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName });

        var turn = await _bot.SendAsync(update);

        Assert.Equal(System.Net.HttpStatusCode.OK, turn.Status);
        Assert.Empty(turn.Replies);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("Refused a conversationUpdate activity"));
    }

    [Theory]
    [InlineData("installationUpdate")]
    [InlineData("messageReaction")]
    [InlineData("event")]
    public async Task Any_other_activity_from_another_tenant_is_refused_quietly(string type)
    {
        var turn = await _bot.SendAsync(BotClient.Activity(type, tenant: BotClient.OtherTenant));

        Assert.Equal(System.Net.HttpStatusCode.OK, turn.Status);
        Assert.Empty(turn.Replies);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains($"Refused a {type} activity"));
    }
}
