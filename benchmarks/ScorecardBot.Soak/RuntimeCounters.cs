using System.Diagnostics;
using System.Globalization;
using CsvHelper;

namespace ScorecardBot.Soak;

/// <summary>One reading of an instance's runtime: its live managed heap and its working set, in MiB.</summary>
public sealed record RuntimeReading(DateTime At, double LiveHeapMiB, double WorkingSetMiB, double CommittedMiB);

/// <summary>
/// An instance's runtime counters as the .NET tooling reads them: <c>dotnet-counters collect</c> (this repository's
/// tool manifest) writing System.Runtime to a CSV file. The live managed heap is what the last collection left in
/// gen2, the large and the pinned object heaps: where a leak would pile up, and, unlike the working set, not moved by
/// how much memory the server GC chooses to keep committed between collections.
/// </summary>
public sealed class RuntimeCounters : IAsyncDisposable
{
    private static readonly string[] LongLived = ["gen2", "loh", "poh"];
    private readonly Process _process;
    private readonly string _file;

    private RuntimeCounters(Process process, string file) => (_process, _file) = (process, file);

    public static RuntimeCounters Start(int pid, TimeSpan every)
    {
        var file = Path.Combine(Path.GetTempPath(), $"scorecard-soak-counters-{pid}-{Guid.NewGuid():N}.csv");
        var start = new ProcessStartInfo("dotnet")
        {
            // The tool manifest is found from here upwards.
            WorkingDirectory = LoadTest.Repository.Root(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "tool", "run", "dotnet-counters", "collect", "--process-id", $"{pid}", "--counters", "System.Runtime",
                     "--format", "csv", "--output", file, "--refresh-interval", $"{Math.Max(1, (int)every.TotalSeconds)}",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet-counters.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RuntimeCounters(process, file);
    }

    /// <summary>Stops collecting (dotnet-counters quits on "q") and reads what it wrote, oldest first.</summary>
    public async Task<IReadOnlyList<RuntimeReading>> StopAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteAsync('q');
            await _process.StandardInput.FlushAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        return File.Exists(_file) ? Read(_file) : [];
    }

    private static List<RuntimeReading> Read(string file)
    {
        // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment; a line cut short by the stop is skipped.
        var options = new CsvReaderOptions
        {
            Separator = ',', SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip, FieldCountMismatch = CsvFieldCountHandling.Skip,
        };
        using var csv = CsvReader.Create(File.OpenRead(file), options, leaveOpen: false);
        var rows = new List<(DateTime At, string Counter, double Value)>();
        while (csv.Read())
        {
            if (!DateTime.TryParse(csv.GetString(0), CultureInfo.InvariantCulture, out var at)) continue;
            if (!double.TryParse(csv.GetString(4), CultureInfo.InvariantCulture, out var value)) continue;
            rows.Add((at, csv.GetString(2), value));
        }
        return rows.GroupBy(r => r.At).OrderBy(g => g.Key).Select(g =>
        {
            var heaps = g.Where(r => r.Counter.StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal)
                && LongLived.Any(h => r.Counter.Contains($"generation={h}]", StringComparison.Ordinal))).ToList();
            var workingSet = g.Where(r => r.Counter.StartsWith("dotnet.process.memory.working_set", StringComparison.Ordinal)).ToList();
            var committed = g.Where(r => r.Counter.StartsWith("dotnet.gc.last_collection.memory.committed_size", StringComparison.Ordinal)).ToList();
            // A reading before the first collection has no heap figures yet, and the last may be cut short by the stop.
            if (heaps.Count != LongLived.Length || workingSet.Count != 1 || committed.Count != 1) return null;
            const double MiB = 1024 * 1024;
            return new RuntimeReading(g.Key, heaps.Sum(r => r.Value) / MiB, workingSet[0].Value / MiB, committed[0].Value / MiB);
        })
        .OfType<RuntimeReading>().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_file);
    }
}
