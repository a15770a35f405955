using System.Text.Json.Nodes;
using ScorecardBot.EndToEnd.Tests.Support;
using static ScorecardBot.EndToEnd.Tests.Support.BrowserDriver;

namespace ScorecardBot.EndToEnd.Tests;

/// <summary>
/// A command lead's figures form in the Playground's web page, in headless Chromium: the Playground's user (an admin
/// here) asks for the form, types the figures into its number inputs and clicks Submit; the card the bot answers with
/// takes the form's place. tests/playground-e2e/form.mjs does the typing and clicking and saves a screenshot of each
/// step; these tests judge what it saw.
/// </summary>
[Collection(FiguresPlaygroundCollection.Name)]
public sealed class FormTests(FiguresPlaygroundFixture playground, ITestOutputHelper output)
{
    private const string FormHeading = "CTC figures · September 2007";

    [Fact]
    public async Task The_typed_figures_are_saved_and_the_confirmation_replaces_the_form()
    {
        var figures = CtcFigures(hotlineAnswered: 300);

        var report = await RunFormAsync("form-saved", figures, followUp: "hotline september 2007");

        // The form as drawn: a visible number input per CTC component, labelled as the paper prints it.
        Assert.Equal(FormHeading, Strings(report["formTexts"]).First());
        var drawn = Fields(report["formFields"]);
        Assert.Equal(ComponentNames("CTC"), drawn.Select(f => f.Label));
        Assert.Contains(drawn, f => f.Label == "Calls received");
        Assert.Contains(drawn, f => f.Label == "Answered within set time");
        Assert.All(drawn, f => Assert.True(f.Visible, $"The input \"{f.Label}\" is not visible."));
        Assert.Equal(figures, Fields(report["filledFields"]).Select(f => (f.Label, f.Value)));

        // What the Playground sent for the click: the verb, and the inputs' values merged into the action's data.
        var action = report["invokeAction"]!;
        Assert.Equal("submitFigures", (string?)action["verb"]);
        Assert.Equal("300", (string?)action["data"]!["figure.hotline-answered"]);
        Assert.Equal("400", (string?)action["data"]!["figure.hotline-calls"]);

        AssertTheAnswerTookTheFormsPlace(report, "Saved · CTC · September 2007");
        Assert.DoesNotContain(FormHeading, Strings(report["headingsAfterSubmit"]));
        var confirmation = Strings(report["replyTexts"]);
        Assert.Contains("75%", confirmation);
        Assert.Contains("More Than 10% Outside Target", confirmation);
        Assert.Contains("300 of 400 calls · target 85%", confirmation);

        // Asked afterwards, the hotline's September is the saved one.
        var answer = Strings(report["followUpTexts"]);
        Assert.Equal("Hotline calls answered within set time · September 2007", answer.First());
        Assert.Contains("75%", answer);
        Assert.Contains("300 of 400 calls", answer);

        AssertScreenshots("form-saved", "1-form.png", "2-form-filled.png", "3-reply.png", "3-reply-page.png", "4-follow-up.png");
    }

    [Fact]
    public async Task More_calls_answered_than_received_is_refused_beside_the_field_with_the_typed_figures_kept()
    {
        var figures = CtcFigures(hotlineAnswered: 401);

        var report = await RunFormAsync("form-refused", figures, followUp: null);

        AssertTheAnswerTookTheFormsPlace(report, FormHeading);
        Assert.Contains("Nothing was saved: please correct the fields marked below.", Strings(report["replyTexts"]));

        // The message sits under its own input, no other field has one, and every typed figure is still there.
        var shown = Fields(report["replyFields"]);
        Assert.Equal(figures, shown.Select(f => (f.Label, f.Value)));
        Assert.Equal("Answered within set time (401) can't be more than Calls received (400).",
            Assert.Single(shown.Single(f => f.Label == "Answered within set time").Messages));
        Assert.All(shown.Where(f => f.Label != "Answered within set time"), f => Assert.Empty(f.Messages));

        // Kept by the bot, not only by the page: the card it answered with carries the typed values.
        var card = report["invokeResponse"]!["body"]!["value"]!.AsObject();
        Assert.Equal(401, (int?)InputById(card, "figure.hotline-answered")?["value"]);
        Assert.Equal(400, (int?)InputById(card, "figure.hotline-calls")?["value"]);

        AssertScreenshots("form-refused", "1-form.png", "2-form-filled.png", "3-reply.png", "3-reply-page.png");
    }

    private async Task<JsonObject> RunFormAsync(string scenario, IReadOnlyList<(string Label, string Value)> figures, string? followUp)
    {
        var typed = new JsonObject();
        foreach (var (label, value) in figures) typed[label] = value;
        var settings = new Dictionary<string, string>
        {
            ["E2E_REQUEST"] = "submit CTC figures for September 2007",
            ["E2E_FIGURES"] = typed.ToJsonString(),
        };
        if (followUp is not null) settings["E2E_FOLLOW_UP"] = followUp;
        // Ten inputs typed key by key and three turns through the Playground, on a machine shared with other builds.
        return await RunAsync(playground, output, "form.mjs", scenario, settings, TimeSpan.FromMinutes(5));
    }

    /// <summary>
    /// The clicked form's own element now holds the answer, in the same position, and no card was added: the answer
    /// replaced the form rather than arriving as a new message below it.
    /// </summary>
    private static void AssertTheAnswerTookTheFormsPlace(JsonObject report, string answerHeading)
    {
        var before = Strings(report["headingsBeforeSubmit"]);
        var after = Strings(report["headingsAfterSubmit"]);
        var position = report["formIndex"]!.GetValue<int>();
        Assert.Equal(FormHeading, before[position]);
        Assert.Equal(position, report["submittedCardIndex"]!.GetValue<int>());
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(answerHeading, after[position]);
        Assert.Equal(before.Take(position), after.Take(position));
        Assert.Equal(200, report["invokeResponse"]!["status"]!.GetValue<int>());
        Assert.Equal(BotMessage.AdaptiveCardContentType, (string?)report["invokeResponse"]!["body"]!["type"]);
    }

    /// <summary>Hotline answered <paramref name="hotlineAnswered"/> of 400; the rest sensible for September (29 BOCUs, as in August).</summary>
    private static List<(string Label, string Value)> CtcFigures(int hotlineAnswered) =>
    [
        ("BOCUs CTIOs rolled out this month", "0"),
        ("Total BOCUs with CTIOs", "29"),
        ("SNT Recruited", "12"),
        ("Briefed within 2 months", "11"),
        ("Response within set time", "40"),
        ("IED Calls", "40"),
        ("Scenes achieving appropriate rating", "9"),
        ("Scenes Managed", "9"),
        ("Answered within set time", hotlineAnswered.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Calls received", "400"),
    ];

    private sealed record Field(string Label, string Value, bool Visible, List<string> Messages);

    private static List<Field> Fields(JsonNode? node) =>
        node?.AsArray().Select(f => new Field((string)f!["label"]!, (string)f["value"]!, (bool)f["visible"]!, Strings(f["messages"]))).ToList()
        ?? throw new InvalidOperationException("The browser driver's report lacks a field.");

    private static JsonObject? InputById(JsonNode? node, string id) => node switch
    {
        JsonObject o when (string?)o["id"] == id => o,
        JsonObject o => o.Select(p => InputById(p.Value, id)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(item => InputById(item, id)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    /// <summary>A command's components as the scorecard definition names them, in its order: the form's labels follow the data.</summary>
    private static List<string> ComponentNames(string command)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(Prerequisites.RepositoryRoot, "scorecard", "so-2007-08.json")))!;
        return definition["measures"]!.AsArray()
            .Where(m => (string?)m!["command"] == command)
            .SelectMany(m => m!["components"]!.AsArray().Select(c => (string)c!["name"]!))
            .ToList();
    }

    private static void AssertScreenshots(string scenario, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(ScreenshotFolder(scenario), name)), $"The screenshot {scenario}/{name} was not saved.");
        }
    }
}
