using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using ScorecardBot.Storage;

namespace ScorecardBot.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken));

        app.MapGet("/healthz", async (ScorecardDatabase database, CancellationToken cancellationToken) =>
            await database.CanConnectAsync(cancellationToken)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "database unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
