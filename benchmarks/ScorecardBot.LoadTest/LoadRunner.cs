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

/// <summary>
/// N workers, each sending one turn at a time for the warm-up and then the measured window; nothing else. Each worker
/// draws its questions with Zipf popularity from a Random seeded by its number, so every run sends the same sequence.
/// </summary>
public static class LoadRunner
{
    public const double ZipfExponent = 1.0;
    private const int Seed = 8;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<RunResult> RunAsync(ServerProcess server, HttpClient client, bool expectCard, int concurrency, LoadOptions options, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(server.BaseAddress, "api/messages");
        var questions = QuestionMix.For(options.Mix);
        await PreflightAsync(server, client, endpoint, expectCard, questions, cancellationToken);
        var popularity = new Zipf(questions.Count, ZipfExponent);
        var texts = questions.Select(q => Encoding.UTF8.GetBytes(q.Text)).ToArray();

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + Ticks(options.Warmup);
        var measureTo = measureFrom + Ticks(options.Duration);
        var workers = new Worker[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = new Worker(w, questions, options.Chats == Chats.PerWorker ? Turns.Bodies(w, questions) : null, texts, popularity, new Random(Seed * 1_000 + w));
        }

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

    /// <summary>
    /// Each question once, fully parsed: a question the bot cannot answer with a card stops the run before any figure
    /// is printed. With the cache on, this also fills it, as the warm-up would.
    /// </summary>
    private static async Task PreflightAsync(ServerProcess server, HttpClient client, Uri endpoint, bool expectCard, IReadOnlyList<Question> questions, CancellationToken cancellationToken)
    {
        var bodies = Turns.Bodies(0, questions);
        for (var i = 0; i < bodies.Length; i++)
        {
            using var response = await client.PostAsync(endpoint, Content(bodies[i]), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var problem = response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}" : Turns.Problem(body, expectCard, questions[i].Text);
            if (problem is not null) throw new InvalidOperationException($"{server.Name}: \"{questions[i].Text}\" → {problem}\n{Encoding.UTF8.GetString(body)}\n{server.RecentOutput()}");
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

    /// <summary>One officer; <paramref name="bodies"/> is null when every turn is in a chat of its own.</summary>
    private sealed class Worker(int index, IReadOnlyList<Question> questions, byte[][]? bodies, byte[][] texts, Zipf popularity, Random random)
    {
        public List<long> Latencies { get; } = new(capacity: 16_384);
        public long Errors { get; private set; }
        public long Bytes { get; private set; }
        public string? FirstError { get; private set; }

        public async Task RunAsync(HttpClient client, Uri endpoint, bool expectCard, long measureFrom, long measureTo, CancellationToken cancellationToken)
        {
            for (long turn = 0; !cancellationToken.IsCancellationRequested; turn++)
            {
                var question = popularity.Next(random);
                var request = bodies?[question] ?? Turns.Body(index, questions[question], Turns.Chat(index, turn));
                var sent = Stopwatch.GetTimestamp();
                if (sent >= measureTo) return;
                string? error = null;
                var length = 0;
                try
                {
                    using var response = await client.PostAsync(endpoint, Content(request), cancellationToken);
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
                    FirstError ??= $"\"{questions[question].Text}\": {error}";
                }
            }
        }
    }
}
