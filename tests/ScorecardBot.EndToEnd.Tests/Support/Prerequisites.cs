using System.Reflection;

namespace ScorecardBot.EndToEnd.Tests.Support;

/// <summary>
/// Where the built bot, Node, the Playground and Chromium are. Anything missing throws with the command that installs
/// it: these tests fail rather than skip, so a CI machine without them cannot pass silently.
/// </summary>
public static class Prerequisites
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DriverFolder => Path.Combine(RepositoryRoot, "tests", "playground-e2e");

    public static string BotAssembly()
    {
        var configuration = typeof(Prerequisites).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BotConfiguration").Value ?? "Debug";
        var path = Path.Combine(RepositoryRoot, "src", "ScorecardBot", "bin", configuration, "net10.0", "ScorecardBot.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The bot is not built at {path}. Build it first: dotnet build ScorecardBot.sln -c {configuration}");
    }

    public static string Node()
    {
        var node = FindOnPath("node");
        return node ?? throw new InvalidOperationException("Node.js (20 or later) is not on PATH. Install it: apt-get install -y nodejs npm");
    }

    public static string PlaygroundCli() => DriverPackage(Path.Combine("@microsoft", "m365agentsplayground", "cli.js"));

    public static string PlaywrightCore() => DriverPackage("playwright-core");

    public static string Chromium() => File.Exists(ChromiumPath)
        ? ChromiumPath
        : throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Install it: apt-get install -y chromium");

    private static string DriverPackage(string relative)
    {
        var path = Path.Combine(DriverFolder, "node_modules", relative);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing. Install the Playground driver's packages: (cd tests/playground-e2e && npm ci)");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScorecardBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No ScorecardBot.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
