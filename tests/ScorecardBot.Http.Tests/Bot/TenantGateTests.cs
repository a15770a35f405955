using ScorecardBot.Bot;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>With Access:AllowedTenants set, only those tenants get answers; others are refused politely.</summary>
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
}
