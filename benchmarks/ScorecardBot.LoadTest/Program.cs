using System.Diagnostics;
using System.Globalization;
using System.Net;
using ScorecardBot.LoadTest;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var (command, read) = LoadOptions.Command();
var parse = command.Parse(args);
// Help, or a mistake in the arguments: System.CommandLine says so and the run ends there.
if (parse.Action is not null) return await parse.InvokeAsync();
var options = read(parse);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
    ServerProcess.KillAll();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => ServerProcess.KillAll();

var root = Repository.Root();
var botProject = Path.Combine(root, "src", "ScorecardBot", "ScorecardBot.csproj");
var echoProject = Path.Combine(root, "benchmarks", "EchoBot", "EchoBot.csproj");
var botDll = options.BotDll ?? Path.Combine(root, "src", "ScorecardBot", "bin", "Release", "net10.0", "ScorecardBot.dll");
var echoDll = options.EchoDll ?? Path.Combine(root, "benchmarks", "EchoBot", "bin", "Release", "net10.0", "EchoBot.dll");

try
{
    if (options.Build)
    {
        if (options.RunBot && options.BotDll is null && !Build(botProject)) return 1;
        if (options.RunEcho && options.EchoDll is null && !Build(echoProject)) return 1;
    }

    // One client for every run: pooled keep-alive connections, no proxy, loopback only.
    using var client = new HttpClient(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    var questions = QuestionMix.For(options.Mix);
    Console.WriteLine($"Load: {string.Join(",", options.Concurrency)} concurrent, {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds:0.#} s measured per run, {options.Rounds} round(s), expectReplies, {Environment.ProcessorCount} cores shared by client and server."
        + (options.ServerEnvironment.Count == 0 ? "" : $" Server environment: {string.Join(" ", options.ServerEnvironment.Select(e => $"{e.Key}={e.Value}"))}."));
    Console.WriteLine($"Mix: {options.Mix.ToString().ToLowerInvariant()}, {questions.Count} distinct questions drawn with Zipf popularity (s = {LoadRunner.ZipfExponent:0.0#}, seeded); {Shares(questions)}.");
    Console.WriteLine($"Answer cache: {(options.Cache ? "on (the bot's own Answers:CacheSize)" : "off (Answers__CacheSize=0)")}. Chats: {(options.Chats == Chats.PerWorker ? "one personal chat per worker" : "a new personal chat every turn")}.");
    var results = new List<RunResult>();
    foreach (var concurrency in options.Concurrency)
    {
        // Rounds alternate bot and echo, so a slow spell on the shared machine falls on both sides rather than one.
        for (var round = 1; round <= options.Rounds; round++)
        {
            if (options.RunBot) results.Add(await RunOneAsync(client, "ScorecardBot", botDll, options.BotEnvironment(), expectCard: true, concurrency, round));
            if (options.RunEcho) results.Add(await RunOneAsync(client, "EchoBot", echoDll, options.ServerEnvironment, expectCard: false, concurrency, round));
        }
    }

    Report.Print(results);
    return results.Any(r => r.Errors > 0) ? 3 : 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
finally
{
    ServerProcess.KillAll();
}

async Task<RunResult> RunOneAsync(HttpClient client, string name, string dll, IReadOnlyDictionary<string, string> environment, bool expectCard, int concurrency, int round)
{
    // A fresh process per run, so the peak memory belongs to that run alone.
    using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    await using var server = await ServerProcess.StartAsync(name, dll, environment, probe, cancellation.Token);
    Console.Write($"  {name,-13} {concurrency,3} concurrent (pid {server.Pid}, {server.BaseAddress}) ... ");
    var result = await LoadRunner.RunAsync(server, client, expectCard, concurrency, options, cancellation.Token) with { Round = round };
    Console.WriteLine($"{result.TurnsPerSecond:0} turns/s, p99 {result.P99Ms:0.0} ms, {result.Errors} errors");
    return result;
}

// What share of turns each kind of question is, by popularity: what the mix's cost is made of.
static string Shares(IReadOnlyList<Question> questions)
{
    var popularity = new Zipf(questions.Count, LoadRunner.ZipfExponent);
    return string.Join(", ", questions.GroupBy(q => q.Kind)
        .Select(g => (Kind: g.Key, Share: g.Sum(q => popularity.Share(q.Rank))))
        .OrderByDescending(k => k.Share)
        .Select(k => $"{k.Kind.ToString().ToLowerInvariant()} {k.Share * 100:0}%"));
}

static bool Build(string project)
{
    Console.WriteLine($"Building {Path.GetFileName(project)} (Release) ...");
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in new[] { "build", project, "-c", "Release", "--nologo", "-v", "q", "-clp:ErrorsOnly" }) start.ArgumentList.Add(arg);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode == 0) return true;
    Console.Error.WriteLine(output.Result + errors.Result);
    return false;
}

