using BenchmarkDotNet.Running;
using ScorecardBot.Benchmarks;

// `-- --fingerprint` prints a digest of every computed value and status, to show an optimisation changed no result.
if (args is ["--fingerprint"])
{
    Console.WriteLine(GeneratedScorecard.Create().Fingerprint());
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScorecardBenchmarks).Assembly).Run(args);
