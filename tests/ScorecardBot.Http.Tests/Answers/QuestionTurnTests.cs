using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Answers;

/// <summary>Questions typed in a personal chat, answered through the real endpoint, checked against the seed's printed figures.</summary>
public sealed class QuestionTurnTests(BotApp app) : IClassFixture<BotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();

    [Fact]
    public async Task Ctio_coverage_in_July_is_88_percent_of_33_BOCUs_above_its_85_percent_target_in_green()
    {
        var turn = await _bot.AskAsync("CTIO coverage in July");
        var card = turn.Card;

        Assert.Equal("good", (string?)CardText.TextBlock(card, "88%")["color"]);
        Assert.Equal("good", (string?)CardText.TextBlock(card, "Above Target")["color"]);
        CardText.TextBlock(card, "29 of 33 BOCUs");
        var facts = CardText.Facts(card);
        Assert.StartsWith("85%", facts["Target"]);
        Assert.Equal("July 2007", facts["Period"]);
        Assert.Contains("CTC", facts["Command"]);
        Assert.Contains("88%, 29 of 33 BOCUs", turn.Speak);
        Assert.Contains("target of 85%", turn.Speak);
        Assert.Contains("Above Target", turn.Speak);
    }

    [Fact]
    public async Task Full_width_letters_are_understood_as_the_letters_they_stand_for()
    {
        var fullWidth = await _bot.AskAsync("ＣＴＩＯ ｃｏｖｅｒａｇｅ ｉｎ Ｊｕｌｙ");
        var plain = await _bot.AskAsync("CTIO coverage in July");

        CardText.TextBlock(fullWidth.Card, "29 of 33 BOCUs");
        Assert.Equal("July 2007", CardText.Facts(fullWidth.Card)["Period"]);
        Assert.Equal(plain.Speak, fullWidth.Speak);
    }

    [Fact]
    public async Task Full_width_ctio_coverage_with_no_month_is_the_latest_ctio_coverage()
    {
        var fullWidth = await _bot.AskAsync("ＣＴＩＯ ｃｏｖｅｒａｇｅ");
        var plain = await _bot.AskAsync("CTIO coverage");

        Assert.Contains("CTIO", fullWidth.Speak);
        Assert.Equal(plain.Speak, fullWidth.Speak);
        Assert.Equal(CardText.Of(plain.Card), CardText.Of(fullWidth.Card));
    }

    [Fact]
    public async Task Snt_briefing_year_to_date_is_80_percent_263_of_327()
    {
        var turn = await _bot.AskAsync("SNT briefing FYTD");
        var card = turn.Card;

        CardText.TextBlock(card, "80%");
        CardText.TextBlock(card, "263 of 327 SNT members");
        Assert.Contains("year to date", CardText.Facts(card)["Period"]);
        Assert.Contains("80%, 263 of 327", turn.Speak);
    }

    [Fact]
    public async Task An_acronym_is_answered_from_the_glossary()
    {
        var turn = await _bot.AskAsync("what does BOCU stand for");

        CardText.TextBlock(turn.Card, "Borough Operational Command Unit");
        Assert.Equal("BOCU stands for Borough Operational Command Unit.", turn.Speak);
    }

    [Fact]
    public async Task A_component_is_answered_with_its_raw_figure()
    {
        var turn = await _bot.AskAsync("how many IED calls in August");
        var card = turn.Card;

        CardText.TextBlock(card, "33");
        Assert.Contains("IED Calls", CardText.Of(card));
        Assert.Contains("August 2007", CardText.Of(card));
        Assert.Contains("IED Calls for August 2007: 33", turn.Speak);
    }

    [Theory]
    [InlineData("hotline calls in June", true)]
    [InlineData("hotline July", true)]
    [InlineData("hotline in August", false)]
    public async Task The_hotline_data_loss_comment_is_shown_for_June_and_July_only(string question, bool shown)
    {
        const string comment = "loss of 19 days data";
        var turn = await _bot.AskAsync(question);
        var card = turn.Card;

        Assert.Equal(shown, CardText.TextBlocks(card).Any(b => ((string?)b["text"])?.Contains(comment) == true));
        Assert.Equal(shown, turn.Speak.Contains(comment));
    }

    [Fact]
    public async Task The_scorecard_for_a_range_is_the_committee_table_of_every_measure_by_month_and_year_to_date()
    {
        var turn = await _bot.AskAsync("scorecard June to August");
        var rows = CardText.TableRows(turn.Card);

        Assert.Equal(["Measure", "Target", "Jun-07", "Jul-07", "Aug-07", "FYTD", "Status (FYTD)"], rows[0]);
        string[][] expected =
        [
            ["1 CTIO", "85%", "85%", "88%", "88%", "88%"],
            ["2 SNT", "80%", "85%", "88%", "87%", "80%"],
            ["3 IED", "95%", "100%", "100%", "100%", "100%"],
            ["4 Incident scenes", "90%", "100%", "100%", "100%", "100%"],
            ["5 Hotline", "85%", "99%", "98%", "99%", "98%"],
            ["6 Royal", "0", "0", "0", "0", "0"],
        ];
        foreach (var measure in expected)
        {
            var row = rows.SingleOrDefault(r => r[0].StartsWith(measure[0], StringComparison.Ordinal));
            Assert.True(row is not null, $"No row for measure {measure[0]} in:\n{string.Join("\n", rows.Select(r => string.Join(" | ", r)))}");
            Assert.Equal(measure[1..], row.Skip(1).Take(5));
            Assert.Equal("Above Target", row[6]);
        }
    }

    [Fact]
    public async Task Off_target_question_says_no_measure_is_outside_target()
    {
        var turn = await _bot.AskAsync("which measures are off target");
        var text = CardText.Of(turn.Card);

        Assert.Contains("No measures are outside target", text);
        Assert.Contains("No measures are outside target", turn.Speak);
    }

    [Fact]
    public async Task An_ambiguous_word_is_asked_back_with_buttons()
    {
        var turn = await _bot.AskAsync("calls");
        var buttons = CardText.Actions(turn.Card);

        Assert.Contains("Which did you mean?", CardText.Of(turn.Card));
        Assert.True(buttons.Count >= 2, $"Expected a button per meaning: {turn.Body}");
        Assert.All(buttons, b =>
        {
            Assert.Equal("Action.Submit", (string?)b["type"]);
            // Each button carries the whole typed request, never words for the recogniser to read again.
            Assert.Equal("ask", (string?)b["data"]?["verb"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)b["data"]?["request"]?["intent"]));
            Assert.Null(b["data"]?["question"]);
        });
        Assert.Contains(buttons, b => ((string?)b["title"])?.Contains("IED") == true);
        Assert.Contains(buttons, b => ((string?)b["title"])?.Contains("Hotline") == true);
    }

    [Fact]
    public async Task Nonsense_gets_a_polite_not_understood_card_with_questions_to_tap()
    {
        var turn = await _bot.AskAsync("flibble wibble zork");
        var card = turn.Card;

        Assert.Contains("Sorry", CardText.Of(card));
        Assert.Contains("flibble wibble zork", turn.Speak);
        Assert.True(CardText.Actions(card).Count >= 3, "Expected suggested questions as buttons");
    }

    [Fact]
    public async Task Last_month_without_figures_says_so_and_shows_the_latest_month()
    {
        var turn = await _bot.AskAsync("CTIO last month");
        var card = turn.Card;
        var text = CardText.Of(card);

        Assert.Contains("There are no figures for last month (October 2026)", text);
        Assert.Contains("August 2007", CardText.Facts(card)["Period"]);
        CardText.TextBlock(card, "88%");
        Assert.Contains("October 2026", turn.Speak);
    }

    [Theory]
    [InlineData("thanks", "You're welcome.")]
    [InlineData("hello", "Hello.")]
    public async Task A_greeting_or_thanks_is_answered_in_kind_with_examples(string said, string opening)
    {
        var turn = await _bot.AskAsync(said);

        Assert.StartsWith(opening, turn.Speak);
        Assert.True(CardText.Actions(turn.Card).Count >= 3, "Expected example questions as buttons");
    }

    [Fact]
    public async Task Comments_without_a_measure_are_every_measures_comments_for_the_period()
    {
        var july = await _bot.AskAsync("any comments for July?");
        var august = await _bot.AskAsync("comments for August");

        Assert.Contains("5 Hotline calls answered within set time", CardText.Of(july.Card));
        Assert.Contains("19 days data", CardText.Of(july.Card));
        Assert.Contains("There are no comments on any measure for August 2007.", CardText.Of(august.Card));
    }

    [Fact]
    public async Task A_named_term_is_explained_and_an_acronym_spelt_out()
    {
        var rainbow = await _bot.AskAsync("what is operation rainbow");
        var ied = await _bot.AskAsync("what's an IED");

        Assert.StartsWith("Operation Rainbow: The link between Counter-Terrorism Command and Territorial Policing", rainbow.Speak);
        Assert.Equal("IED stands for Improvised Explosive Device.", ied.Speak);
    }

    [Fact]
    public async Task A_command_the_scorecard_does_not_have_is_named_and_every_command_shown()
    {
        var turn = await _bot.AskAsync("SO15 scorecard");
        var text = CardText.Of(turn.Card);

        Assert.Contains("There is no command SO15 in this scorecard; its commands are CTC and SO14.", text);
        Assert.Contains("CTIO coverage", text);
        Assert.Contains("Royal residence intrusions", text);
    }

    [Fact]
    public async Task Since_a_month_runs_to_the_latest_figures()
    {
        var turn = await _bot.AskAsync("IED calls since July");

        Assert.Contains("July 2007 to August 2007", CardText.Of(turn.Card));
        Assert.Contains("IED Calls for July 2007 to August 2007: 120", turn.Speak);
    }

    [Fact]
    public async Task A_quarter_that_runs_past_the_latest_figures_shows_the_months_there_are_and_says_which_are_missing()
    {
        var turn = await _bot.AskAsync("IED calls in Q2");
        var text = CardText.Of(turn.Card);

        Assert.Contains("There are no figures for September 2007 yet, so this shows July 2007 to August 2007.", text);
        Assert.Contains("IED Calls for July 2007 to August 2007: 120", turn.Speak);
    }

    [Fact]
    public async Task Since_a_month_held_only_in_a_balance_starts_where_the_balance_starts_and_says_so()
    {
        var turn = await _bot.AskAsync("SNT briefing since May");
        var text = CardText.Of(turn.Card);

        Assert.Contains("Figures for May 2007 are held only together with April 2007, so this shows April 2007 to August 2007.", text);
        CardText.TextBlock(turn.Card, "80%");
        Assert.Contains("263 of 327", turn.Speak);
    }

    [Fact]
    public async Task A_month_held_only_in_a_balance_shows_the_balance_and_says_so()
    {
        var turn = await _bot.AskAsync("hotline in April");

        Assert.Contains("Figures for April 2007 are held only together with May 2007, so this shows April 2007 to May 2007.", CardText.Of(turn.Card));
        Assert.Contains("884 of 903 calls", turn.Speak);
    }

    [Fact]
    public async Task A_measure_with_no_figure_for_a_balance_month_is_not_widened_into_another_month()
    {
        // CTIO coverage is a stock: the April–May balance of CTIOs rolled out does not give May a coverage figure.
        var turn = await _bot.AskAsync("CTIO coverage in May");

        Assert.Contains("There are no figures for May 2007. The latest are for August 2007.", CardText.Of(turn.Card));
        Assert.DoesNotContain("June", CardText.Facts(turn.Card)["Period"]);
    }

    [Fact]
    public async Task A_comments_question_with_no_month_finds_the_years_comments()
    {
        var turn = await _bot.AskAsync("why did the hotline lose data");
        var text = CardText.Of(turn.Card);

        Assert.Contains("No month was named, so these are the comments from the whole of 2007/8.", text);
        Assert.Contains("19 days data", text);
    }

    [Fact]
    public async Task Year_to_date_as_at_a_month_is_the_year_as_it_stood_then()
    {
        // April–June: 135 + 70 briefed of 179 + 82 recruited = 205 of 261, 78.5% → 79%, within 10% of the 80% target.
        var turn = await _bot.AskAsync("SNT fytd as at june");

        Assert.Contains("April 2007 to June 2007", CardText.Facts(turn.Card)["Period"]);
        Assert.Equal("warning", (string?)CardText.TextBlock(turn.Card, "79%")["color"]);
        Assert.Contains("205 of 261", turn.Speak);
        Assert.Contains("Less Than 10% Outside Target", turn.Speak);
    }

    [Fact]
    public async Task Two_measures_named_together_are_shown_side_by_side()
    {
        var turn = await _bot.AskAsync("hotline and IED in july");
        var text = CardText.Of(turn.Card);

        Assert.Contains("Scorecard · measures 3 and 5 · July 2007", text);
        Assert.Contains("IED calls attended within set time", text);
        Assert.Contains("Hotline calls answered within set time", text);
        Assert.DoesNotContain("CTIO coverage", text);
    }

    [Fact]
    public async Task An_acronym_missing_from_the_papers_table_is_spelt_out_and_says_where_from()
    {
        var turn = await _bot.AskAsync("what does SNT stand for");

        Assert.Equal("SNT stands for Safer Neighbourhood Team.", turn.Speak);
        Assert.Contains("Not in the scorecard's acronyms table", CardText.Of(turn.Card));
    }

    [Theory]
    [InlineData("how many calls were NOT answered in time in july", "6 of 353 calls (2%)", "98%")]
    [InlineData("how many SNT officers weren't briefed in time in june", "12 of 82 SNT members (15%)", "85%")]
    [InlineData("how many BOCUs still need a CTIO", "4 of 33 BOCUs (12%)", "88%")]
    public async Task The_rest_of_a_ratio_is_answered_beside_the_measure(string question, string rest, string measure)
    {
        var turn = await _bot.AskAsync(question);
        var card = turn.Card;

        CardText.TextBlock(card, rest);
        Assert.StartsWith($"Not counted in", turn.Speak);
        Assert.Contains($"was {measure}", turn.Speak);
        Assert.Equal("good", (string?)CardText.TextBlock(card, "Above Target")["color"]);
    }

    [Fact]
    public async Task Not_on_target_is_still_a_status_question()
    {
        var turn = await _bot.AskAsync("which measures are not on target");

        Assert.Contains("No measures are outside target", turn.Speak);
    }

    [Fact]
    public async Task How_up_to_date_the_figures_are_is_the_last_submission_and_the_latest_month()
    {
        var turn = await _bot.AskAsync("when were the figures last updated?");

        Assert.Contains("The latest month with figures for the scorecard is August 2007.", turn.Speak);
        Assert.Contains("Figures last submitted 26 Nov 2026", turn.Speak);
        Assert.Contains("by seed import", turn.Speak);
    }

    [Theory]
    [InlineData("hotline before august", "April 2007 to July 2007", "1637 of 1666 calls")]
    [InlineData("hotline after june", "July 2007 to August 2007", "757 of 767 calls")]
    [InlineData("hotline over the summer", "June 2007 to August 2007", "1163 of 1177 calls")]
    [InlineData("hotline between 1 June and 31 July", "June 2007 to July 2007", "753 of 763 calls")]
    [InlineData("hotline as at 31/07/2007", "July 2007", "347 of 353 calls")]
    public async Task Periods_said_in_other_ways_pick_the_right_months(string question, string period, string basis)
    {
        var turn = await _bot.AskAsync(question);

        Assert.Equal(period, CardText.Facts(turn.Card)["Period"]);
        Assert.Contains(basis, turn.Speak);
    }

    [Fact]
    public async Task What_a_status_means_is_the_Key_in_its_colours()
    {
        var turn = await _bot.AskAsync("what does amber mean?");

        Assert.Equal("warning", (string?)CardText.TextBlock(turn.Card, "Less Than 10% Outside Target")["color"]);
        Assert.Equal("attention", (string?)CardText.TextBlock(turn.Card, "More Than 10% Outside Target")["color"]);
        Assert.Contains("no more than 10% of the target", turn.Speak);
        Assert.Contains("FYTD means financial year to date, from April 2007", turn.Speak);
    }

    [Fact]
    public async Task Measures_named_by_number_together_are_shown_side_by_side()
    {
        var turn = await _bot.AskAsync("measures 1 and 6 for june");
        var text = CardText.Of(turn.Card);

        Assert.Contains("Scorecard · measures 1 and 6 · June 2007", text);
        Assert.Contains("CTIO coverage", text);
        Assert.Contains("Royal residence intrusions", text);
        Assert.DoesNotContain("Hotline", text);
    }

    [Fact]
    public async Task Last_year_is_said_to_be_outside_the_scorecard()
    {
        var turn = await _bot.AskAsync("IED calls last year");

        Assert.Contains("This scorecard covers 2007/8 only, so there are no figures for 2006/07.", CardText.Of(turn.Card));
    }

    [Fact]
    public async Task A_figure_held_in_a_balance_is_found_by_its_own_months_even_when_its_measure_has_none()
    {
        // CTIOs rolled out: 4 this year, less 1 + 1 + 0 in June to August, leaves 2 for April–May.
        var turn = await _bot.AskAsync("CTIOs rolled out in April");

        Assert.Contains("Figures for April 2007 are held only together with May 2007", turn.Speak);
        Assert.Contains("BOCUs CTIOs rolled out this month for April 2007 to May 2007: 2.", turn.Speak);
        Assert.Contains("which has no figure for April 2007 to May 2007", turn.Speak);
    }

    [Theory]
    [InlineData("who owns the hotline measure", "Hotline calls answered within set time is reported by CTC (Counter Terrorism Command).")]
    [InlineData("which command is responsible for measure 6", "is reported by SO14 (Royalty Protection).")]
    public async Task Who_owns_a_measure_is_answered_with_its_command(string question, string expected)
    {
        var turn = await _bot.AskAsync(question);

        Assert.Contains(expected, turn.Speak);
    }

    [Fact]
    public async Task Since_a_month_not_yet_reached_says_there_are_no_figures_yet()
    {
        var turn = await _bot.AskAsync("ctio coverage since September");

        Assert.Contains("There are no figures since September 2007 yet. The latest are for August 2007.", CardText.Of(turn.Card));
        CardText.TextBlock(turn.Card, "88%");
    }

    [Fact]
    public async Task A_measure_number_that_does_not_exist_is_named_and_the_real_measures_offered()
    {
        var turn = await _bot.AskAsync("measure 7");

        Assert.Contains("There is no measure 7 in this scorecard; its measures are numbered 1 to 6.", turn.AllText);
        Assert.Contains("CTIO coverage", turn.AllText);
    }

    [Theory]
    [InlineData("CTIO Jul-230")]
    [InlineData("CTIO coverage July 0230")]
    [InlineData("CTIO 0230-07")]
    [InlineData("hotline 99999-01")]
    [InlineData("scorecard July 0100 to August 0101")]
    [InlineData("CTIO last 100000 months")]
    [InlineData("SNT briefing 1066/67")]
    public async Task A_period_no_calendar_can_hold_gets_a_no_figures_note_not_an_apology(string question)
    {
        var turn = await _bot.AskAsync(question);

        Assert.Single(turn.Cards);
        Assert.DoesNotContain(ScorecardBot.Bot.AdapterWithErrorHandler.SorryMessage, turn.AllText);
        app.Logs.AssertNoFailures();
    }

    [Theory]
    [InlineData("CTIO coverage in July")]
    [InlineData("how many IED calls in August")]
    [InlineData("scorecard June to August")]
    [InlineData("which measures are off target")]
    public async Task Every_answer_says_how_fresh_its_figures_are(string question)
    {
        var turn = await _bot.AskAsync(question);

        var freshness = CardText.TextBlocks(turn.Card).Select(b => (string?)b["text"]).FirstOrDefault(t => t?.StartsWith("Figures last submitted", StringComparison.Ordinal) == true);
        Assert.NotNull(freshness);
        Assert.Contains("by seed import", freshness);
        Assert.Contains("26 Nov 2026", freshness);
    }

    [Fact]
    public async Task Replies_carry_a_spoken_summary_and_a_text_summary_for_notifications()
    {
        var turn = await _bot.AskAsync("SNT briefing FYTD");
        var reply = Assert.Single(turn.Replies);

        Assert.False(string.IsNullOrWhiteSpace((string?)reply["speak"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["summary"]));
        Assert.Equal((string?)reply["speak"], (string?)turn.Card["speak"]);
        Assert.IsType<JObject>(reply["attachments"]![0]!["content"]);
    }
}
