using System.Diagnostics;
using System.Text;
using ScorecardBot.Http.Tests.Support;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Extensions;

/// <summary>
/// Thousands of generated turns through the real endpoint, hostile shapes among them (huge arrays, deep nesting, wide
/// objects, thousands of mentions, bodies over the limit): nothing may answer 5xx, show an exception, or fail in the logs.
/// </summary>
public sealed class FuzzTests(BotApp app, ITestOutputHelper output) : IClassFixture<BotApp>
{
    private const int Seed = 20071126;
    private const int Turns = 10_000;

    [Fact]
    public async Task Ten_thousand_generated_turns_never_fail_or_show_an_exception()
    {
        var fuzzer = new TurnFuzzer(Seed);
        // Generated up front, in order, so the same seed always gives the same bodies whatever the concurrency.
        var bodies = Enumerable.Range(0, Turns).Select(_ => fuzzer.Next()).ToList();
        var bot = app.CreateBotClient();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var slowest = new System.Collections.Concurrent.ConcurrentBag<(double Ms, int Index)>();
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Turns), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var body = bodies[i];
            Turn turn;
            var started = Stopwatch.GetTimestamp();
            try
            {
                turn = await bot.PostAsync(body);
                slowest.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, i));
            }
            catch (Exception e)
            {
                // The test server hands an exception that escaped the app to the client; a real server would answer 500.
                failures.Add($"#{i}: the app threw {e.GetType().Name}: {e.Message} for {Shown(body)}");
                return;
            }
            statuses.AddOrUpdate((int)turn.Status, 1, (_, n) => n + 1);
            if ((int)turn.Status >= 500) failures.Add($"#{i}: {(int)turn.Status} for {Shown(body)}");
            var leaks = NoLeaks.In(turn.Body, body);
            if (leaks.Count > 0) failures.Add($"#{i}: reply shows {string.Join(", ", leaks)} for {Shown(body)}: {Shown(turn.Body)}");
            if (turn.Body.Contains(ScorecardBot.Bot.AdapterWithErrorHandler.SorryMessage, StringComparison.Ordinal)) failures.Add($"#{i}: apologised for {Shown(body)}");
        });

        foreach (var (ms, index) in slowest.OrderByDescending(s => s.Ms).Take(5)) output.WriteLine($"slow: #{index} {ms:F0} ms, {bodies[index].Length} chars: {Shown(bodies[index], 120)}");
        output.WriteLine($"{Turns} turns (seed {Seed}) in {watch.Elapsed.TotalSeconds:F1} s; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        var logged = app.Logs.Failures;
        Assert.True(failures.IsEmpty && logged.Count == 0,
            $"{failures.Count} failing turns (seed {Seed}):\n" + string.Join("\n", failures.Take(20))
            + $"\n\nThe app logged {logged.Count} failures:\n" + string.Join("\n", logged.Take(10).Select(e => Shown(e.ToString(), 1500))));
        Assert.True(statuses.GetValueOrDefault(200) > Turns / 2, "Most generated turns should be well-formed activities the bot accepts");
    }

    private static string Shown(string text, int length = 300)
    {
        var shown = text.Length > length ? text[..length] + "…" : text;
        var builder = new StringBuilder(shown.Length);
        foreach (var c in shown) builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c);
        return builder.ToString();
    }
}
