namespace ScorecardBot.LoadTest;

/// <summary>The printed figures: one row per run, then the bot against the echo floor and the aims.</summary>
public static class Report
{
    private const double AimTurnsPerSecond = 500, AimP99Ms = 50, AimCostRatio = 2;

    public static void Print(IReadOnlyList<RunResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| server | conc | turns/s | p50 ms | p90 ms | p99 ms | max ms | errors | peak MiB (VmHWM) | RSS MiB at end | server CPU ms/turn | client CPU ms/turn | reply KB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Target} | {r.Concurrency} | {r.TurnsPerSecond:0} | {r.P50Ms:0.00} | {r.P90Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.0} | {r.Errors} | {r.PeakMiB:0} | {r.RssMiB:0} | {r.ServerCpuMsPerTurn:0.000} | {r.ClientCpuMsPerTurn:0.000} | {r.ResponseBytes / 1024:0.0} |");
        }
        foreach (var r in results.Where(r => r.FirstError is not null)) Console.WriteLine($"First error, {r.Target} at {r.Concurrency}: {r.FirstError}");

        var pairs = results.Where(r => r.Target == "ScorecardBot")
            .Select(bot => (Bot: bot, Echo: results.FirstOrDefault(e => e.Target == "EchoBot" && e.Concurrency == bot.Concurrency)))
            .Where(p => p.Echo is not null)
            .ToList();
        if (pairs.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Question turn vs echo floor (bot ÷ echo cost; 1.0 = free):");
            Console.WriteLine("| conc | echo turns/s ÷ bot turns/s | bot p99 ÷ echo p99 | bot CPU/turn ÷ echo CPU/turn |");
            Console.WriteLine("| ---: | ---: | ---: | ---: |");
            foreach (var (bot, echo) in pairs)
            {
                Console.WriteLine($"| {bot.Concurrency} | {echo!.TurnsPerSecond / bot.TurnsPerSecond:0.00}× | {bot.P99Ms / echo.P99Ms:0.00}× | {bot.ServerCpuMsPerTurn / echo.ServerCpuMsPerTurn:0.00}× |");
            }
        }

        var best = results.Where(r => r.Target == "ScorecardBot").MaxBy(r => r.TurnsPerSecond);
        var at32 = results.FirstOrDefault(r => r.Target == "ScorecardBot" && r.Concurrency == 32);
        var pair32 = pairs.FirstOrDefault(p => p.Bot.Concurrency == 32);
        Console.WriteLine();
        Console.WriteLine("Aims (issue 3):");
        if (best is not null) Console.WriteLine($"  ≥ {AimTurnsPerSecond} question turns/s: {best.TurnsPerSecond:0} at {best.Concurrency} concurrent → {Verdict(best.TurnsPerSecond >= AimTurnsPerSecond)}");
        if (at32 is not null) Console.WriteLine($"  p99 < {AimP99Ms} ms at 32 concurrent: {at32.P99Ms:0.0} ms → {Verdict(at32.P99Ms < AimP99Ms)}");
        if (pair32.Echo is not null)
        {
            var ratio = pair32.Echo.TurnsPerSecond / pair32.Bot.TurnsPerSecond;
            Console.WriteLine($"  question turn < {AimCostRatio}× the echo floor at 32 concurrent: {ratio:0.00}× by throughput → {Verdict(ratio < AimCostRatio)}");
        }
        Console.WriteLine("  (client and server share the machine's cores: the client's own CPU per turn is in the table.)");
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
