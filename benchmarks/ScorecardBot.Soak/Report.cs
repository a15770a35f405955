using ScorecardBot.LoadTest;

namespace ScorecardBot.Soak;

/// <summary>The soak's figures, and whether the aim was met: no 5xx, no lost or duplicated figure or alert, memory flat.</summary>
public static class Report
{
    /// <summary>
    /// Memory is flat when each instance's live managed heap at the end is within this share of what it was a minute
    /// into the traffic (at the start, before any turn, caches, JIT and pools are still empty). Judged only on a run of
    /// two minutes or more. The working set is printed beside it but not judged: the server GC grows and shrinks what
    /// it keeps committed between collections by far more than this.
    /// </summary>
    public const double FlatGrowth = 0.20;

    private static readonly TimeSpan Warm = TimeSpan.FromMinutes(1);

    public static bool Print(
        TextWriter output, SoakOptions options, Soak soak, IReadOnlyList<ServerProcess> instances, FigureResult figures, AlertResult alerts, bool drained)
    {
        var tally = soak.Tally;
        var seconds = soak.Elapsed.TotalSeconds;
        output.WriteLine();
        output.WriteLine($"  turns      {tally.Turns:N0} in {seconds:0} s, {tally.Turns / seconds:0.0} a second ({string.Join(", ", Tally.Kinds.Select(k => $"{k} {tally.Count(k):N0}"))})");
        output.WriteLine($"  errors     {tally.ServerErrors + tally.OtherErrors} (5xx {tally.ServerErrors}, other {tally.OtherErrors})");
        foreach (var error in tally.FirstErrors) output.WriteLine($"             {error}");
        output.WriteLine($"  latency    p50 {tally.Percentile(50):0.0} ms, p99 {tally.Percentile(99):0.0} ms over every turn; " +
            string.Join("; ", Tally.Kinds.Select(k => $"{k} {tally.Percentile(50, k):0.0} / {tally.Percentile(99, k):0.0} ms")));
        output.WriteLine($"  figures    {figures.Accepted:N0} saves confirmed in {soak.Ledgers.Count} months ({figures.Stale} stale, {figures.Refused} refused): " +
            $"lost {figures.Lost}, duplicated {figures.Duplicated}; {figures.AnswersChecked} answers from both instances checked against the last save");
        output.WriteLine($"  alerts     {soak.AlertRunsQueued} of {tally.Count(Tally.AlertRun)} alert runs queued cards; {alerts.Queued} cards queued, {alerts.Delivered} delivered, " +
            $"duplicated {alerts.Duplicated}, undelivered {alerts.Undelivered}, over Teams' limits {alerts.OverLimits}{(drained ? "" : " (the outbox had not drained after 120 s)")}");
        foreach (var problem in figures.Problems.Concat(alerts.Problems).Take(20)) output.WriteLine($"             {problem}");

        var memory = soak.Memory;
        var judged = options.Duration >= 2 * Warm;
        var growth = new List<double>();
        for (var i = 0; i < instances.Count; i++)
        {
            var (peak, _) = instances[i].Memory();
            output.WriteLine($"  memory     {instances[i].Name}: working set {memory[0].RssMiB[i]:0} MiB at start, {memory[^1].RssMiB[i]:0} MiB at the end, " +
                $"peak {peak:0} MiB; every {options.SampleEvery.TotalMinutes:0.#} min: {string.Join(" ", memory.Select(m => $"{m.RssMiB[i]:0}"))}");
            var readings = i < soak.Runtime.Count ? soak.Runtime[i] : [];
            if (readings.Count == 0)
            {
                output.WriteLine("             live managed heap not read: dotnet-counters did not run (dotnet tool restore)");
                growth.Add(double.NaN);
                continue;
            }
            var warm = readings.FirstOrDefault(r => r.At >= soak.StartedAt + Warm) ?? readings[0];
            var end = readings[^1];
            growth.Add(end.LiveHeapMiB / warm.LiveHeapMiB - 1);
            output.WriteLine($"             live managed heap {warm.LiveHeapMiB:0.0} MiB at {(warm.At - soak.StartedAt).TotalMinutes:0.0} min, " +
                $"{end.LiveHeapMiB:0.0} MiB at the end ({end.LiveHeapMiB / warm.LiveHeapMiB - 1:+0%;-0%}); GC committed {warm.CommittedMiB:0} → {end.CommittedMiB:0} MiB; " +
                $"every minute: {string.Join(" ", readings.Where((_, n) => n % 12 == 0).Append(end).Select(r => $"{r.LiveHeapMiB:0}"))}");
        }

        var misses = new List<string>();
        if (tally.ServerErrors > 0) misses.Add($"{tally.ServerErrors} 5xx answers");
        if (tally.OtherErrors > 0) misses.Add($"{tally.OtherErrors} other errors");
        if (figures.Lost + figures.Duplicated > 0 || figures.Problems.Count > 0) misses.Add("figures lost, duplicated or answered wrongly");
        if (alerts.Duplicated + alerts.Undelivered + alerts.OverLimits > 0 || alerts.Problems.Count > 0 || !drained) misses.Add("alerts duplicated, undelivered or over the limits");
        if (figures.Accepted == 0 || tally.Count(Tally.AlertRun) == 0) misses.Add("no save or no alert run: nothing was proved");
        if (growth.Any(double.IsNaN)) misses.Add("the live managed heap was not read");
        else if (!judged) output.WriteLine($"  (memory not judged: a run shorter than {2 * Warm.TotalMinutes:0} minutes)");
        else if (growth.Any(g => g > FlatGrowth)) misses.Add($"the live managed heap grew by more than {FlatGrowth:0%}");
        output.WriteLine(misses.Count == 0
            ? $"Aim met: no 5xx, no error, no figure or alert lost or duplicated{(judged ? ", memory flat" : "")}."
            : $"Aim missed: {string.Join("; ", misses)}.");
        return misses.Count == 0;
    }
}
