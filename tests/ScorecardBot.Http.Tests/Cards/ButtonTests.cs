using System.Net;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Cards;

/// <summary>
/// Every button the bot draws, clicked as Teams clicks it (a message whose value is the button's data, no text),
/// through the real endpoint: each answers with one useful card. A button from an older card that no longer fits the
/// scorecard gets a polite card, never an error.
/// </summary>
public sealed class ButtonTests(BotApp app) : IClassFixture<BotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();

    /// <summary>Questions of every kind the bot answers, so that every kind of card, and every button, is drawn.</summary>
    public static readonly string[] Questions =
    [
        // One measure, its figures, periods said in different ways.
        "CTIO coverage in July", "SNT briefing FYTD", "hotline calls in June", "hotline July", "CTIO last month",
        "IED calls since July", "IED calls in Q2", "SNT briefing since May", "hotline in April", "CTIO coverage in May",
        "SNT fytd as at june", "hotline before august", "IED calls last year", "hotline since April",
        "hotline in agsut", "hotline last week", "what is the target for SNT briefing", "who owns the hotline measure",
        "c t i o coverage in july two thousand and seven",
        // Figures, the rest of a ratio, by month.
        "how many IED calls in August", "CTIOs rolled out in April", "how many calls were NOT answered in time in july",
        "did they miss any IED calls in july", "how many BOCUs are there", "recruits each month",
        "green zone intrusions by month",
        // Trends, comparisons, why, what a measure is for.
        "hotline trend", "hotline july v august", "IED calls july versus august",
        "compare June with August for SNT briefing",
        "why is the hotline down in july", "why did the hotline lose data", "what is measure 5 for",
        "why is the year to date lower than every month",
        // The scorecard, its ranges and commands, statuses and the worst measure.
        "scorecard June to August", "scorecard year to date", "scorecard for last quarter", "SO14 scorecard for August",
        "SO15 scorecard", "scorecard for October 2026", "hotline and IED in july", "measures 1 and 6 for june",
        "which measures are off target", "which measures are above target", "did the hotline go red",
        "worst performing measure",
        // Words about the scorecard: the Key, the glossary, comments, freshness, help, and asking back.
        "what does amber mean?", "how is amber different from red", "key", "what does BOCU stand for", "glossary",
        "what is operation rainbow", "any comments for July?", "comments for August",
        "when were the figures last updated?", "help", "hello", "thanks", "calls", "compare July with August",
        "show me the trend", "measure 7", "flibble wibble zork",
    ];

    /// <summary>Headings that mean a click was not answered as the button meant.</summary>
    private static readonly string[] NotAnAnswer =
    [
        "What I can answer", "Sorry, I didn't catch that", "That button is out of date", "Hello, I'm the Scorecard bot",
        ScorecardBot.Bot.AdapterWithErrorHandler.SorryMessage,
    ];

    [Fact]
    public async Task Every_button_on_every_answer_is_answered_with_one_useful_card()
    {
        app.Logs.Clear();
        var problems = new List<string>();
        var clicked = 0;
        foreach (var question in Questions)
        {
            var conversation = BotClient.NewConversationId();
            var asked = await _bot.AskInAsync(conversation, question);
            foreach (var button in CardText.Actions(asked.Card))
            {
                var title = $"\"{question}\" → [{button["title"]}]";
                if ((string?)button["type"] != "Action.Submit")
                {
                    problems.Add($"{title} is a {button["type"]}, not an Action.Submit");
                    continue;
                }
                clicked++;
                var turn = await _bot.ClickAsync(button, conversation);
                problems.AddRange(Problems(turn).Select(p => $"{title} {button["data"]}: {p}"));
            }
        }

        Assert.True(problems.Count == 0,
            $"{problems.Count} of {clicked} clicks went wrong:\n" + string.Join("\n", problems));
        // Enough buttons were found that the check means something: most answers offer more than one.
        Assert.True(clicked >= 2 * Questions.Length, $"Only {clicked} buttons on {Questions.Length} answers");
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public void The_questions_cover_at_least_forty_kinds_of_asking() => Assert.True(Questions.Distinct().Count() >= 40);

    [Fact]
    public async Task A_drill_down_answers_with_a_new_message_and_leaves_the_clicked_card_as_it_was()
    {
        app.Logs.Clear();
        var conversation = BotClient.NewConversationId();
        var list = await _bot.AskInAsync(conversation, "which measures are above target");
        var details = CardText.Actions(list.Card).First(a => (string?)a["title"] == "Details");
        var click = BotClient.Message(null, value: details["data"]!.DeepClone(), conversationId: conversation);
        // Teams says which message the clicked card was in; an answer that replaced it would update that message.
        click["replyToId"] = "card-message-1";

        var turn = await _bot.SendAsync(click);

        var reply = Assert.Single(turn.Replies);
        Assert.Equal("message", (string?)reply["type"]);
        Assert.NotEqual("card-message-1", (string?)reply["id"]);
        Assert.DoesNotContain(turn.Replies, r => (string?)r["type"] == "invokeResponse");
        Assert.Contains("CTIO coverage", CardText.Of(turn.Card));
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task In_a_channel_a_click_is_answered_without_an_at_mention()
    {
        var conversation = $"19:scorecard-channel@thread.tacv2;messageid={Guid.NewGuid():N}";
        var asked = await _bot.SendAsync(BotClient.MentioningBot("hotline in July", conversationId: conversation));
        var ytd = CardText.Actions(asked.Card).Single(a => (string?)a["title"] == "Year to date");

        var turn = await _bot.ClickAsync(ytd, conversation, "channel");

        CardText.TextBlock(turn.Card, "2047 of 2080 calls");
    }

    public static TheoryData<string, string> Stale_buttons() => new()
    {
        { "a measure the scorecard no longer has", Ask("""{"v":1,"intent":"MeasureValue","measures":[99]}""") },
        { "an unknown component", Ask("""{"v":1,"intent":"ComponentValue","measures":[3],"component":"ied-callz"}""") },
        {
            "a component of another measure",
            Ask("""{"v":1,"intent":"ComponentValue","measures":[5],"component":"ied-calls"}""")
        },
        { "an unknown intent", Ask("""{"v":1,"intent":"Forecast","measures":[5]}""") },
        { "an intent by number", Ask("""{"v":1,"intent":5,"measures":[5]}""") },
        { "an intent a card never carries", Ask("""{"v":1,"intent":"Clarify"}""") },
        { "a measure's answer with no measure", Ask("""{"v":1,"intent":"Compare"}""") },
        { "a newer version", Ask("""{"v":2,"intent":"MeasureValue","measures":[5]}""") },
        { "measures as text", Ask("""{"v":1,"intent":"MeasureValue","measures":"five"}""") },
        { "a period as text", Ask("""{"v":1,"intent":"MeasureValue","measures":[5],"period":"July"}""") },
        {
            "a thirteenth month",
            Ask("""{"v":1,"intent":"MeasureValue","measures":[5],"period":{"kind":"Month","month":13}}""")
        },
        { "a number too big", Ask("""{"v":1,"intent":"MeasureValue","measures":[1e40]}""") },
        { "an unknown status", Ask("""{"v":1,"intent":"ByStatus","statuses":["Purple"]}""") },
        { "nulls", Ask("""{"v":null,"intent":null,"measures":[null]}""") },
        { "deep nesting", Ask("""{"v":1,"intent":"MeasureValue","measures":[5],"period":""" + Nested(60) + "}") },
        { "a missing request", """{"verb":"ask"}""" },
        { "a request that is not an object", Ask("""["MeasureValue",5]""") },
        { "an unknown verb", """{"verb":"forecast","request":{"v":1,"intent":"MeasureValue","measures":[5]}}""" },
        { "no data at all", "{}" },
    };

    /// <summary>A drill-down button's data around a request.</summary>
    private static string Ask(string request) => $$"""{"verb":"ask","request":{{request}}}""";

    [Theory]
    [MemberData(nameof(Stale_buttons))]
    public async Task A_button_that_no_longer_fits_gets_the_polite_out_of_date_card(string what, string value)
    {
        app.Logs.Clear();

        var turn = await _bot.SendAsync(BotClient.Message(null, value: JObject.Parse(value)));

        Assert.True(turn.Status == HttpStatusCode.OK, $"{what}: {(int)turn.Status} {turn.Body}");
        Assert.Contains("That button is out of date", CardText.Of(turn.Card));
        Assert.True(CardText.Actions(turn.Card).Count >= 3, $"{what}: expected fresh questions to tap");
        NoLeaks.AssertNone(turn, value);
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task A_button_from_a_card_drawn_before_typed_requests_is_still_answered()
    {
        var turn = await _bot.SendAsync(BotClient.Message(null, value: new JObject { ["question"] = "hotline" }));

        // The latest month: August 2007, 410 of 414 calls.
        Assert.Contains("Hotline calls answered within set time · August 2007", CardText.Of(turn.Card));
        CardText.TextBlock(turn.Card, "410 of 414 calls");
    }

    private static IEnumerable<string> Problems(Turn turn)
    {
        if (turn.Status != HttpStatusCode.OK) yield return $"HTTP {(int)turn.Status}";
        if (turn.Cards.Count != 1) yield return $"{turn.Cards.Count} cards in {turn.Replies.Count} replies";
        foreach (var leak in NoLeaks.In(turn.Body)) yield return $"shows \"{leak}\"";
        var text = turn.AllText;
        foreach (var wrong in NotAnAnswer.Where(w => text.Contains(w, StringComparison.Ordinal)))
            yield return $"answered \"{wrong}\"";
    }

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("""{"x":""", depth)) + "1" + new string('}', depth);
}
