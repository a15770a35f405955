using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ScorecardBot.LoadTest;

public sealed record RunResult(
    string Target,
    int Concurrency,
    long Turns,
    TimeSpan Measured,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    long Errors,
    double PeakMiB,
    double RssMiB,
    double ServerCpuMsPerTurn,
    double ClientCpuMsPerTurn,
    double ResponseBytes,
    string? FirstError,
    int Round = 1)
{
    public double TurnsPerSecond => Turns / Measured.TotalSeconds;
}

/// <summary>N workers, each sending one turn at a time for the warm-up and then the measured window; nothing else.</summary>
public static class LoadRunner
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<RunResult> RunAsync(ServerProcess server, HttpClient client, bool expectCard, int concurrency, LoadOptions options, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(server.BaseAddress, "api/messages");
        await PreflightAsync(server, client, endpoint, expectCard, cancellationToken);

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + Ticks(options.Warmup);
        var measureTo = measureFrom + Ticks(options.Duration);
        var workers = new Worker[concurrency];
        for (var w = 0; w < concurrency; w++) workers[w] = new Worker(w, Turns.Bodies(w), Turns.Questions.Select(q => Encoding.UTF8.GetBytes(q)).ToArray());

        // The CPU counters are read when the measured window opens; a timer is the cheapest way to hit that instant.
        TimeSpan serverCpuFrom = default, clientCpuFrom = default;
        using var opener = new Timer(_ => { serverCpuFrom = server.CpuTime(); clientCpuFrom = Process.GetCurrentProcess().TotalProcessorTime; },
            null, options.Warmup, Timeout.InfiniteTimeSpan);

        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(client, endpoint, expectCard, measureFrom, measureTo, cancellationToken), cancellationToken)));
        var serverCpu = server.CpuTime() - serverCpuFrom;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuFrom;
        var (peak, rss) = server.Memory();

        var latencies = workers.SelectMany(w => w.Latencies).Order().ToArray();
        var turns = latencies.Length;
        var errors = workers.Sum(w => w.Errors);
        double Percentile(double p) => turns == 0 ? double.NaN : Ms(latencies[Math.Min(turns - 1, (int)Math.Ceiling(p * turns) - 1)]);
        var perTurn = Math.Max(1, turns + errors);
        return new RunResult(server.Name, concurrency, turns, options.Duration,
            Percentile(0.50), Percentile(0.90), Percentile(0.99), turns == 0 ? double.NaN : Ms(latencies[^1]), errors,
            peak, rss, serverCpu.TotalMilliseconds / perTurn, clientCpu.TotalMilliseconds / perTurn,
            workers.Sum(w => w.Bytes) / (double)perTurn, workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null));
    }

    /// <summary>Each question once, fully parsed: a question the bot cannot answer with a card stops the run before any figure is printed.</summary>
    private static async Task PreflightAsync(ServerProcess server, HttpClient client, Uri endpoint, bool expectCard, CancellationToken cancellationToken)
    {
        var bodies = Turns.Bodies(0);
        for (var i = 0; i < bodies.Length; i++)
        {
            using var response = await client.PostAsync(endpoint, Content(bodies[i]), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var problem = response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}" : Turns.Problem(body, expectCard, Turns.Questions[i]);
            if (problem is not null) throw new InvalidOperationException($"{server.Name}: \"{Turns.Questions[i]}\" → {problem}\n{Encoding.UTF8.GetString(body)}\n{server.RecentOutput()}");
        }
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return content;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed class Worker(int index, byte[][] bodies, byte[][] texts)
    {
        public List<long> Latencies { get; } = new(capacity: 16_384);
        public long Errors { get; private set; }
        public long Bytes { get; private set; }
        public string? FirstError { get; private set; }

        public async Task RunAsync(HttpClient client, Uri endpoint, bool expectCard, long measureFrom, long measureTo, CancellationToken cancellationToken)
        {
            // Workers start at different questions so the mix is the same at any moment.
            var next = index % bodies.Length;
            while (!cancellationToken.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= measureTo) return;
                var question = next;
                next = (next + 1) % bodies.Length;
                string? error = null;
                var length = 0;
                try
                {
                    using var response = await client.PostAsync(endpoint, Content(bodies[question]), cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    length = body.Length;
                    if (response.StatusCode != HttpStatusCode.OK) error = $"HTTP {(int)response.StatusCode}";
                    else if (!Turns.LooksRight(body, expectCard, texts[question])) error = expectCard ? "no Adaptive Card attachment" : "text not echoed";
                }
                catch (HttpRequestException e)
                {
                    error = e.Message;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    error = "timed out";
                }
                var done = Stopwatch.GetTimestamp();
                if (sent < measureFrom || done > measureTo) continue;
                if (error is null)
                {
                    Latencies.Add(done - sent);
                    Bytes += length;
                }
                else
                {
                    Errors++;
                    FirstError ??= $"\"{Turns.Questions[question]}\": {error}";
                }
            }
        }
    }
}
