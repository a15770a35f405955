using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScorecardBot.EndToEnd.Tests.Support;

/// <summary>
/// Runs one of tests/playground-e2e's drivers against the Playground in headless Chromium and hands back its report
/// (the JSON line it prints). Each scenario saves its screenshots in a folder of its own under the test output,
/// emptied first, and lists them in the test's output.
/// </summary>
public static class BrowserDriver
{
    public static string ScreenshotFolder(string scenario) => Path.Combine(AppContext.BaseDirectory, "playground-screenshots", scenario);

    public static async Task<JsonObject> RunAsync(PlaygroundFixture playground, ITestOutputHelper output, string script, string scenario,
        IDictionary<string, string> settings, TimeSpan timeout)
    {
        Prerequisites.Chromium();
        Prerequisites.PlaywrightCore();
        var folder = ScreenshotFolder(scenario);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);

        var environment = new Dictionary<string, string>(settings) { ["CHROMIUM_PATH"] = Prerequisites.ChromiumPath };
        using var driver = ChildProcess.Start($"the browser driver {script}", Prerequisites.Node(),
            [Path.Combine(Prerequisites.DriverFolder, script), playground.PlaygroundUri.ToString(), folder],
            Prerequisites.DriverFolder, environment);
        var exitCode = await driver.WaitForExitAsync(timeout);

        var report = driver.Output.Split('\n').LastOrDefault(l => l.StartsWith('{')) is { } json ? JsonNode.Parse(json)!.AsObject() : null;
        foreach (var shot in report?["screenshots"]?.AsArray() ?? []) output.WriteLine($"screenshot: {shot}");
        Assert.True(exitCode == 0 && report?["ok"]?.GetValue<bool>() == true,
            $"The browser driver failed (exit {exitCode}). Its output:\n{driver.Output}\n{playground.Logs}");
        Assert.Empty(Strings(report!["pageErrors"]));
        return report;
    }

    public static List<string> Strings(JsonNode? node) =>
        node?.Deserialize<List<string>>() ?? throw new InvalidOperationException("The browser driver's report lacks a field.");
}
