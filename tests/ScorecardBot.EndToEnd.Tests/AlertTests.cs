using System.Text.Json.Nodes;
using ScorecardBot.EndToEnd.Tests.Support;
using static ScorecardBot.EndToEnd.Tests.Support.BrowserDriver;

namespace ScorecardBot.EndToEnd.Tests;

/// <summary>
/// A month-end alert from end to end in the Playground's web page, in headless Chromium: the bot is added to the team's
/// channel (opening the channel installs it there), the admin submits figures that put the hotline More Than 10% Outside
/// Target, says "run alerts for September 2007", and the alert card appears in the channel, sent by the bot on its own
/// through the Playground's mocked connector. tests/playground-e2e/alert.mjs does the clicking and typing and saves a
/// screenshot of each step; these tests judge what it saw, and what the Playground's conversation stream carried.
/// </summary>
[Collection(AlertsPlaygroundCollection.Name)]
public sealed class AlertTests(AlertsPlaygroundFixture playground, ITestOutputHelper output)
{
    private const string Channel = "My Team - General";
    private const string AlertHeading = "Month-end alert · September 2007";
    private const string Hotline = "5 Hotline calls answered within set time (CTC)";

    [Fact]
    public async Task Figures_outside_target_and_run_alerts_bring_the_alert_card_into_the_teams_channel()
    {
        var channelId = Assert.Contains(Channel, playground.Client.ChannelIds);
        var typed = new JsonObject();
        foreach (var (label, value) in CtcFigures) typed[label] = value;
        var settings = new Dictionary<string, string>
        {
            ["E2E_CHANNEL"] = Channel,
            ["E2E_CHAT"] = "Personal Chat",
            ["E2E_REQUEST"] = "submit CTC figures for September 2007",
            ["E2E_FIGURES"] = typed.ToJsonString(),
            ["E2E_RUN"] = "run alerts for September 2007",
            ["E2E_ALERT"] = AlertHeading,
            ["E2E_ALERT_WAIT"] = "30000",
        };

        // Opened before the page loads, so every message the bot sends through the Playground is seen here too.
        await using var stream = await playground.Client.OpenStreamAsync();
        // Three installs, a form, a submit, a run and a proactive send, on a machine shared with other builds.
        var report = await RunAsync(playground, output, "alert.mjs", "alert-channel", settings, TimeSpan.FromMinutes(5));
        var sent = await stream.DrainAllAsync(TimeSpan.FromSeconds(2));

        // 1. Opening the channel added the bot to the team, which greeted the channel once.
        Assert.Equal(1, report["channelWelcomeCount"]!.GetValue<int>());
        Assert.DoesNotContain(AlertHeading, Strings(report["channelHeadingsBefore"]));

        // 2–3. The form for September, submitted with the hotline at 300 of 400: the confirmation says it slipped.
        Assert.Equal("CTC figures · September 2007", Strings(report["formTexts"]).First());
        Assert.Equal(200, report["invokeStatus"]!.GetValue<int>());
        var confirmation = Strings(report["confirmationTexts"]);
        Assert.Equal("Saved · CTC · September 2007", confirmation.First());
        Assert.Contains("75%", confirmation);
        Assert.Contains("More Than 10% Outside Target", confirmation);
        Assert.Contains("300 of 400 calls · target 85%", confirmation);

        // 4. The run tells the admin the hotline slipped and that the channel's card is on its way.
        var run = Strings(report["runTexts"]);
        Assert.Equal("Alerts run · September 2007", run.First());
        Assert.Contains("Outside target: 5 Hotline calls answered within set time (75%).", run);
        Assert.Contains("My Team", run);
        Assert.Contains("alert on measure 5", run);

        // 5. The alert card, drawn in the channel: once, naming the hotline, its 75% and the Key's wording.
        Assert.Equal(1, report["alertCount"]!.GetValue<int>());
        var alert = Strings(report["alertTexts"]);
        Assert.Equal(AlertHeading, alert.First());
        Assert.Contains("1 measure was more than 10% outside target in September 2007.", alert);
        Assert.Contains(Hotline, alert);
        Assert.Contains("75%", alert);
        Assert.Contains("More Than 10% Outside Target", alert);
        Assert.Contains("300 of 400 calls · target 85% · 11.8% outside target", alert);
        Assert.Equal(new[] { "Measure 5", "Why", "Scorecard for September 2007" }, Strings(report["alertButtons"]));
        // The channel holds its greeting and the alert, nothing else; the chat the run was said in has no alert.
        Assert.Equal(new[] { "Hello, I'm the Scorecard bot", AlertHeading }, Strings(report["channelHeadingsAfter"]).Order(StringComparer.Ordinal));
        Assert.Equal(1, report["channelWelcomeCountAfter"]!.GetValue<int>());
        Assert.Equal(0, report["chatAlertCount"]!.GetValue<int>());

        // What the Playground received from the bot: one alert card, addressed to the channel's own conversation.
        var alerts = sent.Where(m => IsAlert(m.Message)).ToList();
        var (conversationId, message) = Assert.Single(alerts);
        Assert.Equal(channelId, conversationId);
        Assert.Contains(Hotline, BotMessage.CardTexts(BotMessage.AdaptiveCard(message)));

        AssertScreenshots("alert-channel", "1-channel-bot-added.png", "2-form-filled.png", "3-confirmation.png",
            "4-alerts-run.png", "4-alerts-run-page.png", "5-alert-in-channel.png", "5-alert-in-channel-page.png");
    }

    private static bool IsAlert(JsonObject message) =>
        (message["attachments"] as JsonArray)?.OfType<JsonObject>().Any(a => (string?)a["contentType"] == BotMessage.AdaptiveCardContentType) == true
        && BotMessage.CardTexts(BotMessage.AdaptiveCard(message)).FirstOrDefault() == AlertHeading;

    /// <summary>CTC's September: the hotline answered 300 of 400 (75% against 85%), the rest on or above target.</summary>
    private static readonly (string Label, string Value)[] CtcFigures =
    [
        ("BOCUs CTIOs rolled out this month", "0"),
        ("Total BOCUs with CTIOs", "29"),
        ("SNT Recruited", "12"),
        ("Briefed within 2 months", "11"),
        ("Response within set time", "40"),
        ("IED Calls", "40"),
        ("Scenes achieving appropriate rating", "9"),
        ("Scenes Managed", "9"),
        ("Answered within set time", "300"),
        ("Calls received", "400"),
    ];

    private static void AssertScreenshots(string scenario, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(ScreenshotFolder(scenario), name)), $"The screenshot {scenario}/{name} was not saved.");
        }
    }
}
