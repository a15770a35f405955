using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Tests;

namespace ScorecardBot.Benchmarks;

/// <summary>
/// `-- --import [rows]`: the real CLI, started as its own process, imports a generated scorecard's figures into a fresh
/// SQLite file and into a database on a throwaway PostgreSQL server (started as the storage tests start theirs), then
/// imports the same file again (every row checked, nothing to save). Prints elapsed wall time (process start to exit,
/// so .NET's start-up is in it), rows per second, the CLI's CPU time (user + system; PostgreSQL's own is not in it),
/// and its peak resident memory (VmHWM, polled from /proc). CPU time says more than wall time on a shared machine, so
/// the load average is printed too. Not BenchmarkDotNet: one import takes seconds and changes the database.
/// </summary>
public static class ImportBenchmark
{
    public static async Task RunAsync(int rows, string? postgresConnectionString)
    {
        var folder = Directory.CreateTempSubdirectory("scorecard-import-bench-");
        try
        {
            // About 20 single months per measure in a year, so this many measures give the rows asked for.
            var scorecard = GeneratedScorecard.Create(measureCount: rows / 19 + 1);
            var definition = Path.Combine(folder.FullName, "generated.json");
            await File.WriteAllTextAsync(definition, scorecard.Json[0]);
            var file = Path.Combine(folder.FullName, "figures.csv");
            await using (var text = new StreamWriter(file, false, new UTF8Encoding(false)))
            {
                scorecard.WriteImportCsv(text, rows);
            }
            var written = File.ReadLines(file).Count() - 1;
            if (written != rows) throw new InvalidOperationException($"The generated file has {written} rows, not {rows}.");

            Console.WriteLine($"Import of {rows:N0} rows ({new FileInfo(file).Length / 1024.0 / 1024:0.0} MiB; "
                + $"{scorecard.Years[0].Measures.Count:N0} generated measures of one command, 12 months), "
                + $"{Environment.ProcessorCount} cores, load average {LoadAverage()}:");
            Console.WriteLine("| database | run | elapsed s | rows/s | CLI CPU s | peak MiB (VmHWM) | the CLI's summary |");
            Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");

            var sqlite = new StorageOptions
            {
                Provider = StorageProvider.Sqlite,
                ConnectionString = $"Data Source={Path.Combine(folder.FullName, "scorecard.db")}",
            };
            await MeasureAsync("SQLite", sqlite, definition, file, rows);

            if (postgresConnectionString is not null)
            {
                var given = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = postgresConnectionString };
                await MeasureAsync("PostgreSQL (given)", given, definition, file, rows);
                return;
            }
            var server = new PostgresServer();
            await server.InitializeAsync();
            try
            {
                await MeasureAsync("PostgreSQL", await server.CreateEmptyDatabaseAsync(), definition, file, rows);
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The schema made first, so the first import is timed saving figures, not creating tables.</summary>
    private static async Task MeasureAsync(string name, StorageOptions storage, string definition, string file, int rows)
    {
        await new ScorecardDatabase(storage).MigrateAsync();
        foreach (var run in new[] { "first import", "same file again" })
        {
            var cpu = ChildrenCpu();
            var (elapsed, peakMiB, summary) = await ImportAsync(storage, definition, file);
            cpu = ChildrenCpu() - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {run} | {elapsed.TotalSeconds:0.00} | {rows / elapsed.TotalSeconds:N0} | {cpu.TotalSeconds:0.00} "
                + $"| {peakMiB:N0} | {summary} |"));
        }
        Console.WriteLine($"(load average after {name}: {LoadAverage()})");
    }

    private static async Task<(TimeSpan Elapsed, double PeakMiB, string Summary)> ImportAsync(
        StorageOptions storage, string definition, string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ScorecardBot.Cli.dll"),
            $"--Storage:Provider={storage.Provider}",
            $"--ConnectionStrings:Scorecard={storage.ConnectionString}",
            $"--Scorecard:DefinitionPath={definition}",
            "--Scorecard:SeedPath=",
            "import", file, "--as", "import benchmark",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = 0.0;
        // VmHWM only grows, so the last reading before exit is the peak, give or take the final 20 ms.
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakMiB(process.Id));
            await Task.Delay(20);
        }
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The import failed ({process.ExitCode}): {await error}");
        var summary = (await output).Trim();
        return (clock.Elapsed, peak, summary[summary.IndexOf(':', StringComparison.Ordinal)..].TrimStart(':', ' '));
    }

    private static double PeakMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is null) return 0;
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>User + system time of every child this process has waited for (the CLI runs one at a time).</summary>
    private static TimeSpan ChildrenCpu()
    {
        if (GetRUsage(RUsageChildren, out var usage) != 0) throw new InvalidOperationException("getrusage failed.");
        return TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds)
            + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    private const int RUsageChildren = -1;

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    /// <summary>Linux's struct rusage on 64-bit: two timevals, then fourteen longs this benchmark does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }
}
