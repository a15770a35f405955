using System.CommandLine;
using static ScorecardBot.BenchmarkSupport.OptionChecks;

namespace ScorecardBot.AlertFanOut;

/// <summary>Command-line settings of the fan-out run.</summary>
public sealed record FanOutOptions
{
    public int Conversations { get; init; } = 1000;
    public double Throttled { get; init; } = 0.05;
    public double ServerErrors { get; init; } = 0.02;
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);
    public int Seed { get; init; } = 20261031;

    /// <summary>Alerts:Delivery settings to run with instead of the bot's defaults.</summary>
    public IReadOnlyDictionary<string, string> Delivery { get; init; } = new Dictionary<string, string>();

    /// <summary>The command line (System.CommandLine): its options, checks and help, running <paramref name="run"/>.</summary>
    public static RootCommand Command(Func<FanOutOptions, Task<int>> run)
    {
        var defaults = new FanOutOptions();
        var conversations = Ranged("--conversations", "Subscribed conversations in one tenant, one alert queued to each (1-100000).", defaults.Conversations, 1, 100_000);
        var throttled = Ranged("--throttled", "Share of sends the connector answers 429 (0-0.5).", defaults.Throttled, 0, 0.5);
        var serverErrors = Ranged("--server-errors", "Share of sends the connector answers 500 (0-0.5).", defaults.ServerErrors, 0, 0.5);
        var retryAfter = Ranged("--retry-after", "The Retry-After of those 429s, in whole seconds (1-60).", (int)defaults.RetryAfter.TotalSeconds, 1, 60);
        var seed = new Option<int>("--seed") { Description = "The connector's Random seed.", DefaultValueFactory = _ => defaults.Seed };
        var set = Pairs("--set", "An Alerts:Delivery setting as KEY=VALUE (repeatable), e.g. --set Parallelism=16.");
        var root = new RootCommand(
            "A month-end fan-out through the bot's own outbox to the fake Teams connector, which also answers 429 to any " +
            "send over Teams' limits and counts it as a violation. Exit code 3 when the aim is missed.")
        {
            conversations, throttled, serverErrors, retryAfter, seed, set,
        };
        root.SetAction((parse, _) => run(new FanOutOptions
        {
            Conversations = parse.GetValue(conversations),
            Throttled = parse.GetValue(throttled),
            ServerErrors = parse.GetValue(serverErrors),
            RetryAfter = TimeSpan.FromSeconds(parse.GetValue(retryAfter)),
            Seed = parse.GetValue(seed),
            Delivery = parse.GetPairs(set),
        }));
        return root;
    }
}
