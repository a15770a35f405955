using System.Net;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>
/// The bot handles no invoke yet: one without a value, or with a value its name cannot carry, is a 400; one it has no
/// handler for is a 404. Each leaves one Warning line; never a 501, never a stack trace.
/// </summary>
public sealed class InvokeTests(BotApp app) : IClassFixture<BotApp>
{
    public static TheoryData<string> Invoke_names() =>
    [
        "task/fetch", "task/submit", "composeExtension/query", "composeExtension/queryLink", "composeExtension/anonymousQueryLink",
        "composeExtension/selectItem", "composeExtension/submitAction", "composeExtension/fetchTask", "composeExtension/querySettingUrl",
        "composeExtension/setting", "composeExtension/onCardButtonClicked", "fileConsent/invoke", "actionableMessage/executeAction",
        "tab/fetch", "tab/submit", "config/fetch", "config/submit", "adaptiveCard/action", "application/search",
        "signin/verifyState", "signin/tokenExchange", "healthCheck", "junk/nonsense",
    ];

    [Theory]
    [MemberData(nameof(Invoke_names))]
    public async Task An_invoke_without_a_value_is_a_400_with_one_warning(string name)
    {
        var turn = await SendAsync(name, value: null);

        AssertRefused(turn, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("task/fetch", "\"junk\"")]
    [InlineData("composeExtension/query", "[1,2,3]")]
    [InlineData("composeExtension/query", "{\"parameters\":\"not a list\"}")]
    [InlineData("fileConsent/invoke", "{\"action\":\"sideways\"}")]
    [InlineData("adaptiveCard/action", "{\"action\":\"junk\"}")]
    [InlineData("adaptiveCard/action", "42")]
    [InlineData("application/search", "{\"kind\":7}")]
    public async Task An_invoke_whose_value_is_malformed_is_a_400_with_one_warning(string name, string value)
    {
        var turn = await SendAsync(name, JToken.Parse(value));

        AssertRefused(turn, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("task/fetch", "{\"data\":{}}")]
    [InlineData("composeExtension/query", "{\"commandId\":\"x\"}")]
    [InlineData("config/fetch", "{}")]
    [InlineData("tab/fetch", "{\"tabContext\":{}}")]
    [InlineData("junk/nonsense", "{\"a\":[1,2,{\"b\":null}]}")]
    [InlineData(null, "{\"a\":1}")]
    public async Task An_invoke_the_bot_does_not_handle_is_a_404_with_one_warning(string? name, string value)
    {
        var turn = await SendAsync(name, JToken.Parse(value));

        AssertRefused(turn, HttpStatusCode.NotFound);
    }

    private async Task<Turn> SendAsync(string? name, JToken? value)
    {
        var bot = app.CreateBotClient();
        app.Logs.Clear();
        // Teams sends invokes without expectReplies and reads the HTTP status as the invoke's answer.
        var invoke = BotClient.Activity("invoke");
        invoke.Remove("deliveryMode");
        if (name is not null) invoke["name"] = name;
        if (value is not null) invoke["value"] = value;
        return await bot.SendAsync(invoke);
    }

    private void AssertRefused(Turn turn, HttpStatusCode expected)
    {
        Assert.Equal(expected, turn.Status);
        NoLeaks.AssertNone(turn);
        app.Logs.AssertNoFailures();
        var warning = Assert.Single(app.Logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"Answered {(int)expected} to a", warning.Message);
    }
}
