using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// The built bot (src/ScorecardBot/bin/&lt;Configuration&gt;/net10.0/ScorecardBot.dll) as a process of its own, as an
/// operator starts it: settings from environment variables, Kestrel on a free loopback port, a fresh SQLite file in
/// its own folder. What it prints, its exit code and its memory are the proof; it is killed on dispose.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _everyLine = new();

    private BotProcess(Process process, string folder, Uri address)
    {
        (_process, _folder, Address) = (process, folder, address);
    }

    public Uri Address { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>Every line printed since the start (Output keeps only the last 400), for counting what it logged.</summary>
    public IReadOnlyList<string> Lines => _everyLine.ToList();

    public bool HasExited => _process.HasExited;

    public static string Assembly => Built(Path.Combine("src", "ScorecardBot"), "ScorecardBot");

    /// <summary>A program of this repository as built in this test run's configuration, e.g. a benchmark.</summary>
    public static string Built(string projectFolder, string name)
    {
        var attributes = typeof(BotProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToList();
        var root = attributes.Single(a => a.Key == "RepositoryRoot").Value!;
        var configuration = attributes.Single(a => a.Key == "BotConfiguration").Value!;
        var path = Path.Combine(root, projectFolder, "bin", configuration, "net10.0", $"{name}.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{name} is not built at {path}: build the solution first.");
    }

    /// <summary>Starts the bot; environment "Production" unless the settings say otherwise.</summary>
    public static BotProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("scorecardbot-process-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Scorecard"] = $"Data Source={Path.Combine(folder, "scorecard.db")}";
        // A bot with an app id needs a pack signing key and public address; a test that means to leave them out says so.
        if (settings.ContainsKey("MicrosoftAppId"))
        {
            start.Environment["Pack__SigningKey"] = AuthenticatedBotApp.TestPackSigningKey;
            start.Environment["Pack__PublicBaseUrl"] = "https://scorecard.example.org";
        }
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var bot = new BotProcess(process, folder, address);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>The exit code of a bot that is expected to stop by itself.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot was still running after {timeout.TotalSeconds:0} s. Its output:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until /health/ready answers 200.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The bot exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The bot was not ready within 60 s:\n{Output}");
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would: no shutdown, nothing finished or recorded.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>Resident memory now, in MiB (/proc/&lt;pid&gt;/status VmRSS).</summary>
    public double ResidentMiB() => StatusKib("VmRSS:") / 1024.0;

    /// <summary>The most resident memory since <see cref="ResetPeak"/>, in MiB (VmHWM).</summary>
    public double PeakResidentMiB() => StatusKib("VmHWM:") / 1024.0;

    /// <summary>Starts the peak anew (Linux: writing 5 to clear_refs resets VmHWM to the current resident size).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // It ended by itself, or will shortly.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private long StatusKib(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        _everyLine.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
