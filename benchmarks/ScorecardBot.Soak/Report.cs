using ScorecardBot.LoadTest;

namespace ScorecardBot.Soak;

/// <summary>The soak's figures, and whether the aim was met: no 5xx, no lost or duplicated figure or alert, memory flat.</summary>
public static class Report
{
    /// <summary>
    /// Memory is flat when each instance's resident memory at the end is within this share of its first sample taken
    /// with the traffic running (the one at start is before any turn: caches, JIT and pools are still empty).
    /// </summary>
    public const double FlatGrowth = 0.20;

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
        var running = memory.Count > 2 ? memory[1] : memory[0];
        var growth = new List<double>();
        for (var i = 0; i < instances.Count; i++)
        {
            var (peak, _) = instances[i].Memory();
            var start = running.RssMiB[i];
            var end = memory[^1].RssMiB[i];
            growth.Add(end / start - 1);
            output.WriteLine($"  memory     {instances[i].Name}: {memory[0].RssMiB[i]:0} MiB at start, {start:0} MiB at {running.At.TotalMinutes:0.0} min, " +
                $"{end:0} MiB at the end ({end / start - 1:+0%;-0%}), peak {peak:0} MiB; every {options.SampleEvery.TotalMinutes:0.#} min: " +
                string.Join(" ", memory.Select(m => $"{m.RssMiB[i]:0}")));
        }

        var misses = new List<string>();
        if (tally.ServerErrors > 0) misses.Add($"{tally.ServerErrors} 5xx answers");
        if (tally.OtherErrors > 0) misses.Add($"{tally.OtherErrors} other errors");
        if (figures.Lost + figures.Duplicated > 0 || figures.Problems.Count > 0) misses.Add("figures lost, duplicated or answered wrongly");
        if (alerts.Duplicated + alerts.Undelivered + alerts.OverLimits > 0 || alerts.Problems.Count > 0 || !drained) misses.Add("alerts duplicated, undelivered or over the limits");
        if (figures.Accepted == 0 || tally.Count(Tally.AlertRun) == 0) misses.Add("no save or no alert run: nothing was proved");
        if (growth.Any(g => g > FlatGrowth)) misses.Add($"memory grew by more than {FlatGrowth:0%}");
        output.WriteLine(misses.Count == 0
            ? "Aim met: no 5xx, no error, no figure or alert lost or duplicated, memory flat."
            : $"Aim missed: {string.Join("; ", misses)}.");
        return misses.Count == 0;
    }
}
