using System.Text.RegularExpressions;

namespace ScorecardBot.EndToEnd.Tests.Support;

[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Bot behind the Agents Playground";
}

/// <summary>
/// Tests that save figures get a bot and a database of their own: a saved month changes other tests' answers (the
/// welcome card's examples name the latest month with figures).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FiguresPlaygroundCollection : ICollectionFixture<FiguresPlaygroundFixture>
{
    public const string Name = "Bot behind the Agents Playground, saving figures";
}

/// <summary>The same bot and Playground, with the Playground's own user an admin, so it may open and submit the figures forms.</summary>
public sealed class FiguresPlaygroundFixture : PlaygroundFixture
{
    protected override IReadOnlyDictionary<string, string> BotSettings { get; } =
        new Dictionary<string, string> { ["Access__Admins__0"] = PlaygroundUserAadObjectId };
}

/// <summary>
/// The month-end alerts end to end get a bot, a database and a Playground of their own: a run is told once per
/// conversation and month, and it reaches every conversation the bot has been added to, so it must not meet (or leave
/// behind) another test's figures, installs or runs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AlertsPlaygroundCollection : ICollectionFixture<AlertsPlaygroundFixture>
{
    public const string Name = "Bot behind the Agents Playground, running alerts";
}

/// <summary>The same bot and Playground as <see cref="FiguresPlaygroundFixture"/>: the Playground's own user an admin.</summary>
public sealed class AlertsPlaygroundFixture : PlaygroundFixture
{
    protected override IReadOnlyDictionary<string, string> BotSettings { get; } =
        new Dictionary<string, string> { ["Access__Admins__0"] = PlaygroundUserAadObjectId };
}

/// <summary>
/// The whole journey (welcome, question, form, alert in the channel, follow-up) gets a bot, a database and a Playground
/// of its own: it saves figures, adds the bot to the team and runs the alerts, which must not meet another test's.
/// </summary>
[CollectionDefinition(Name)]
public sealed class JourneyPlaygroundCollection : ICollectionFixture<JourneyPlaygroundFixture>
{
    public const string Name = "Bot behind the Agents Playground, the whole journey";
}

/// <summary>The same bot and Playground as <see cref="AlertsPlaygroundFixture"/>: the Playground's own user an admin.</summary>
public sealed class JourneyPlaygroundFixture : PlaygroundFixture
{
    protected override IReadOnlyDictionary<string, string> BotSettings { get; } =
        new Dictionary<string, string> { ["Access__Admins__0"] = PlaygroundUserAadObjectId };
}

/// <summary>
/// The real bot (the built ScorecardBot.dll, its own process, a fresh SQLite file seeded on start) with the real
/// Microsoft 365 Agents Playground in front of it, both on free loopback ports, both ended with their process trees.
/// It builds nothing: the solution is built before the tests run.
/// </summary>
public partial class PlaygroundFixture : IAsyncLifetime
{
    /// <summary>The AAD object id the Playground gives its own user (checked against its config once it runs).</summary>
    public const string PlaygroundUserAadObjectId = "00000000-0000-0000-0000-0000000000020";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string workFolder = Directory.CreateTempSubdirectory("scorecard-e2e-").FullName;
    private ChildProcess? bot;
    private ChildProcess? playground;

    public Uri BotUri { get; private set; } = null!;

    public Uri PlaygroundUri { get; private set; } = null!;

    public PlaygroundClient Client { get; private set; } = null!;

    /// <summary>Settings given to the bot on top of the fixture's own, in environment form ("Access__Admins__0").</summary>
    protected virtual IReadOnlyDictionary<string, string> BotSettings { get; } = new Dictionary<string, string>();

    /// <summary>Both processes' recent output, for failure messages.</summary>
    public string Logs => $"--- bot ---\n{bot?.Output}\n--- playground ---\n{playground?.Output}";

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // A fixture that fails to start is not always disposed: end what did start.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var botAssembly = Prerequisites.BotAssembly();
        var node = Prerequisites.Node();
        var playgroundCli = Prerequisites.PlaygroundCli();

        var botPort = ChildProcess.FreeLoopbackPort();
        BotUri = new Uri($"http://127.0.0.1:{botPort}");
        var settings = new Dictionary<string, string>
        {
            // As `dotnet run` starts it: Development, where no app id means no authentication, as the Playground needs
            // (and where the Playground's own user is an admin, as a new user trying the bot finds it).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Scorecard"] = $"Data Source={Path.Combine(workFolder, "scorecard.db")}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in BotSettings) settings[key] = value;
        bot = ChildProcess.Start("the bot", "dotnet", [botAssembly, "--urls", BotUri.ToString().TrimEnd('/')], workFolder, settings);
        await WaitUntilAsync(bot, async http => (await http.GetAsync(new Uri(BotUri, "/health/ready"))).IsSuccessStatusCode);

        // The Playground opens a browser after it starts listening and exits when it cannot: give it an xdg-open that does nothing.
        var stubs = Directory.CreateDirectory(Path.Combine(workFolder, "bin")).FullName;
        var xdgOpen = Path.Combine(stubs, "xdg-open");
        await File.WriteAllTextAsync(xdgOpen, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(xdgOpen, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var playgroundPort = ChildProcess.FreeLoopbackPort();
        PlaygroundUri = new Uri($"http://localhost:{playgroundPort}");
        var listeningOn = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        playground = ChildProcess.Start("the Playground", node,
            [playgroundCli, "-e", new Uri(BotUri, "/api/messages").ToString(), "-c", "msteams", "--disable-telemetry", "-p", playgroundPort.ToString()],
            workFolder, new Dictionary<string, string> { ["PATH"] = stubs + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") });
        playground.LineWritten += line =>
        {
            if (ListeningLine().Match(line) is { Success: true } m) listeningOn.TrySetResult(int.Parse(m.Groups[1].Value));
        };
        if (ListeningLine().Match(playground.Output) is { Success: true } early) listeningOn.TrySetResult(int.Parse(early.Groups[1].Value));

        await WaitUntilAsync(playground, async http =>
        {
            // It falls back to a random port, silently, when the one asked for is taken.
            if (listeningOn.Task.IsCompleted && listeningOn.Task.Result != playgroundPort)
            {
                throw new InvalidOperationException($"The Playground was asked for port {playgroundPort} but listens on {listeningOn.Task.Result}.");
            }
            return listeningOn.Task.IsCompleted && (await http.GetAsync(new Uri(PlaygroundUri, "/_internal/v1/config"))).IsSuccessStatusCode;
        });

        Client = new PlaygroundClient(PlaygroundUri);
        await Client.LoadConfigAsync();
        if (Client.CurrentUserAadObjectId != PlaygroundUserAadObjectId)
        {
            throw new InvalidOperationException(
                $"The Playground's user has AAD object id {Client.CurrentUserAadObjectId}, not {PlaygroundUserAadObjectId}: update PlaygroundUserAadObjectId.");
        }
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        playground?.Dispose();
        bot?.Dispose();
        try
        {
            Directory.Delete(workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is going away; the temp folder is cleaned by the system.
        }
        return Task.CompletedTask;
    }

    private static async Task WaitUntilAsync(ChildProcess process, Func<HttpClient, Task<bool>> ready)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited while starting. Its output:\n{process.Output}");
            }
            try
            {
                if (await ready(http)) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{process.Name} was not ready within {StartTimeout.TotalSeconds:0} s. Its output:\n{process.Output}");
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}
