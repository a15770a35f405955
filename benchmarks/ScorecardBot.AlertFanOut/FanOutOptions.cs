using System.Globalization;

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

    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/ScorecardBot.AlertFanOut -- [options]
          --conversations 1000   subscribed conversations in one tenant, one alert queued to each (1-100000)
          --throttled 0.05       share of sends the connector answers 429 (0-0.5)
          --server-errors 0.02   share of sends the connector answers 500 (0-0.5)
          --retry-after 1        the Retry-After of those 429s, in whole seconds (1-60)
          --seed 20261031        the connector's Random seed
          --set KEY=VALUE        an Alerts:Delivery setting (repeatable), e.g. --set Parallelism=16
        The connector also answers 429 to any send over Teams' limits and counts it as a violation.
        """;

    public static FanOutOptions Parse(string[] args)
    {
        var options = new FanOutOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            options = arg switch
            {
                "--conversations" => options with { Conversations = (int)Number(Next(), 1, 100_000) },
                "--throttled" => options with { Throttled = Number(Next(), 0, 0.5) },
                "--server-errors" => options with { ServerErrors = Number(Next(), 0, 0.5) },
                "--retry-after" => options with { RetryAfter = TimeSpan.FromSeconds((int)Number(Next(), 1, 60)) },
                "--seed" => options with { Seed = (int)Number(Next(), int.MinValue, int.MaxValue) },
                "--set" => options with { Delivery = With(options.Delivery, Next()) },
                _ => throw new ArgumentException($"Unknown option {arg}"),
            };
        }
        return options;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> current, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0) throw new ArgumentException($"--set takes KEY=VALUE, not {pair}");
        return new Dictionary<string, string>(current) { [pair[..at]] = pair[(at + 1)..] };
    }

    private static double Number(string value, double min, double max)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        if (number < min || number > max) throw new ArgumentException($"{value} is outside {min}-{max}");
        return number;
    }
}
