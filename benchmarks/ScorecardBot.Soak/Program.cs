using System.CommandLine;
using System.Globalization;
using ScorecardBot.BenchmarkSupport;
using ScorecardBot.LoadTest;
using ScorecardBot.Soak;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var duration = new Option<TimeSpan>("--duration")
{
    Description = "How long the mixed traffic runs (hh:mm:ss).",
    DefaultValueFactory = _ => TimeSpan.FromMinutes(10),
};
var workers = new Option<int>("--workers")
{
    Description = "Workers sending turns one at a time, each as its own command lead with its own month (1-12).",
    DefaultValueFactory = _ => 6,
};
var channels = new Option<int>("--channels")
{
    Description = "Team channels the bot is installed in, each receiving the alert cards (1-500).",
    DefaultValueFactory = _ => 20,
};
var alertEvery = new Option<TimeSpan>("--alert-every")
{
    Description = "How often an admin says \"run alerts for\" one of the workers' months.",
    DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
};
var sampleEvery = new Option<TimeSpan>("--sample-every")
{
    Description = "How often each instance's memory is read.",
    DefaultValueFactory = _ => TimeSpan.FromMinutes(1),
};
var seed = new Option<int>("--seed") { Description = "Seeds every worker's choices.", DefaultValueFactory = _ => 11 };
var botDll = new Option<string?>("--bot-dll") { Description = "The built bot (default: src/ScorecardBot/bin/Release/net10.0/ScorecardBot.dll)." };

var root = new RootCommand(
    "Soak: two bot instances on one throwaway PostgreSQL, mixed questions, submissions and alert runs over loopback. " +
    "Prints turns, errors, p50/p99 and each instance's memory; exits 3 when the aim (no 5xx, no lost or duplicated " +
    "figure or alert, memory flat) is missed.")
{
    duration, workers, channels, alertEvery, sampleEvery, seed, botDll,
};
duration.Checked(d => d > TimeSpan.Zero, "--duration must be more than zero.");
workers.Checked(w => w is >= 1 and <= 12, "--workers must be from 1 to 12 (one month of the financial year each).");
channels.Checked(c => c is >= 1 and <= 500, "--channels must be from 1 to 500.");
alertEvery.Checked(d => d > TimeSpan.Zero, "--alert-every must be more than zero.");
sampleEvery.Checked(d => d > TimeSpan.Zero, "--sample-every must be more than zero.");
root.SetAction(async (parse, cancellationToken) =>
{
    var options = new SoakOptions(
        parse.GetValue(duration), parse.GetValue(workers), parse.GetValue(channels), parse.GetValue(alertEvery),
        parse.GetValue(sampleEvery), parse.GetValue(seed),
        parse.GetValue(botDll) ?? Path.Combine(Repository.Root(), "src", "ScorecardBot", "bin", "Release", "net10.0", "ScorecardBot.dll"));
    AppDomain.CurrentDomain.ProcessExit += (_, _) => ServerProcess.KillAll();
    try
    {
        return await SoakRun.RunAsync(options, Console.Out, cancellationToken);
    }
    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
    {
        Console.Error.WriteLine("Stopped before the end; no figures.");
        return 130;
    }
    finally
    {
        ServerProcess.KillAll();
    }
});
return await root.Parse(args).InvokeAsync();
