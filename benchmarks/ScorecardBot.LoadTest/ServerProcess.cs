using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ScorecardBot.LoadTest;

/// <summary>
/// One server under test: `dotnet &lt;dll&gt; --urls http://127.0.0.1:&lt;free port&gt;` in its own temp folder, with a fresh
/// SQLite file. Killed (with its tree) on dispose and by <see cref="KillAll"/> on Ctrl+C or process exit.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly List<ServerProcess> Running = [];
    private readonly Process _process;
    private readonly string _folder;
    private readonly Queue<string> _output = new();

    public string Name { get; }
    public Uri BaseAddress { get; }
    public int Pid => _process.Id;

    private ServerProcess(string name, Process process, string folder, Uri baseAddress)
    {
        Name = name;
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public static async Task<ServerProcess> StartAsync(string name, string dll, IReadOnlyDictionary<string, string> environment, HttpClient client, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{name}: {dll} not found (build it, or drop --no-build)", dll);
        var folder = Directory.CreateTempSubdirectory("scorecard-load-").FullName;
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__Scorecard"] = $"Data Source={Path.Combine(folder, "scorecard.db")}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Load runs talk to the bot without Bot Framework tokens; outside Development the bot must be told that is meant.
        start.Environment["Bot__AllowUnauthenticated"] = "true";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: could not start dotnet");
        var server = new ServerProcess(name, process, folder, baseAddress);
        lock (Running) Running.Add(server);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await server.WaitHealthyAsync(client, cancellationToken);
        return server;
    }

    /// <summary>Peak resident memory (VmHWM) and current resident memory (VmRSS) in MiB, from /proc.</summary>
    public (double PeakMiB, double RssMiB) Memory()
    {
        double peak = 0, rss = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kib(line) / 1024.0;
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kib(line) / 1024.0;
        }
        return (peak, rss);
    }

    /// <summary>User + system CPU time the server has used so far, from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string RecentOutput()
    {
        lock (_output) return string.Join(Environment.NewLine, _output);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }
        lock (Running) Running.Remove(this);
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static void KillAll()
    {
        lock (Running)
        {
            foreach (var server in Running) server.Kill();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private async Task WaitHealthyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was healthy:\n{RecentOutput()}");
            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "healthz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"{Name} did not answer GET /healthz with 200 within 60 s:\n{RecentOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 50) _output.Dequeue();
        }
    }

    private static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
