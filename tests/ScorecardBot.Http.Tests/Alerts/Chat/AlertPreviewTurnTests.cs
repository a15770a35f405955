using ScorecardBot.Http.Tests.Submissions;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Alerts.Chat;

/// <summary>
/// An admin's "preview alerts" and "run alerts", and what the bot says to a request it will not carry out: a preview
/// shows what would be sent and where and sends nothing; a month that is not one, has not ended or is outside the
/// scorecard's year, and anyone but an admin, get a polite card naming the problem, and nothing is queued or sent.
/// </summary>
public sealed class AlertPreviewTurnTests(AlertsScene scene) : IClassFixture<AlertsScene>, IDisposable
{
    public void Dispose()
    {
        scene.App.Logs.AssertNoFailures();
        scene.App.Logs.Clear();
    }

    [Fact]
    public async Task An_admins_preview_shows_the_measure_outside_target_and_where_each_card_would_go_and_sends_nothing()
    {
        var card = await scene.AdminSaysAsync("preview alerts for September 2007");

        var text = CardText.Of(card);
        CardText.TextBlock(card, "Alerts preview · September 2007");
        Assert.Contains("Outside target: 5 ", text);
        Assert.Contains("(75%)", text);
        Assert.Contains("1 measure outside target by more than its band in September 2007. Would send:", text);
        var facts = CardText.Facts(card);
        Assert.Equal("alert on measure 5", facts[AlertsScene.ChannelWhere]);
        Assert.Equal("alert on measure 5", facts[$"chat with {AlertsScene.LeadName}"]);
        Assert.Equal("reminder to SO14", facts[$"chat with {AlertsScene.So14Name}"]);
        Assert.Equal(3, facts.Count);
        Assert.Contains("Nothing has been sent.", text);
        await scene.AssertNothingQueuedOrSentAsync();
    }

    public static TheoryData<string, string, string> RefusedRequests => new()
    {
        { "run alerts for Smarch", "Alerts not run", "\"smarch\" is not a month I can act on: name the month, for example \"run alerts for September 2007\"." },
        { "preview alerts for Smarch 2008", "No preview", "\"smarch\" is not a month I can act on: name the month, for example \"preview alerts for September 2007\"." },
        { "run alerts", "Alerts not run", "Name the month, for example \"run alerts for September 2007\"." },
        { "run alerts for November 2026", "Alerts not run", "November 2026 has not ended yet: alerts are for months that have closed." },
        { "preview alerts for December 2026", "No preview", "December 2026 has not ended yet: alerts are for months that have closed." },
        { "run alerts for March 2007", "Alerts not run", "March 2007 is outside the scorecard's year (2007/8), so it has no figures to alert on." },
        { "preview alerts for April 2008", "No preview", "April 2008 is outside the scorecard's year (2007/8), so it has no figures to alert on." },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task An_admins_request_for_a_month_that_cannot_be_alerted_on_is_answered_politely_and_nothing_is_queued(
        string text, string heading, string why)
    {
        var turn = await scene.Bot.SendAsync(scene.FromAdmin(text));

        var card = turn.Card;
        CardText.TextBlock(card, heading);
        Assert.Contains(why, CardText.Of(card));
        Assert.Equal(why, (string?)card["fallbackText"]);
        await scene.AssertNothingQueuedOrSentAsync();
    }

    [Theory]
    [InlineData("run alerts for September 2007", "Only admins can run the month-end alerts.", "running alerts")]
    [InlineData("preview alerts for September 2007", "Only admins can preview the month-end alerts.", "previewing alerts")]
    [InlineData("alerts log", "Only admins can read the alerts log.", "reading the alerts log")]
    public async Task A_lead_who_is_not_an_admin_is_refused_politely_the_refusal_is_audited_and_nothing_is_queued(
        string text, string answer, string what)
    {
        var card = (await scene.Bot.SendAsync(scene.FromLead(text))).Card;

        Assert.Contains(answer, CardText.Of(card));
        Assert.DoesNotContain("Would send", CardText.Of(card));
        var refusal = Assert.Single(scene.App.AuditRefusals);
        Assert.Contains($"refused {what} by {RolesBotApp.CtcLead} ({AlertsScene.LeadName}): not an admin", refusal);
        await scene.AssertNothingQueuedOrSentAsync();
    }
}
