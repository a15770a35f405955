using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using ScorecardBot.Storage;

namespace ScorecardBot.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScorecardBot.Endpoints");
        app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
        {
            try
            {
                await adapter.ProcessAsync(request, response, bot, cancellationToken);
            }
            // The SDK answers 400 to a body it cannot parse but throws on an activity it cannot route (a missing or
            // malformed serviceUrl) before any turn starts: that is the caller's error too, not a 500.
            catch (Exception e) when (e is ArgumentException or UriFormatException && !response.HasStarted)
            {
                logger.LogWarning("Refused an activity the Bot Framework adapter could not process: {Reason}", e.Message);
                response.StatusCode = StatusCodes.Status400BadRequest;
            }
        });

        app.MapGet("/healthz", async (ScorecardDatabase database, CancellationToken cancellationToken) =>
            await database.CanConnectAsync(cancellationToken)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "database unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
