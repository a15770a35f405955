using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ScorecardBot.Http.Tests.Observability;

/// <summary>
/// An OpenTelemetry collector as an OTLP/HTTP exporter sees it, on a loopback port: POST /v1/traces, /v1/metrics and
/// /v1/logs with protobuf bodies, each kept and answered 200. No package here serves the OTLP proto classes, so the
/// bodies are not decoded: a test looks for the UTF-8 strings protobuf carries as they are (span names, instrument
/// names, attribute keys and values).
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("scorecardbot-fake-otlp-").FullName;
    private WebApplication? _app;

    public string Endpoint { get; private set; } = "";

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var collector = new FakeOtlpCollector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = collector._folder });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector._received.Enqueue((signal, body.ToArray()));
            // An empty Export*ServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        collector._app = app;
        collector.Endpoint = app.Urls.Single();
        return collector;
    }

    /// <summary>Every body received for a signal ("traces", "metrics", "logs"), read as UTF-8 so its strings can be searched.</summary>
    public IReadOnlyList<string> Payloads(string signal) =>
        _received.Where(r => r.Signal == signal).Select(r => Encoding.UTF8.GetString(r.Body)).ToList();

    public IReadOnlyList<string> AllPayloads => _received.Select(r => Encoding.UTF8.GetString(r.Body)).ToList();

    /// <summary>Waits until every string has arrived in some body of the signal; the strings still missing otherwise.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(string signal, IReadOnlyList<string> expected, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var payloads = Payloads(signal);
            var missing = expected.Where(e => !payloads.Any(p => p.Contains(e, StringComparison.Ordinal))).ToList();
            if (missing.Count == 0 || waited.Elapsed > timeout) return missing;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
