using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScorecardBot.Observability;

namespace ScorecardBot.Extensions;

public static class ObservabilityExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The bot's metrics, and trace ids in every log line's scope. With
    /// OTEL_EXPORTER_OTLP_ENDPOINT set, OpenTelemetry exports traces (requests in, HTTP out, database commands), metrics
    /// (the bot's Meter, ASP.NET Core's and HttpClient's) and logs over OTLP, configured by the standard OTEL_*
    /// variables; without it nothing is collected, and the instruments cost nothing.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OutboxDepth>();
        services.AddSingleton<BotMetrics>();
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        // Read here, at registration: set it in the environment (or before the host is built), not in a later source.
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting])) return builder;
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES are read by the SDK; this is only the name without them.
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"])) resource.AddService("scorecard-bot");
            })
            .WithTracing(tracing => tracing
                // Probes every few seconds would bury the turns.
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health")
                    && !http.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(_ => { }, options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            })
            .UseOtlpExporter();
        return builder;
    }
}
