using System.Text.Json;
using System.Text.Json.Nodes;
using ScorecardBot.EndToEnd.Tests.Support;

namespace ScorecardBot.EndToEnd.Tests;

/// <summary>
/// The Playground's own web page in headless Chromium: the Teams-like client that renders the bot's Adaptive Cards.
/// tests/playground-e2e/browser.mjs does the clicking and typing and saves screenshots; this test judges what it saw.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class BrowserTests(PlaygroundFixture playground, ITestOutputHelper output)
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "playground-screenshots");

    [Fact]
    public async Task The_rendered_answer_card_shows_the_status_and_its_button_asks_the_next_question()
    {
        Prerequisites.Chromium();
        Prerequisites.PlaywrightCore();
        if (Directory.Exists(ScreenshotFolder)) Directory.Delete(ScreenshotFolder, recursive: true);

        using var driver = ChildProcess.Start("the browser driver", Prerequisites.Node(),
            [Path.Combine(Prerequisites.DriverFolder, "browser.mjs"), playground.PlaygroundUri.ToString(), ScreenshotFolder],
            Prerequisites.DriverFolder,
            new Dictionary<string, string> { ["CHROMIUM_PATH"] = Prerequisites.ChromiumPath, ["E2E_BUTTON"] = "Year to date" });
        var exitCode = await driver.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var report = driver.Output.Split('\n').LastOrDefault(l => l.StartsWith('{')) is { } json ? JsonNode.Parse(json)!.AsObject() : null;
        foreach (var shot in report?["screenshots"]?.AsArray() ?? []) output.WriteLine($"screenshot: {shot}");
        Assert.True(exitCode == 0 && report?["ok"]?.GetValue<bool>() == true,
            $"The browser driver failed (exit {exitCode}). Its output:\n{driver.Output}\n{playground.Logs}");

        Assert.Contains("Above Target", Strings(report!["answerTexts"]));
        Assert.Contains("29 of 33 BOCUs", Strings(report["answerTexts"]));
        Assert.Contains("Year to date", Strings(report["answerButtons"]));
        Assert.StartsWith("CTIO coverage · 2007/8 year to date", Strings(report["buttonTexts"]).First());
        Assert.Equal(1, report["welcomeCount"]!.GetValue<int>());
        Assert.Empty(Strings(report["pageErrors"]));
        Assert.True(File.Exists(Path.Combine(ScreenshotFolder, "answer-card.png")), "The answer card's screenshot was not saved.");
    }

    private static List<string> Strings(JsonNode? node) =>
        node?.Deserialize<List<string>>() ?? throw new InvalidOperationException("The browser driver's report lacks a field.");
}
