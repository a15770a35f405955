using System.Net;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Submissions.FigureForms;

namespace ScorecardBot.Http.Tests.Submissions;

/// <summary>
/// A command lead submits the month's figures through the card form, end to end over HTTP against the real bot and
/// a real SQLite file: the form, the save and its confirmation, and the answers that follow.
/// </summary>
public sealed class SubmissionTurnTests : IClassFixture<RolesBotApp>, IDisposable
{
    private const string LeadName = "Lee Lead";
    private readonly RolesBotApp _app;
    private readonly BotClient _bot;

    public SubmissionTurnTests(RolesBotApp app)
    {
        _app = app;
        _bot = app.CreateBotClient();
    }

    public void Dispose() => _app.Logs.Clear();

    /// <summary>September 2007 as a CTC lead would enter it: the hotline answered 300 of 400 calls.</summary>
    private static readonly Dictionary<string, string?> September =
        With(CtcSeptember, ("comment.5", "Two call handlers were off sick for most of the month."));

    private async Task<JObject> FormAsync(string text, string who = RolesBotApp.CtcLead, string name = LeadName) =>
        (await _bot.SendAsync(From(text, who, name))).Card;

    private async Task<Turn> SubmitAsync(JObject form, IReadOnlyDictionary<string, string?> inputs, string who = RolesBotApp.CtcLead, string name = LeadName, string verb = "submitFigures") =>
        await _bot.SendAsync(Invoke(Action(form, verb), inputs, who, name));

    [Fact]
    public async Task A_lead_submits_September_figures_and_the_hotline_is_then_answered_at_75_percent()
    {
        var form = await FormAsync("submit CTC figures for September 2007");

        Assert.Equal("Calls received", Label(form, "figure.hotline-calls"));
        Assert.Equal("Answered within set time", Label(form, "figure.hotline-answered"));
        Assert.Equal("Total BOCUs with CTIOs", Label(form, "figure.ctio-total-bocus"));
        Assert.Equal("2007-09", Inputs(form)["month"]);

        var confirmation = ResponseCard(await SubmitAsync(form, September));
        var text = CardText.Of(confirmation);
        Assert.Contains("Saved", text);
        Assert.Contains("75%", text);
        Assert.Contains("⚠ Hotline calls answered within set time is now More Than 10% Outside Target: 75% against 85%.", text);
        Assert.Contains("300 of 400 calls", text);

        var answer = await _bot.AskAsync("hotline september 2007");
        Assert.Equal("75%", CardText.TextBlocks(answer.Card).Select(b => (string?)b["text"]).First(t => t?.EndsWith('%') == true));
        Assert.Contains("More Than 10% Outside Target", CardText.Of(answer.Card));
    }

    [Theory]
    [InlineData("figure.hotline-answered", "401", "Answered within set time (401) can't be more than Calls received (400).")]
    [InlineData("figure.hotline-calls", "-5", "Calls received can't be negative.")]
    [InlineData("figure.hotline-calls", "2.5", "Calls received must be a whole number, without decimals or separators.")]
    [InlineData("figure.hotline-calls", "lots", "Calls received must be a number, not \"lots\".")]
    [InlineData("figure.hotline-calls", "99999999999999999999", "Calls received is too large to be a count.")]
    [InlineData("figure.hotline-calls", "", "Enter Calls received as a whole number (0 if there were none).")]
    [InlineData("figure.ctio-total-bocus", "34", "Total BOCUs with CTIOs can't be more than 33.")]
    public async Task An_invalid_figure_is_refused_beside_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var form = await FormAsync("enter CTC figures for October 2007");
        var inputs = With(September, ("month", "2007-10"), (field, value));

        var refused = ResponseCard(await SubmitAsync(form, inputs));

        var text = CardText.Of(refused);
        Assert.Contains(message, text);
        Assert.Contains("Nothing was saved", text);
        // The lead's other entries are kept.
        Assert.Equal("12", Inputs(refused)["figure.snt-recruited"]);
        Assert.Contains("There are no figures for October 2007", CardText.Of((await _bot.AskAsync("hotline october 2007")).Card));
    }

    [Fact]
    public async Task Someone_with_no_role_is_told_who_can_submit_and_gets_no_form()
    {
        await _bot.SendAsync(From("hello", RolesBotApp.CtcLead, LeadName));

        var card = (await _bot.SendAsync(From("submit figures", RolesBotApp.Nobody, "Nora Nobody"))).Card;

        Assert.Empty(Inputs(card));
        var text = CardText.Of(card);
        Assert.Contains("Only command leads and admins can submit figures", text);
        Assert.Contains("Lee Lead", text);
        Assert.DoesNotContain(RolesBotApp.CtcLead, text);
        Assert.DoesNotContain(RolesBotApp.Admin, text);
    }

    [Fact]
    public async Task An_SO14_lead_cannot_submit_CTC_figures_even_with_a_crafted_invoke()
    {
        var form = await FormAsync("submit CTC figures for November 2007");

        var refused = ResponseCard(await SubmitAsync(form, With(September, ("month", "2007-11")), RolesBotApp.So14Lead, "Sam So14"));

        Assert.Contains("You can't submit figures for CTC", CardText.Of(refused));
        Assert.Contains(_app.Logs.Entries, e => e.Category == "ScorecardBot.Audit" && e.Message.Contains("refused") && e.Message.Contains(RolesBotApp.So14Lead));
        Assert.Contains("There are no figures for November 2007", CardText.Of((await _bot.AskAsync("hotline november 2007")).Card));
    }

    [Fact]
    public async Task A_field_the_form_did_not_carry_refuses_the_whole_submission()
    {
        var form = await FormAsync("submit CTC figures for December 2007");

        var refused = ResponseCard(await SubmitAsync(form, With(September, ("month", "2007-12"), ("figure.intrusions-red-purple", "0"))));

        Assert.Contains("a field the form does not have", CardText.Of(refused));
        Assert.Contains(_app.Logs.Entries, e => e.Category == "ScorecardBot.Audit");
        Assert.Contains("There are no figures for December 2007", CardText.Of((await _bot.AskAsync("hotline december 2007")).Card));
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_redrawn_with_the_current_figures_and_who_changed_them()
    {
        var mine = await FormAsync("submit CTC figures for January 2008");
        var theirs = await FormAsync("submit CTC figures for January 2008", RolesBotApp.Admin, "Ada Admin");
        ResponseCard(await SubmitAsync(theirs, With(September, ("month", "2008-01")), RolesBotApp.Admin, "Ada Admin"));

        var redrawn = ResponseCard(await SubmitAsync(mine, With(September, ("month", "2008-01"), ("figure.hotline-calls", "410"))));

        var text = CardText.Of(redrawn);
        Assert.Contains("Ada Admin saved these figures", text);
        Assert.Contains("Calls received none → 400", text);
        Assert.Contains("Your figures were not saved", text);
        Assert.Equal("400", Inputs(redrawn)["figure.hotline-calls"]);
    }

    [Fact]
    public async Task The_same_submit_delivered_twice_saves_once_and_answers_the_same_card()
    {
        var form = await FormAsync("submit CTC figures for February 2008");
        var inputs = With(September, ("month", "2008-02"));

        var first = ResponseCard(await SubmitAsync(form, inputs));
        var second = ResponseCard(await SubmitAsync(form, inputs));

        Assert.Contains("Saved", CardText.Of(first));
        Assert.Contains("Already saved", CardText.Of(second));
        Assert.Contains("Calls received", CardText.Of(second));
        var history = (await _bot.SendAsync(From("history of measure 5 for February 2008", RolesBotApp.CtcLead, LeadName))).Card;
        Assert.Single(CardText.Strings(history), s => s == "Calls received");
    }

    [Fact]
    public async Task A_locked_month_takes_no_figures_and_shows_its_lock()
    {
        var form = await FormAsync("submit CTC figures for March 2008");
        var locked = (await _bot.SendAsync(From("lock March 2008", RolesBotApp.Admin, "Ada Admin"))).Card;
        Assert.Contains("Locked · March 2008", CardText.Of(locked));

        var refused = ResponseCard(await SubmitAsync(form, With(September, ("month", "2008-03"))));

        Assert.Contains("March 2008 is locked", CardText.Of(refused));
        Assert.Contains("There are no figures for March 2008", CardText.Of((await _bot.AskAsync("hotline march 2008")).Card));
        Assert.Contains("🔒 Locked against changes: March 2008.", CardText.Of((await _bot.AskAsync("scorecard January to March 2008")).Card));
        var again = await FormAsync("submit CTC figures for March 2008");
        Assert.Contains("🔒", CardText.Of(again));
        Assert.DoesNotContain(again.Descendants().OfType<JObject>(), o => (string?)o["verb"] == "submitFigures");

        var unlocked = (await _bot.SendAsync(From("unlock March 2008", RolesBotApp.Admin, "Ada Admin"))).Card;
        Assert.Contains("Unlocked · March 2008", CardText.Of(unlocked));
    }

    [Fact]
    public async Task Only_an_admin_can_lock_a_month()
    {
        var card = (await _bot.SendAsync(From("lock August 2007", RolesBotApp.CtcLead, LeadName))).Card;

        Assert.Contains("Only admins can lock a month.", CardText.Of(card));
    }

    [Fact]
    public async Task A_rolled_out_count_that_disagrees_with_the_total_is_a_warning_the_lead_confirms()
    {
        var form = await FormAsync("submit CTC figures for August 2007");
        // August 2007 had 29 BOCUs with CTIOs, as July: 2 rolled out cannot be right, but the lead may know better.
        var inputs = With(September, ("month", "2007-08"), ("figure.ctio-rolled-out", "2"), ("figure.ctio-total-bocus", "29"));

        var warned = ResponseCard(await SubmitAsync(form, inputs));
        Assert.Contains("⚠ BOCUs CTIOs rolled out this month is 2, but Total BOCUs with CTIOs went from 29 in July 2007 to 29 (a change of 0).", CardText.Of(warned));

        var saved = ResponseCard(await SubmitAsync(warned, inputs));
        Assert.Contains("Saved", CardText.Of(saved));
    }

    [Fact]
    public async Task Who_can_submit_names_the_leads_never_their_ids()
    {
        await _bot.SendAsync(From("hello", RolesBotApp.CtcLead, LeadName));

        var card = (await _bot.SendAsync(From("who can submit for CTC?", RolesBotApp.Nobody, "Nora Nobody"))).Card;

        var text = CardText.Of(card);
        Assert.Contains("Lee Lead", text);
        Assert.DoesNotContain(RolesBotApp.CtcLead, text);
        Assert.DoesNotContain("0000", text);
    }

    [Fact]
    public async Task An_action_the_bot_does_not_know_is_refused_as_an_error_and_audited()
    {
        var form = await FormAsync("submit CTC figures for September 2007");
        var action = Action(form, "submitFigures");
        action["verb"] = "deleteEverything";

        var turn = await _bot.SendAsync(Invoke(action, September, RolesBotApp.Admin, "Ada Admin"));

        Assert.Contains("Nothing was saved", Refusal(turn));
        NoLeaks.AssertNone(turn);
        Assert.Contains(_app.Logs.Entries, e => e.Category == "ScorecardBot.Audit" && e.Message.Contains("deleteEverything"));
    }

    [Theory]
    [InlineData("""{"form":{"command":"CTC","month":"2007-09","version":0}}""")]
    [InlineData("""{"form":{"command":"CID","month":"2007-09","version":0,"submission":"6b0c7f4e-2f56-4bb3-8d35-06cf7c1a9d2e"}}""")]
    [InlineData("""{"form":{"command":"CTC","month":"Sept","version":0,"submission":"6b0c7f4e-2f56-4bb3-8d35-06cf7c1a9d2e"}}""")]
    [InlineData("""{"form":{"command":"CTC","month":"2007-09","version":-1,"submission":"6b0c7f4e-2f56-4bb3-8d35-06cf7c1a9d2e"}}""")]
    [InlineData("""{"form":{"command":"CTC","month":"2007-09","version":0,"submission":"6b0c7f4e-2f56-4bb3-8d35-06cf7c1a9d2e","admin":true}}""")]
    [InlineData("""{"figure.hotline-calls":{"$type":"System.Object"}}""")]
    [InlineData("""[]""")]
    public async Task A_crafted_submission_is_refused_and_saves_nothing(string data)
    {
        var invoke = Invoke(new JObject { ["verb"] = "submitFigures", ["data"] = JToken.Parse(data) }, new Dictionary<string, string?>(), RolesBotApp.Admin, "Ada Admin");

        var turn = await _bot.SendAsync(invoke);

        Assert.Contains("Nothing was saved", Refusal(turn));
        NoLeaks.AssertNone(turn);
        _app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task An_admin_chooses_the_command_first()
    {
        var card = (await _bot.SendAsync(From("submit figures", RolesBotApp.Admin, "Ada Admin"))).Card;

        var choices = card.Descendants().OfType<JObject>().Where(o => (string?)o["verb"] == "openForm").ToList();
        Assert.Equal(2, choices.Count);

        var form = ResponseCard(await _bot.SendAsync(Invoke(choices.First(c => ((string?)c["title"])!.StartsWith("SO14")), new Dictionary<string, string?>(), RolesBotApp.Admin, "Ada Admin")));
        Assert.Equal("Intrusions into Red and Purple Zones", Label(form, "figure.intrusions-red-purple"));
    }
}
