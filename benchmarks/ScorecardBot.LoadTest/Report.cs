namespace ScorecardBot.LoadTest;

/// <summary>The printed figures: one row per run, then the bot against the echo floor and the issues' aims.</summary>
public static class Report
{
    // Issue 3: absolute throughput and p99. Issue 8: a question turn costs at most twice an echo turn, p99 included.
    private const double AimTurnsPerSecond = 500, AimP99Ms = 50, AimCostRatio = 2, AimP99Ratio = 2;

    public static void Print(IReadOnlyList<RunResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| server | conc | round | turns/s | p50 ms | p90 ms | p99 ms | max ms | errors | peak MiB (VmHWM) | RSS MiB at end | server CPU ms/turn | client CPU ms/turn | reply KB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Target} | {r.Concurrency} | {r.Round} | {r.TurnsPerSecond:0} | {r.P50Ms:0.00} | {r.P90Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.0} | {r.Errors} | {r.PeakMiB:0} | {r.RssMiB:0} | {r.ServerCpuMsPerTurn:0.000} | {r.ClientCpuMsPerTurn:0.000} | {r.ResponseBytes / 1024:0.0} |");
        }
        var groups = results.GroupBy(r => (r.Target, r.Concurrency)).Where(g => g.Count() > 1).ToList();
        if (groups.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Medians over the rounds, each column on its own:");
            Console.WriteLine("| server | conc | rounds | turns/s | p50 ms | p90 ms | p99 ms | peak MiB (VmHWM) | server CPU ms/turn | client CPU ms/turn |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var g in groups)
            {
                Console.WriteLine($"| {g.Key.Target} | {g.Key.Concurrency} | {g.Count()} | {Median(g.Select(r => r.TurnsPerSecond)):0} | {Median(g.Select(r => r.P50Ms)):0.00} | {Median(g.Select(r => r.P90Ms)):0.00} | {Median(g.Select(r => r.P99Ms)):0.00} | {Median(g.Select(r => r.PeakMiB)):0} | {Median(g.Select(r => r.ServerCpuMsPerTurn)):0.000} | {Median(g.Select(r => r.ClientCpuMsPerTurn)):0.000} |");
            }
        }
        foreach (var r in results.Where(r => r.FirstError is not null)) Console.WriteLine($"First error, {r.Target} at {r.Concurrency}: {r.FirstError}");

        var pairs = results.Where(r => r.Target == "ScorecardBot")
            .Select(bot => (Bot: bot, Echo: results.FirstOrDefault(e => e.Target == "EchoBot" && e.Concurrency == bot.Concurrency && e.Round == bot.Round)))
            .Where(p => p.Echo is not null)
            .Select(p => new Pair(p.Bot, p.Echo!))
            .ToList();
        if (pairs.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Question turn vs echo floor (bot ÷ echo cost; 1.0 = free), each round's bot against the echo run beside it:");
            Console.WriteLine("| conc | round | echo turns/s ÷ bot turns/s | bot p99 ÷ echo p99 | bot CPU/turn ÷ echo CPU/turn |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
            foreach (var pair in pairs)
            {
                Console.WriteLine($"| {pair.Bot.Concurrency} | {pair.Bot.Round} | {pair.Throughput:0.00}× | {pair.P99:0.00}× | {pair.Cpu:0.00}× |");
            }
            foreach (var group in pairs.GroupBy(p => p.Bot.Concurrency).Where(g => g.Count() > 1))
            {
                Console.WriteLine($"| {group.Key} | median | {Median(group.Select(p => p.Throughput)):0.00}× | {Median(group.Select(p => p.P99)):0.00}× | {Median(group.Select(p => p.Cpu)):0.00}× |");
            }
        }

        var bots = results.Where(r => r.Target == "ScorecardBot").ToList();
        var best = bots.GroupBy(r => r.Concurrency).Select(g => (Concurrency: g.Key, TurnsPerSecond: Median(g.Select(r => r.TurnsPerSecond)))).MaxBy(x => x.TurnsPerSecond);
        var at32 = bots.Where(r => r.Concurrency == 32).ToList();
        var pairs32 = pairs.Where(p => p.Bot.Concurrency == 32).ToList();
        var many = at32.Count > 1 ? $" (median of {at32.Count} rounds)" : "";
        Console.WriteLine();
        Console.WriteLine($"Aims at 32 concurrent{many}:");
        if (pairs32.Count > 0)
        {
            var throughput = Median(pairs32.Select(p => p.Throughput));
            var cpu = Median(pairs32.Select(p => p.Cpu));
            var p99Ratio = Median(pairs32.Select(p => p.P99));
            Console.WriteLine($"  issue 8: question turn ≤ {AimCostRatio}× an echo turn: {throughput:0.00}× by throughput, {cpu:0.00}× by server CPU per turn → {Verdict(throughput <= AimCostRatio && cpu <= AimCostRatio)}");
            Console.WriteLine($"  issue 8: p99 ≤ {AimP99Ratio}× the echo's: {p99Ratio:0.00}× → {Verdict(p99Ratio <= AimP99Ratio)}");
        }
        if (bots.Count > 0) Console.WriteLine($"  issue 3: ≥ {AimTurnsPerSecond} question turns/s: {best.TurnsPerSecond:0} at {best.Concurrency} concurrent → {Verdict(best.TurnsPerSecond >= AimTurnsPerSecond)}");
        if (at32.Count > 0)
        {
            var p99 = Median(at32.Select(r => r.P99Ms));
            Console.WriteLine($"  issue 3: p99 < {AimP99Ms} ms: {p99:0.0} ms → {Verdict(p99 < AimP99Ms)}");
        }
        Console.WriteLine("  (client and server share the machine's cores: the client's own CPU per turn is in the table.)");
    }

    private sealed record Pair(RunResult Bot, RunResult Echo)
    {
        public double Throughput => Echo.TurnsPerSecond / Bot.TurnsPerSecond;
        public double P99 => Bot.P99Ms / Echo.P99Ms;
        public double Cpu => Bot.ServerCpuMsPerTurn / Echo.ServerCpuMsPerTurn;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
