using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Cards;

/// <summary>
/// Every kind of card the bot sends, collected through the real endpoint, passes the official Adaptive Cards parser and
/// validation at schema 1.5 (npm adaptivecards, run by tests/card-validation/validate.js), and fits what Teams accepts.
/// </summary>
public sealed class CardValidationTests(BotApp app) : IClassFixture<BotApp>
{
    private const int TeamsCardLimitBytes = 28 * 1024;

    /// <summary>A kind of card, the turn that draws it, and a phrase proving the turn drew that kind.</summary>
    private sealed record Kind(string Name, Func<JObject> Activity, string Marker);

    private static Kind Ask(string name, string question, string marker) => new(name, () => BotClient.Message(question), marker);

    private static readonly Kind[] Kinds =
    [
        Ask("measure", "CTIO coverage in July", "29 of 33 BOCUs"),
        Ask("measure with comment", "hotline in July", "19 days data"),
        Ask("measure trend", "hotline trend", "Hotline"),
        Ask("measure target", "what is the target for SNT briefing", "80%"),
        Ask("measure year to date", "SNT briefing FYTD", "263 of 327"),
        Ask("component", "how many IED calls in August", "IED Calls"),
        Ask("scorecard range", "scorecard June to August", "Jun-07"),
        Ask("scorecard month", "scorecard July", "Jul-07"),
        Ask("scorecard year to date", "scorecard year to date", "FYTD"),
        Ask("scorecard for a command", "SO14 scorecard for August", "Royal"),
        Ask("exceptions, none", "which measures are off target", "No measures are outside target"),
        Ask("exceptions, some", "which measures are above target", "Above Target"),
        Ask("glossary term", "what does BOCU stand for", "Borough Operational Command Unit"),
        Ask("comments on every measure", "any comments for July", "19 days data"),
        Ask("comments on every measure, none", "comments for August", "There are no comments on any measure"),
        Ask("range past the latest figures", "IED calls in Q2", "There are no figures for September 2007 yet"),
        Ask("the key", "what does amber mean", "Less Than 10% Outside Target"),
        Ask("how up to date", "when were the figures last updated", "The latest month with figures"),
        Ask("the rest of a ratio", "how many calls were not answered in time in July", "6 of 353 calls"),
        Ask("two measures side by side", "hotline and IED in July", "measures 3 and 5"),
        Ask("glossary list", "glossary", "Improvised Explosive Device"),
        Ask("help", "help", "What I can answer"),
        Ask("greeting", "hello", "Hello"),
        new("welcome", Welcome, "Hello"),
        Ask("clarify", "calls", "Which did you mean?"),
        Ask("not understood", "flibble wibble zork", "Sorry"),
        Ask("help for an empty message", "", "What I can answer"),
        Ask("no-data note", "CTIO last month", "There are no figures for last month"),
        Ask("no-data note on a scorecard", "scorecard for October 2026", "There are no figures"),
        Ask("compare two months", "hotline july v august", "August 2007 was better"),
        Ask("compare a figure", "IED calls july versus august", "Down 54"),
        Ask("why a measure stands where it does", "why is the hotline down in july", "Why Hotline"),
        Ask("why the year to date is lower", "why is the year to date lower than every month", "held as one figure"),
        Ask("what a measure is for", "what is measure 5 for", "Valuable Counter-Terrorism intelligence"),
        Ask("the worst measure", "worst performing measure", "Closest to missing target"),
        Ask("a figure by month", "recruits each month", "April 2007 to May 2007 (together)"),
        Ask("the count of the whole", "how many BOCUs are there", "There are 33 BOCUs in all."),
        new("a button that no longer fits", StaleButton, "That button is out of date"),
    ];

    private static JObject StaleButton() =>
        BotClient.Message(null, value: JObject.Parse(
            """{"verb":"ask","request":{"v":1,"intent":"MeasureValue","measures":[99]}}"""));

    private static JObject Welcome()
    {
        var update = BotClient.Activity("conversationUpdate", "channel");
        update["membersAdded"] = new JArray(new JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName });
        return update;
    }

    [Fact]
    public async Task Every_kind_of_card_passes_the_official_renderers_parser_at_schema_1_5()
    {
        var report = await CardValidator.ValidateAsync(await CollectAsync());

        Assert.True(report.Problems.Count == 0,
            "The Adaptive Cards parser reported:\n" + string.Join("\n", report.Problems));
        // The trend cards' Teams charts reached the parser and were judged (accepted for their fallback).
        Assert.Contains(report.Accepted, message => message.Contains("\"Chart.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_kind_of_card_is_version_1_5_under_28_KB_with_a_spoken_and_a_text_summary()
    {
        foreach (var (name, card) in await CollectAsync())
        {
            var bytes = Encoding.UTF8.GetByteCount(card.ToString(Formatting.None));
            Assert.True(bytes < TeamsCardLimitBytes, $"{name}: {bytes} bytes");
            Assert.True((string?)card["version"] == "1.5", $"{name}: version {card["version"]}");
            Assert.False(string.IsNullOrWhiteSpace((string?)card["speak"]), $"{name}: no speak");
            Assert.False(string.IsNullOrWhiteSpace((string?)card["fallbackText"]), $"{name}: no fallbackText");
        }
    }

    [Fact]
    public async Task Trends_are_drawn_as_teams_charts_with_a_fallback()
    {
        var cards = await CollectAsync();
        var charts = cards.SelectMany(c => c.Card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true)).ToList();

        Assert.NotEmpty(charts);
        Assert.All(charts, chart => Assert.Equal("TextBlock", (string?)chart["fallback"]?["type"]));
    }

    private async Task<List<(string Name, JObject Card)>> CollectAsync()
    {
        var bot = app.CreateBotClient();
        var cards = new List<(string, JObject)>();
        foreach (var kind in Kinds)
        {
            var turn = await bot.SendAsync(kind.Activity());
            var card = turn.Card;
            Assert.True(CardText.Of(card).Contains(kind.Marker, StringComparison.OrdinalIgnoreCase),
                $"The \"{kind.Name}\" turn did not draw the card expected (no \"{kind.Marker}\"):\n{CardText.Of(card)}");
            cards.Add((kind.Name, card));
        }
        return cards;
    }
}
