using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Bot.Builder;
using ScorecardBot.Bot;
using ScorecardBot.Packs;
using ScorecardBot.Scorecard;

namespace ScorecardBot.Extensions;

public static class EndpointExtensions
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, AdapterWithErrorHandler adapter, IBot bot, CancellationToken cancellationToken) =>
                adapter.ProcessMessageAsync(request, response, bot, cancellationToken))
            .AddEndpointFilter<MessageRequestLimits>();

        // The committee pack behind a signed link from a pack card; it renders from the link's parameters only.
        app.MapGet(PackLinks.Path, PackEndpoint.GetAsync);

        // Live: the process answers. Ready: the scorecard can answer a question, the scheduler runs and the outbox is
        // being delivered (see OutboxReadyCheck). /healthz is ready's older name.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ScorecardReadyCheck.Tag) };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/healthz", ready);
        return app;
    }
}
