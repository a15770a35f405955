using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Answers;

/// <summary>The bot shipped with the example fire and rescue scorecard instead of the police one.</summary>
public sealed class ExampleScorecardBotApp : BotApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
    [
        new("Scorecard:DefinitionPath", "scorecard/nfrs-2024.json"),
        new("Scorecard:SeedPath", "scorecard/nfrs-2024.seed.json"),
    ]);
}

/// <summary>
/// Another scorecard is a change of data, not code: the example scorecard (calendar year 2024, 5% bands, its own Key
/// words, "YTD", count targets per month and per year) answered through the real endpoint in its own words. The
/// figures are those worked by hand in ExampleScorecardGoldenTests; nothing of the police scorecard may show.
/// </summary>
public sealed class ExampleScorecardTurnTests(ExampleScorecardBotApp app) : IClassFixture<ExampleScorecardBotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();

    /// <summary>Words of the police scorecard that this scorecard's cards must never carry.</summary>
    private static readonly string[] PoliceWords = ["10%", "FYTD", "CTIO"];

    [Fact]
    public async Task Dwelling_fires_in_Q1_are_124_against_120_within_5_percent_in_amber()
    {
        var turn = await _bot.AskAsync("dwelling fires Q1");
        var card = turn.Card;

        // 38 + 41 + 45 = 124 against 3 × 40 = 120: 3.3% over, within the 5% band.
        Assert.Equal("warning", (string?)CardText.TextBlock(card, "124")["color"]);
        Assert.Equal("warning", (string?)CardText.TextBlock(card, "Within 5% of target")["color"]);
        Assert.Equal("January 2024 to March 2024", CardText.Facts(card)["Period"]);
        Assert.Equal("No more than 40 a month (120)", CardText.Facts(card)["Target"]);
        Assert.Contains("was 124, 124 fires, against a target of 120 (40 a month): Within 5% of target.", turn.Speak);
    }

    [Fact]
    public async Task The_Key_is_in_the_scorecards_own_words_with_its_5_percent_band_and_YTD()
    {
        var turn = await _bot.AskAsync("key");
        var card = turn.Card;

        Assert.Equal("good", (string?)CardText.TextBlock(card, "On target")["color"]);
        Assert.Equal("warning", (string?)CardText.TextBlock(card, "Within 5% of target")["color"]);
        Assert.Equal("attention", (string?)CardText.TextBlock(card, "More than 5% off target")["color"]);
        CardText.TextBlock(card, "No return");
        Assert.Contains("no more than 5% of the target", turn.Speak);
        Assert.Contains("YTD means year to date, from January 2024", turn.Speak);
    }

    [Fact]
    public async Task Help_suggests_questions_made_from_this_scorecards_measures()
    {
        var turn = await _bot.AskAsync("help");
        var titles = CardText.Actions(turn.Card).Select(a => (string)a["title"]!).ToList();

        Assert.Contains("Dwelling fires in June", titles);
        Assert.Contains("HFSC year to date", titles);
        Assert.DoesNotContain(titles, t => t.Contains("hotline", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Measure 6", CardText.Facts(turn.Card).Keys);
        Assert.Equal("High-risk premises audited (PREV)", CardText.Facts(turn.Card)["Measure 6"]);
        Assert.Contains("Northshire Fire and Rescue Service — Prevention and Response Scorecard (2024)",
            CardText.Of(turn.Card));
        Assert.DoesNotContain("Scorecard scorecard", turn.AllText);
    }

    [Fact]
    public async Task The_scorecard_has_a_YTD_column_in_the_scorecards_own_words()
    {
        var turn = await _bot.AskAsync("scorecard");
        var rows = CardText.TableRows(turn.Card);

        Assert.Contains("Scorecard · June 2024", CardText.Of(turn.Card));
        Assert.Equal(["Measure", "Target", "Jun-24", "YTD", "Status (YTD)"], rows[0]);
        // June and the year to date, worked in ExampleScorecardGoldenTests.
        Assert.Equal(["40 a month", "44", "243", "Within 5% of target"], Row(rows, "1 Accidental dwelling fires"));
        Assert.Equal(["500 (6000 a year)", "470", "2915", "Within 5% of target"], Row(rows, "2 Home fire safety checks"));
        Assert.Equal(["0", "0", "1", "More than 5% off target"], Row(rows, "3 Fire deaths"));
        Assert.Equal(["90%", "86%", "88%", "Within 5% of target"], Row(rows, "4 Critical incidents"));
        Assert.Equal(["75%", "79%", "79%", "On target"], Row(rows, "5 Stations with a defibrillator"));
        Assert.Equal(["95%", "No data", "No data", "No return"], Row(rows, "6 High-risk premises audited"));
    }

    [Fact]
    public async Task A_measure_with_no_returns_says_No_return()
    {
        var turn = await _bot.AskAsync("audits");
        var card = turn.Card;

        // The Key's colour for no data is the default one: no colour at all.
        Assert.Null((string?)CardText.TextBlock(card, "No return")["color"]);
        Assert.Contains("High-risk premises audited", CardText.Of(card));
        Assert.Contains("No return", turn.Speak);
        Assert.NotEmpty(CardText.Actions(card));
    }

    [Fact]
    public async Task An_acronym_is_answered_from_this_scorecards_glossary()
    {
        var turn = await _bot.AskAsync("what does HFSC stand for");

        Assert.Equal("HFSC stands for Home Fire Safety Check.", turn.Speak);
    }

    [Fact]
    public async Task One_fire_death_in_March_breaches_the_zero_target_in_red()
    {
        var turn = await _bot.AskAsync("fire deaths in march");
        var card = turn.Card;

        Assert.Equal("attention", (string?)CardText.TextBlock(card, "1")["color"]);
        Assert.Equal("attention", (string?)CardText.TextBlock(card, "More than 5% off target")["color"]);
        Assert.Equal("March 2024", CardText.Facts(card)["Period"]);
    }

    [Fact]
    public async Task The_measures_off_target_in_June_are_fires_checks_and_attendance()
    {
        var turn = await _bot.AskAsync("which measures are off target in june");

        // June: 44 fires against 40 is 10% over; 470 checks against 500 is 6% under; 86% against 90% is 4.4% under.
        Assert.Contains("3 measures are outside target for June 2024: "
            + "1 Accidental dwelling fires 44 against 40 a month, More than 5% off target; "
            + "2 Home fire safety checks 470 against 500 (6000 a year), More than 5% off target; "
            + "4 Critical incidents attended within 10 minutes 86% against 90%, Within 5% of target.", turn.Speak);
    }

    /// <summary>Questions of every kind, for checks that hold for every card of this scorecard.</summary>
    private static readonly string[] Questions =
    [
        "dwelling fires Q1", "key", "help", "hello", "scorecard", "audits", "what does HFSC stand for",
        "fire deaths in march", "which measures are off target in june", "what does amber mean", "attendance march v april",
        "why is attendance red in april", "what is measure 4 for", "worst performing measure", "defibrillators by month",
        "checks each month", "any comments",
        "why is the year to date lower than every month", "glossary", "when were the figures last updated", "flibble",
        "how many critical incidents in may", "scorecard Q1", "audits may v june",
    ];

    [Fact]
    public async Task No_card_carries_the_police_scorecards_words()
    {
        var found = new List<string>();
        foreach (var (what, card) in await AnswersAndWhereTheirButtonsLeadAsync())
        {
            var json = card.ToString(Newtonsoft.Json.Formatting.None);
            found.AddRange(PoliceWords.Where(w => json.Contains(w, StringComparison.Ordinal))
                .Select(w => $"{what}: \"{w}\""));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task Every_card_of_this_scorecard_passes_the_official_renderers_parser_at_schema_1_5()
    {
        await CardValidator.AssertValidAsync(await AnswersAndWhereTheirButtonsLeadAsync());
    }

    /// <summary>Each question's card, and the card each of its buttons leads to.</summary>
    private async Task<List<(string What, Newtonsoft.Json.Linq.JObject Card)>> AnswersAndWhereTheirButtonsLeadAsync()
    {
        var cards = new List<(string, Newtonsoft.Json.Linq.JObject)>();
        foreach (var question in Questions)
        {
            var conversation = BotClient.NewConversationId();
            var card = (await _bot.AskInAsync(conversation, question)).Card;
            cards.Add((question, card));
            foreach (var button in CardText.Actions(card))
                cards.Add(($"{question} → [{button["title"]}]", (await _bot.ClickAsync(button, conversation)).Card));
        }
        return cards;
    }

    private static IEnumerable<string> Row(IReadOnlyList<IReadOnlyList<string>> rows, string measure) =>
        rows.Single(r => r[0].StartsWith(measure, StringComparison.Ordinal)).Skip(1);
}
