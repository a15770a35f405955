using System.CommandLine;
using System.Globalization;
using static ScorecardBot.BenchmarkSupport.OptionChecks;

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

    /// <summary>
    /// The command line (System.CommandLine): its options, checks and help, and how a parse becomes settings. Servers
    /// listen on 127.0.0.1 only, on free ports; each run starts a fresh server process.
    /// </summary>
    public static (RootCommand Root, Func<ParseResult, LoadOptions> Read) Command()
    {
        var defaults = new LoadOptions();
        var concurrency = new Option<string>("--concurrency", "-c")
        {
            Description = "Concurrent workers, one run per value, e.g. 1,8,32 (1-512 each).", DefaultValueFactory = _ => "32",
        };
        concurrency.Validators.Add(result =>
        {
            var values = result.GetValueOrDefault<string>().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.Length == 0 || values.Any(v => !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c is < 1 or > 512))
                result.AddError("--concurrency takes values from 1 to 512");
        });
        var warmup = Ranged("--warmup", "Seconds of unmeasured load before each run (1-60).", defaults.Warmup.TotalSeconds, 1, 60);
        var duration = Ranged("--duration", "Measured seconds per run (1-300).", defaults.Duration.TotalSeconds, 1, 300);
        duration.Aliases.Add("-d");
        var rounds = Ranged("--rounds", "Bot and echo runs per concurrency, alternating (1-9); the verdict takes the median ratio.", defaults.Rounds, 1, 9);
        var mix = new Option<string>("--mix")
        {
            Description = "all: every question in Questions.cs, drawn with Zipf popularity (s = 1, seeded); scorecard: only the committee scorecard questions.",
            DefaultValueFactory = _ => "all",
        }.AcceptOnlyFromAmong("all", "scorecard");
        var cache = new Option<string>("--cache")
        {
            Description = "off passes Answers__CacheSize=0 to the bot, so every answer is drawn and written afresh.", DefaultValueFactory = _ => "on",
        }.AcceptOnlyFromAmong("on", "off");
        var chats = new Option<string>("--chats")
        {
            Description = "worker: each worker is one officer in one personal chat; turn: every turn in a new chat (state never found, always inserted).",
            DefaultValueFactory = _ => "worker",
        }.AcceptOnlyFromAmong("worker", "turn");
        var noBuild = new Option<bool>("--no-build") { Description = "Use the existing Release outputs instead of building them first." };
        var botOnly = new Option<bool>("--bot-only") { Description = "Run the bot only." };
        var echoOnly = new Option<bool>("--echo-only") { Description = "Run the echo floor only." };
        var botDll = new Option<string?>("--bot-dll") { Description = "A built ScorecardBot.dll (default src/ScorecardBot/bin/Release/net10.0)." };
        var echoDll = new Option<string?>("--echo-dll") { Description = "A built EchoBot.dll (default benchmarks/EchoBot/bin/Release/net10.0)." };
        var serverEnv = Pairs("--server-env", "An environment variable for both servers as KEY=VALUE (repeatable), e.g. DOTNET_TieredCompilation=0.");
        var root = new RootCommand("Drives question turns through the real bot's HTTP endpoint and the echo floor (benchmarks/EchoBot), each as its own process.")
        {
            concurrency, warmup, duration, rounds, mix, cache, chats, noBuild, botOnly, echoOnly, botDll, echoDll, serverEnv,
        };
        return (root, parse => new LoadOptions
        {
            Concurrency = parse.GetValue(concurrency)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList(),
            Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
            Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
            Rounds = parse.GetValue(rounds),
            Mix = parse.GetValue(mix) == "scorecard" ? Mix.Scorecard : Mix.All,
            Cache = parse.GetValue(cache) != "off",
            Chats = parse.GetValue(chats) == "turn" ? Chats.PerTurn : Chats.PerWorker,
            Build = !parse.GetValue(noBuild),
            RunBot = !parse.GetValue(echoOnly),
            RunEcho = !parse.GetValue(botOnly),
            BotDll = parse.GetValue(botDll) is { } bot ? Path.GetFullPath(bot) : null,
            EchoDll = parse.GetValue(echoDll) is { } echo ? Path.GetFullPath(echo) : null,
            ServerEnvironment = parse.GetPairs(serverEnv),
        });
    }

    /// <summary>The bot process's own settings for this run, beside <see cref="ServerEnvironment"/>.</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment() =>
        Cache ? ServerEnvironment : new Dictionary<string, string>(ServerEnvironment) { ["Answers__CacheSize"] = "0" };
}
