using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Quartz;
using ScorecardBot.Alerts;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Submissions;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Alerts.Evaluation.TeamsSide;

namespace ScorecardBot.Http.Tests.Alerts.Evaluation;

/// <summary>
/// The month-end evaluation end to end: conversations recorded as Teams installs the bot, figures entered through the
/// real form, alerts run by an admin in chat (or by the scheduled job), and the outbox delivered by the real dispatcher
/// to the fake Teams connector, whose records are what each conversation received.
/// </summary>
public sealed class AlertEvaluationTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;
    private AlertsApp _app = null!;
    private TeamsSide _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        _app = new AlertsApp();
        _teams = new TeamsSide(_connector, _app.CreateBotClient());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>
    /// September 2007 as CTC's lead enters it: the hotline answered 300 of 400 calls (75% against 85%: red); explosive
    /// officers in time for 37 of 40 IED calls (93% against 95%: amber); the rest above target.
    /// </summary>
    private static readonly Dictionary<string, string?> CtcSeptember = new()
    {
        ["figure.ctio-rolled-out"] = "0", ["figure.ctio-total-bocus"] = "29",
        ["figure.snt-recruited"] = "12", ["figure.snt-briefed"] = "11",
        ["figure.ied-in-time"] = "37", ["figure.ied-calls"] = "40",
        ["figure.scenes-appropriate"] = "9", ["figure.scenes-managed"] = "9",
        ["figure.hotline-answered"] = "300", ["figure.hotline-calls"] = "400",
    };

    /// <summary>SO14's September: no intrusions into the red and purple zones (above its zero target).</summary>
    private static readonly Dictionary<string, string?> So14September = new()
    {
        ["figure.intrusions-red-purple"] = "0", ["figure.intrusions-orange"] = "2",
        ["figure.intrusions-yellow"] = "1", ["figure.intrusions-green"] = "4",
    };

    private const string Hotline = "5 Hotline";
    private const string HotlineLine = "5 Hotline calls answered within set time: 75% against 85% (11.8% outside target).";

    [Fact]
    public async Task A_red_measure_reaches_each_active_subscribed_conversation_in_one_card_and_an_amber_or_green_one_reaches_none()
    {
        var team = await _teams.AddedToTeamAsync("General");
        var groupChat = await _teams.InstalledAsync("groupChat", Admin());
        var unsubscribed = await _teams.AddedToTeamAsync("Unsubscribed");
        await _teams.SayAsync(unsubscribed, "channel", "unsubscribe", Admin());
        var removed = await _teams.InstalledAsync("groupChat", Admin());
        await _teams.UninstalledAsync(removed, "groupChat");
        var leftTeam = await _teams.AddedToTeamAsync("Left");
        await _teams.RemovedFromTeamAsync(leftTeam);
        var nobody = await _teams.InstalledAsync("personal", NobodyPerson());
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", CtcSeptember);
        await _teams.SubmitAsync(So14LeadPerson(), "SO14", So14September);

        var run = await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        Assert.Contains("Outside target: 5 Hotline calls answered within set time (75%).", CardText.Of(run));
        foreach (var conversation in new[] { team, groupChat })
        {
            var card = Assert.Single(_teams.CardsIn(conversation));
            var text = CardText.Of(card);
            Assert.Contains("Month-end alert · September 2007", text);
            Assert.Contains("1 measure was more than 10% outside target in September 2007.", text);
            Assert.Contains(HotlineLine, text);
            CardText.TextBlock(card, "75%");
            Assert.Contains("300 of 400 calls · target 85% · 11.8% outside target", text);
            // Measure 3 is amber (93% against 95%), the rest green: not alerted, though the opening digest of what
            // changed since August names every status that moved.
            Assert.DoesNotContain("3 IED", text);
            Assert.DoesNotContain("1 CTIO", text);
            Assert.Contains("Since August 2007: ", text);
            Assert.Contains("Hotline calls answered within set time: Above Target → More Than 10% Outside Target", text);
        }
        Assert.Empty(_connector.ReceivedFor(unsubscribed));
        Assert.Empty(_connector.ReceivedFor(removed));
        Assert.Empty(_connector.ReceivedFor(leftTeam));
        Assert.Empty(_connector.ReceivedFor(nobody));
        // The CTC lead entered the figures in their own chat with the bot: it hears of its command's red measure too.
        Assert.Contains(HotlineLine, CardText.Of(Assert.Single(_teams.CardsIn(ChatOf(CtcLeadPerson())))));
        Assert.Empty(_connector.ReceivedFor(ChatOf(So14LeadPerson())));
        Assert.Equal(3, _connector.Received.Count);
        _app.Logs.AssertNoFailures();
    }

    /// <summary>
    /// In a team channel Teams sends each thread's messages with the channel's id and ";messageid=" the thread's root,
    /// while the install named the channel alone: they are one channel, told once, and "unsubscribe" in a thread is for it.
    /// </summary>
    [Fact]
    public async Task Unsubscribe_said_in_a_channel_thread_stops_the_channels_alerts_and_a_question_in_a_thread_adds_no_second_copy()
    {
        var quiet = await _teams.AddedToTeamAsync("Quiet");
        var busy = await _teams.AddedToTeamAsync("Busy");
        var unsubscribed = await _teams.SayAsync(Thread(quiet, "1501068782"), "channel", "unsubscribe", Admin());
        await _teams.SayAsync(Thread(busy, "1501068790"), "channel", "hotline in August", Admin());
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", CtcSeptember);

        await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        Assert.Contains("This conversation will no longer receive month-end alerts.", CardText.Of(unsubscribed.Card));
        Assert.Empty(_connector.ReceivedFor(quiet));
        Assert.Empty(_connector.ReceivedFor(Thread(quiet, "1501068782")));
        Assert.Contains(HotlineLine, CardText.Of(Assert.Single(_teams.CardsIn(busy))));
        Assert.Empty(_connector.ReceivedFor(Thread(busy, "1501068790")));
    }

    private static string Thread(string channel, string rootMessageId) => $"{channel};messageid={rootMessageId}";

    [Fact]
    public async Task A_second_run_for_the_same_month_sends_nothing_new()
    {
        var team = await _teams.AddedToTeamAsync("General");
        var ctcLead = await _teams.InstalledAsync("personal", CtcLeadPerson());
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", CtcSeptember);
        await _teams.SubmitAsync(So14LeadPerson(), "SO14", So14September);
        await _teams.RunAlertsAsync();
        await _app.DeliverAsync();
        Assert.Single(_teams.CardsIn(team));
        Assert.Single(_teams.CardsIn(ctcLead));

        var again = await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        Assert.Contains("Every conversation has already been told.", CardText.Of(again));
        Assert.Equal(2, _connector.Received.Count);
        Assert.Equal(2, (await _app.Outbox.LogAsync(100)).Count);
    }

    [Fact]
    public async Task A_revision_that_turns_another_measure_red_is_alerted_alone_on_the_next_run_and_a_measure_that_recovers_is_not_alerted_again()
    {
        var team = await _teams.AddedToTeamAsync("General");
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", CtcSeptember);
        await _teams.SubmitAsync(So14LeadPerson(), "SO14", So14September);
        await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        // Revised: IED responses in time 30 of 40 (75% against 95%: red); the hotline still red.
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", FigureForms.With(CtcSeptember, ("figure.ied-in-time", "30")));
        var second = await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        Assert.Contains("Outside target: 3 IED calls attended within set time (75%), 5 Hotline calls answered within set time (75%).", CardText.Of(second));
        var cards = _teams.CardsIn(team);
        Assert.Equal(2, cards.Count);
        var revised = CardText.Of(cards[1]);
        Assert.Contains("1 measure was more than 10% outside target in September 2007.", revised);
        Assert.Contains("3 IED", revised);
        Assert.True(revised.Contains("30 of 40 IED calls · target 95% · 21.1% outside target"), revised);
        Assert.DoesNotContain(Hotline, revised);

        // The hotline recovers (380 of 400, 95%); run again: nothing about it, nor anything else, is sent.
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", FigureForms.With(CtcSeptember, ("figure.ied-in-time", "30"), ("figure.hotline-answered", "380")));
        var third = await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        Assert.Contains("Outside target: 3 IED calls attended within set time (75%).", CardText.Of(third));
        Assert.Contains("Every conversation has already been told.", CardText.Of(third));
        Assert.Equal(2, _teams.CardsIn(team).Count);
    }

    [Fact]
    public async Task A_leads_own_chat_receives_the_alerts_for_the_leads_command_only()
    {
        var team = await _teams.AddedToTeamAsync("General");
        var ctcLead = await _teams.InstalledAsync("personal", CtcLeadPerson());
        var so14Lead = await _teams.InstalledAsync("personal", So14LeadPerson());
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", CtcSeptember);
        // One intrusion into the red zone: SO14's zero target breached.
        await _teams.SubmitAsync(So14LeadPerson(), "SO14", FigureForms.With(So14September, ("figure.intrusions-red-purple", "1")));

        await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        var toCtc = CardText.Of(Assert.Single(_teams.CardsIn(ctcLead)));
        Assert.Contains(HotlineLine, toCtc);
        Assert.DoesNotContain("breaches a zero target", toCtc);
        Assert.DoesNotContain("SO14", toCtc);
        var toSo14 = CardText.Of(Assert.Single(_teams.CardsIn(so14Lead)));
        Assert.Contains("(SO14)", toSo14);
        Assert.Contains("breaches a zero target", toSo14);
        Assert.DoesNotContain(Hotline, toSo14);
        Assert.DoesNotContain("(CTC)", toSo14);
        // The subscribed channel hears of both, in one card.
        var toTeam = CardText.Of(Assert.Single(_teams.CardsIn(team)));
        Assert.Contains("2 measures were", toTeam);
        Assert.Contains(HotlineLine, toTeam);
        Assert.Contains("(SO14)", toTeam);
    }

    [Fact]
    public async Task A_command_with_no_figures_for_the_closed_month_has_its_lead_reminded_and_the_reminders_button_opens_that_leads_form_for_the_month()
    {
        var ctcLead = await _teams.InstalledAsync("personal", CtcLeadPerson());
        var so14Lead = await _teams.InstalledAsync("personal", So14LeadPerson());
        // CTC's figures are in and all above target; SO14's are not.
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", FigureForms.With(CtcSeptember, ("figure.ied-in-time", "40"), ("figure.hotline-answered", "380")));

        var run = await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        Assert.Contains("reminder", CardText.Of(run));
        Assert.Empty(_connector.ReceivedFor(ctcLead));
        var reminder = Assert.Single(_teams.CardsIn(so14Lead));
        var text = CardText.Of(reminder);
        Assert.Contains("Figures due · SO14 · September 2007", text);
        Assert.Contains("SO14's figures for September 2007 have not been submitted yet; they are due by 5 October 2007.", text);
        var button = Assert.Single(CardText.Actions(reminder));
        Assert.Equal("Action.Execute", (string?)button["type"]);
        Assert.Equal("Submit SO14 figures for September 2007", (string?)button["title"]);

        var form = Submissions.FigureForms.ResponseCard(await _teams.ExecuteAsync(button, so14Lead, So14LeadPerson()));

        var inputs = Submissions.FigureForms.Inputs(form);
        Assert.Equal("2007-09", inputs["month"]);
        Assert.Equal("Intrusions into Red and Purple Zones", Submissions.FigureForms.Label(form, "figure.intrusions-red-purple"));
        Assert.DoesNotContain("figure.hotline-calls", inputs.Keys);
        Assert.Contains(form.Descendants().OfType<JObject>(), o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == "submitFigures");
    }

    [Fact]
    public async Task The_alert_and_reminder_cards_pass_the_validator_at_1_5_and_each_of_their_buttons_is_answered()
    {
        var team = await _teams.AddedToTeamAsync("General");
        var so14Lead = await _teams.InstalledAsync("personal", So14LeadPerson());
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", CtcSeptember);
        await _teams.RunAlertsAsync();
        await _app.DeliverAsync();
        var alert = Assert.Single(_teams.CardsIn(team));
        var reminder = Assert.Single(_teams.CardsIn(so14Lead));

        await CardValidator.AssertValidAsync([("month-end alert", alert), ("figures reminder", reminder)]);
        Assert.All(new[] { alert, reminder }, card =>
        {
            Assert.Equal("1.5", (string?)card["version"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)card["speak"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)card["fallbackText"]));
        });

        var answers = new Dictionary<string, string>();
        foreach (var button in CardText.Actions(alert))
        {
            Assert.Equal("Action.Submit", (string?)button["type"]);
            Assert.Null(button["data"]!["question"]);
            var turn = await _teams.ClickAsync(button, team, "channel", Admin());
            var answer = CardText.Of(turn.Card);
            Assert.DoesNotContain("That button is out of date", answer);
            answers[(string)button["title"]!] = answer;
        }

        Assert.Equal(["Measure 5", "Scorecard for September 2007", "Why"], answers.Keys.Order());
        Assert.Contains("300 of 400 calls", answers["Measure 5"]);
        Assert.Contains("More Than 10% Outside Target", answers["Measure 5"]);
        Assert.Contains("Why", answers["Why"]);
        Assert.Contains("Sep-07", answers["Scorecard for September 2007"]);
        var form = Submissions.FigureForms.ResponseCard(await _teams.ExecuteAsync(CardText.Actions(reminder).Single(), so14Lead, So14LeadPerson()));
        Assert.Equal("2007-09", Submissions.FigureForms.Inputs(form)["month"]);
        _app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task The_scheduled_month_end_job_on_the_apps_clock_alerts_on_the_month_just_closed_and_a_run_from_chat_then_adds_nothing()
    {
        var team = await _teams.AddedToTeamAsync("General");
        await _teams.SubmitAsync(CtcLeadPerson(), "CTC", CtcSeptember);
        await _teams.SubmitAsync(So14LeadPerson(), "SO14", So14September);
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var ran = new JobRan();
        scheduler.ListenerManager.AddJobListener(ran);

        await scheduler.TriggerJob(MonthEndJob.Key);
        await ran.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await _app.DeliverAsync();

        var text = CardText.Of(Assert.Single(_teams.CardsIn(team)));
        Assert.Contains("Month-end alert · September 2007", text);
        Assert.Contains(HotlineLine, text);
        // Queued for the channel and for the CTC lead's own chat, both by the scheduled run.
        var queued = await _app.Outbox.LogAsync(10);
        Assert.Equal(2, queued.Count);
        Assert.All(queued, q => Assert.StartsWith("scheduled ", q.Message.RunId));

        var run = await _teams.RunAlertsAsync();
        await _app.DeliverAsync();

        Assert.Contains("Every conversation has already been told.", CardText.Of(run));
        Assert.Single(_connector.ReceivedFor(team));
    }

    /// <summary>Completes when the month-end job has run, with the job's exception if it threw.</summary>
    private sealed class JobRan : IJobListener
    {
        private readonly TaskCompletionSource _ran = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _ran.Task;

        public string Name => "month-end job ran";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (!context.JobDetail.Key.Equals(MonthEndJob.Key)) return ValueTask.CompletedTask;
            if (jobException is null) _ran.TrySetResult();
            else _ran.TrySetException(jobException);
            return ValueTask.CompletedTask;
        }
    }
}
