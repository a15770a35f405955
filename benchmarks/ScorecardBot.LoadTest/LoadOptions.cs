namespace ScorecardBot.LoadTest;

/// <summary>Whose chat a turn is in: what the bot's conversation state reads and writes.</summary>
public enum Chats
{
    /// <summary>Each worker is one officer in one personal chat, asking again and again.</summary>
    PerWorker,

    /// <summary>Every turn is in a new personal chat: the state is never found, and written as a new row.</summary>
    PerTurn,
}

/// <summary>Command-line settings; every loop is bounded by these durations.</summary>
public sealed record LoadOptions
{
    public IReadOnlyList<int> Concurrency { get; init; } = [32];
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public int Rounds { get; init; } = 1;
    public Mix Mix { get; init; } = Mix.All;
    public bool Cache { get; init; } = true;
    public Chats Chats { get; init; } = Chats.PerWorker;
    public bool Build { get; init; } = true;
    public bool RunBot { get; init; } = true;
    public bool RunEcho { get; init; } = true;
    public string? BotDll { get; init; }
    public string? EchoDll { get; init; }
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();

    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/ScorecardBot.LoadTest -- [options]
          --concurrency 1,8,32   concurrent workers, one run per value (default 32)
          --warmup 5             seconds of unmeasured load before each run (1-60)
          --duration 20          measured seconds per run (1-300)
          --rounds 1             bot and echo runs per concurrency, alternating (1-9); the verdict takes the median ratio
          --mix all              all: every question in Questions.cs, drawn with Zipf popularity (s = 1, seeded);
                                 scorecard: only the committee scorecard questions, drawn the same way
          --cache on             off passes Answers__CacheSize=0 to the bot, so every answer is drawn and written afresh
          --chats worker         worker: each worker is one officer in one personal chat (its state row is read every
                                 turn, rewritten when the remembered request changes); turn: every turn in a new chat
                                 (state never found, always inserted)
          --no-build             use the existing Release outputs instead of building them first
          --bot-only | --echo-only
          --bot-dll PATH         a built ScorecardBot.dll (default src/ScorecardBot/bin/Release/net10.0)
          --echo-dll PATH        a built EchoBot.dll (default benchmarks/EchoBot/bin/Release/net10.0)
          --server-env KEY=VALUE an environment variable for both servers (repeatable), e.g. DOTNET_TieredCompilation=0
        Servers listen on 127.0.0.1 only, on free ports; each run starts a fresh server process.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            options = arg switch
            {
                "--concurrency" or "-c" => options with { Concurrency = ParseList(Next()) },
                "--warmup" => options with { Warmup = Seconds(Next(), 1, 60) },
                "--duration" or "-d" => options with { Duration = Seconds(Next(), 1, 300) },
                "--rounds" => options with { Rounds = Count(Next(), 1, 9) },
                "--mix" => options with { Mix = Next() switch { "all" => Mix.All, "scorecard" => Mix.Scorecard, var v => throw Bad(arg, v) } },
                "--cache" => options with { Cache = Next() switch { "on" => true, "off" => false, var v => throw Bad(arg, v) } },
                "--chats" => options with { Chats = Next() switch { "worker" => Chats.PerWorker, "turn" => Chats.PerTurn, var v => throw Bad(arg, v) } },
                "--no-build" => options with { Build = false },
                "--bot-only" => options with { RunEcho = false },
                "--echo-only" => options with { RunBot = false },
                "--bot-dll" => options with { BotDll = Path.GetFullPath(Next()) },
                "--echo-dll" => options with { EchoDll = Path.GetFullPath(Next()) },
                "--server-env" => options with { ServerEnvironment = WithVariable(options.ServerEnvironment, Next()) },
                _ => throw new ArgumentException($"Unknown option {arg}"),
            };
        }
        return options;
    }

    /// <summary>The bot process's own settings for this run, beside <see cref="ServerEnvironment"/>.</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment() =>
        Cache ? ServerEnvironment : new Dictionary<string, string>(ServerEnvironment) { ["Answers__CacheSize"] = "0" };

    private static ArgumentException Bad(string option, string value) => new($"{option} does not take {value}; see --help");

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> current, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0) throw new ArgumentException($"--server-env takes KEY=VALUE, not {pair}");
        return new Dictionary<string, string>(current) { [pair[..at]] = pair[(at + 1)..] };
    }

    private static List<int> ParseList(string value)
    {
        var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
        if (list.Count == 0 || list.Any(c => c is < 1 or > 512)) throw new ArgumentException("--concurrency takes values from 1 to 512");
        return list;
    }

    private static int Count(string value, int min, int max)
    {
        var count = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        if (count < min || count > max) throw new ArgumentException($"{value} is outside {min}-{max}");
        return count;
    }

    private static TimeSpan Seconds(string value, int min, int max)
    {
        var seconds = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        if (seconds < min || seconds > max) throw new ArgumentException($"{value} s is outside {min}-{max} s");
        return TimeSpan.FromSeconds(seconds);
    }
}
