using BenchmarkDotNet.Running;
using ScorecardBot.Benchmarks;

// `-- --fingerprint` prints a digest of every computed value and status, to show an optimisation changed no result.
if (args is ["--fingerprint"])
{
    Console.WriteLine(GeneratedScorecard.Create().Fingerprint());
    return;
}

// `-- --import [rows] [--postgres CONNECTION]` times the real CLI importing a generated scorecard's figures.
if (args is ["--import", ..])
{
    var rows = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 100_000;
    var at = Array.IndexOf(args, "--postgres");
    await ImportBenchmark.RunAsync(rows, at >= 0 && at + 1 < args.Length ? args[at + 1] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScorecardBenchmarks).Assembly).Run(args);
