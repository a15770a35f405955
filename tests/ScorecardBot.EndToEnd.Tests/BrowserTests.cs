using ScorecardBot.EndToEnd.Tests.Support;
using static ScorecardBot.EndToEnd.Tests.Support.BrowserDriver;

namespace ScorecardBot.EndToEnd.Tests;

/// <summary>
/// The Playground's own web page in headless Chromium: the Teams-like client that renders the bot's Adaptive Cards.
/// tests/playground-e2e/browser.mjs does the clicking and typing and saves screenshots; this test judges what it saw.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class BrowserTests(PlaygroundFixture playground, ITestOutputHelper output)
{
    [Fact]
    public async Task The_rendered_answer_card_shows_the_status_and_its_button_asks_the_next_question()
    {
        var report = await RunAsync(playground, output, "browser.mjs", "answer",
            new Dictionary<string, string> { ["E2E_BUTTON"] = "Year to date" }, TimeSpan.FromSeconds(120));

        Assert.Contains("Above Target", Strings(report["answerTexts"]));
        Assert.Contains("29 of 33 BOCUs", Strings(report["answerTexts"]));
        Assert.Contains("Year to date", Strings(report["answerButtons"]));
        Assert.StartsWith("CTIO coverage · 2007/8 year to date", Strings(report["buttonTexts"]).First());
        Assert.Equal(1, report["welcomeCount"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(ScreenshotFolder("answer"), "answer-card.png")), "The answer card's screenshot was not saved.");
    }
}
