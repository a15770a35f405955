using System.Net;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>With MicrosoftAppId set, the SDK's own authentication refuses requests without a valid Bot Framework token.</summary>
public sealed class AuthenticationTests(AuthenticatedBotApp app) : IClassFixture<AuthenticatedBotApp>
{
    [Fact]
    public async Task A_request_without_a_token_is_refused_with_401()
    {
        var turn = await app.CreateBotClient().AskAsync("CTIO coverage in July");

        Assert.Equal(HttpStatusCode.Unauthorized, turn.Status);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public async Task Health_does_not_need_a_token()
    {
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
