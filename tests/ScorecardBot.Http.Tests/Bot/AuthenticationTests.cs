using System.Net;
using System.Net.Http.Headers;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>With MicrosoftAppId set, every request needs a valid Bot Framework token: anything else is a 401, quietly.</summary>
public sealed class AuthenticationTests(AuthenticatedBotApp app) : IClassFixture<AuthenticatedBotApp>
{
    [Fact]
    public async Task A_request_without_a_token_is_refused_with_401()
    {
        var turn = await app.CreateBotClient().AskAsync("CTIO coverage in July");

        Assert.Equal(HttpStatusCode.Unauthorized, turn.Status);
        Assert.Empty(turn.Replies);
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.c2ln")]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    [InlineData("Bearer")]
    public async Task A_malformed_token_or_one_from_another_issuer_is_refused_with_401_and_no_stack_trace(string authorization)
    {
        app.Logs.Clear();
        var http = app.CreateClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var turn = await new BotClient(http).AskAsync("CTIO coverage in July");

        Assert.Equal(HttpStatusCode.Unauthorized, turn.Status);
        Assert.Empty(turn.Replies);
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task Health_does_not_need_a_token()
    {
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
