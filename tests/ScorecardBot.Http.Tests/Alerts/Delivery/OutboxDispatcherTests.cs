using ScorecardBot.Alerts.Delivery;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Http.Tests.Alerts.Delivery;

/// <summary>
/// The real dispatcher and sender in the real bot, over its SQLite file, against the fake Teams connector over HTTP.
/// Timings are read from the connector's own records of when each send arrived and was answered.
/// </summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;

    public async Task InitializeAsync() => _teams = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Each_queued_message_is_delivered_once_and_a_second_dispatch_sends_nothing()
    {
        await using var app = new DeliveryApp();
        for (var i = 1; i <= 5; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:team-{i}@thread.tacv2"), $"alert {i}");

        var first = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var second = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(Sent: 5, Retrying: 0, Failed: 0, Gone: 0, Attempts: 5), first);
        Assert.Equal(new DispatchReport(0, 0, 0, 0, 0), second);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"alert {i}"), _teams.Received.Select(r => r.Summary).Order());
        Assert.All(_teams.Received, r => Assert.True(r.Accepted));
        var log = await app.LogAsync();
        Assert.All(log.Values, m =>
        {
            Assert.Equal(OutboxState.Sent, m.Message.State);
            Assert.Equal(201, Assert.Single(m.Attempts).StatusCode);
        });
        app.Logs.AssertNoFailures();
    }

    [Fact]
    public async Task A_send_a_stopped_process_left_under_way_is_settled_in_doubt_never_sent_again_and_the_others_go()
    {
        await using var app = new DeliveryApp();
        for (var i = 1; i <= 3; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:doubt-{i}@thread.tacv2"), $"doubt {i}");
        // What a process killed mid-send leaves: the message marked as leaving, Teams' answer never recorded.
        await app.Outbox.MarkSendingAsync((await app.LogAsync())["doubt 2"].Message.Id);

        var first = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var second = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(Sent: 2, Retrying: 0, Failed: 0, Gone: 0, Attempts: 2, InDoubt: 1), first);
        Assert.Equal(new DispatchReport(0, 0, 0, 0, 0), second);
        Assert.Equal(["doubt 1", "doubt 3"], _teams.Received.Select(r => r.Summary).Order());
        var (message, attempts) = (await app.LogAsync())["doubt 2"];
        Assert.Equal(OutboxState.InDoubt, message.State);
        Assert.Equal(1, message.Attempts);
        var settled = Assert.Single(attempts);
        Assert.Null(settled.StatusCode);
        Assert.Contains("stopped while this was being sent", settled.Error);
        Assert.Equal(0, await app.Outbox.BacklogAsync());

        // The alerts log says so.
        var entry = new ScorecardBot.Alerts.AlertsLogEntry(
            "a team channel", message.Kind, DeliveryApp.Month, message.State, message.Attempts, message.LastStatusCode, message.CreatedAtUtc, message.SentAtUtc);
        var card = ScorecardBot.Cards.AlertAdminCard.Draw(new ScorecardBot.Alerts.AlertsLogView([entry], Why: null));
        Assert.Contains("in doubt: the bot stopped while sending it, so it may or may not be in that chat; it was not sent again", card.Speak ?? card.FallbackText);
    }

    [Fact]
    public async Task The_bots_scheduled_delivery_sends_what_is_queued_without_being_asked_and_beside_a_manual_run_sends_nothing_twice()
    {
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("PollInterval", "00:00:01")), pollOutbox: true);
        for (var i = 1; i <= 3; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:polled-{i}@thread.tacv2"), $"polled {i}");

        for (var wait = 0; wait < 200 && _teams.Received.Count < 3; wait++) await Task.Delay(100);
        Assert.Equal(["polled 1", "polled 2", "polled 3"], _teams.Received.Select(r => r.Summary).Order());

        // Manual runs (as after an admin's "run alerts") while the polls go on: the runs take turns.
        for (var i = 1; i <= 20; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:both-{i}@thread.tacv2"), $"both {i}");
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Dispatcher.DispatchDueAsync(CancellationToken.None)));
        await Task.Delay(1500);

        Assert.Equal(23, _teams.Received.Count);
        Assert.Equal(23, _teams.Received.Select(r => r.Summary).Distinct().Count());
        Assert.All((await app.LogAsync()).Values, m => Assert.Equal(OutboxState.Sent, m.Message.State));
    }

    [Fact]
    public async Task A_429_is_honoured_nothing_reaches_that_conversation_before_its_retry_after_and_the_others_go_on()
    {
        // A short backoff, so only the Retry-After could explain the wait.
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("RetryBaseDelay", "00:00:00.1")));
        var throttled = await app.AddConversationAsync(_teams, "19:throttled@thread.tacv2");
        await app.QueueAsync(throttled, "throttled 1");
        await app.QueueAsync(throttled, "throttled 2");
        for (var i = 1; i <= 3; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:other-{i}@thread.tacv2"), $"other {i}");
        _teams.Script(throttled.ConversationId, FakeAnswer.Throttled(TimeSpan.FromSeconds(4)));

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(Sent: 5, Retrying: 0, Failed: 0, Gone: 0, Attempts: 6), report);
        var sends = _teams.ReceivedFor(throttled.ConversationId).OrderBy(r => r.ArrivedAt).ToList();
        Assert.Equal([429, 201, 201], sends.Select(s => s.Status));
        Assert.Equal(["throttled 1", "throttled 1", "throttled 2"], sends.Select(s => s.Summary));
        Assert.All(sends.Skip(1), s => Assert.True(s.ArrivedAt >= sends[0].AnsweredAt + TimeSpan.FromSeconds(4),
            $"A send arrived {s.ArrivedAt - sends[0].AnsweredAt} after the 429 that asked for 4 s."));
        Assert.All(_teams.Received.Where(r => r.ConversationId != throttled.ConversationId),
            other => Assert.True(other.AnsweredAt < sends[1].ArrivedAt, "Another conversation waited for the throttled one."));
        var attempts = (await app.LogAsync())["throttled 1"].Attempts;
        Assert.Equal([429, 201], attempts.Select(a => a.StatusCode));
        Assert.Empty(_teams.Violations);
    }

    [Fact]
    public async Task A_tenant_throttled_on_every_send_is_slowed_for_the_retry_after_not_only_its_conversations()
    {
        await using var teams = await FakeTeamsConnector.StartAsync(new TeamsLimits(PerTenantPerSecond: 5));
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("PerTenantPerSecond", 5), ("RetryBaseDelay", "00:00:00.1")));
        for (var i = 1; i <= 5; i++)
        {
            var throttled = await app.AddConversationAsync(teams, $"19:throttled-{i}@thread.tacv2");
            await app.QueueAsync(throttled, $"throttled {i}");
            teams.Script(throttled.ConversationId, FakeAnswer.Throttled(TimeSpan.FromSeconds(3)));
        }
        for (var i = 1; i <= 5; i++) await app.QueueAsync(await app.AddConversationAsync(teams, $"19:other-{i}@thread.tacv2"), $"other {i}");

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(10, report.Sent);
        Assert.Empty(teams.Violations);
        // The tenant's five permits all went to sends answered 429 (wait 3 s): each is held that long, so the other
        // conversations, untouched by any 429, wait too, where the window alone would have let them go after a second.
        var firstThrottle = teams.Received.Where(r => r.Status == 429).Min(r => r.AnsweredAt);
        var others = teams.Received.Where(r => r.ConversationId.StartsWith("19:other-")).ToList();
        Assert.Equal(5, others.Count);
        Assert.All(others, r => Assert.True(r.ArrivedAt >= firstThrottle + TimeSpan.FromSeconds(3),
            $"Another conversation's send arrived {r.ArrivedAt - firstThrottle} after the tenant's first 429."));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_waits_until_max_attempts_then_the_message_fails_with_every_try_recorded()
    {
        var baseDelay = TimeSpan.FromMilliseconds(200);
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("MaxAttempts", 4), ("RetryBaseDelay", baseDelay)));
        var failing = await app.AddConversationAsync(_teams, "19:failing@thread.tacv2");
        await app.QueueAsync(failing, "never answered well");
        _teams.AnswerAlways(failing.ConversationId, FakeAnswer.ServerError);

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(Sent: 0, Retrying: 0, Failed: 1, Gone: 0, Attempts: 4), report);
        var sends = _teams.ReceivedFor(failing.ConversationId).OrderBy(r => r.ArrivedAt).ToList();
        Assert.Equal(4, sends.Count);
        // Polly's jittered exponential backoff: three waits from a 200 ms base add up to at least 2.8 times it
        // (the decorrelated-jitter series telescopes to 2^t·tanh(√(4t))/1.4 with t ≥ 2); no backoff would be milliseconds.
        var waited = sends.Zip(sends.Skip(1), (before, after) => after.ArrivedAt - before.AnsweredAt).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.True(waited >= 2.8 * baseDelay, $"The three retries waited {waited.TotalMilliseconds:0} ms in all.");
        var (message, attempts) = (await app.LogAsync())["never answered well"];
        Assert.Equal(OutboxState.Failed, message.State);
        Assert.Equal(4, message.Attempts);
        Assert.Equal([500, 500, 500, 500], attempts.Select(a => a.StatusCode));
        Assert.All(attempts, a =>
        {
            Assert.Contains("500", a.Error);
            Assert.True(a.ElapsedMilliseconds > 0);
        });
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_conversation_the_bot_was_removed_from_is_marked_inactive_and_nothing_more_is_sent_to_it(int status)
    {
        await DeliveryScenarios.RemovedConversationAsync(status, storage: null);
    }

    [Fact]
    public async Task A_slow_conversation_and_a_failing_one_do_not_hold_up_the_others()
    {
        await using var app = new DeliveryApp(DeliveryApp.Delivery(
            ("Parallelism", 4), ("MaxAttempts", 3), ("RetryBaseDelay", "00:00:00.5"), ("AttemptTimeout", "00:01:00")));
        var slow = await app.AddConversationAsync(_teams, "19:slow@thread.tacv2");
        var failing = await app.AddConversationAsync(_teams, "19:failing@thread.tacv2");
        await app.QueueAsync(slow, "slow");
        await app.QueueAsync(failing, "failing");
        for (var i = 1; i <= 20; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:quick-{i}@thread.tacv2"), $"quick {i}");
        // The slow conversation answers only once the quick ones have been answered, or after 20 s if they never are:
        // slow for as long as this needs however busy the machine, and a quick one that waited for it fails the test.
        var release = new TaskCompletionSource();
        _teams.Script(slow.ConversationId, FakeAnswer.Created.Until(release.Task));
        _teams.AnswerAlways(failing.ConversationId, FakeAnswer.ServerError);

        var dispatch = app.Dispatcher.DispatchDueAsync(CancellationToken.None);
        await _teams.WaitUntilAsync(received => received.Count(r => r.ConversationId.StartsWith("19:quick-") && r.Accepted) == 20, TimeSpan.FromSeconds(20));
        release.SetResult();
        var report = await dispatch;

        Assert.Equal(new DispatchReport(Sent: 21, Retrying: 0, Failed: 1, Gone: 0, Attempts: 24), report);
        var slowAnswer = Assert.Single(_teams.ReceivedFor(slow.ConversationId)).AnsweredAt;
        var lastFailure = _teams.ReceivedFor(failing.ConversationId).Max(r => r.ArrivedAt);
        var quick = _teams.Received.Where(r => r.ConversationId.StartsWith("19:quick-")).ToList();
        Assert.Equal(20, quick.Count(r => r.Accepted));
        Assert.All(quick, r => Assert.True(r.AnsweredAt < slowAnswer, "A quick conversation waited for the slow one."));
        Assert.True(quick.Min(r => r.ArrivedAt) < lastFailure, "The quick conversations waited for the failing one's retries.");
    }

    [Fact]
    public async Task A_conversations_backlog_goes_in_order_and_holds_up_no_other_conversation_even_with_one_send_at_a_time()
    {
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("Parallelism", 1)));
        var busy = await app.AddConversationAsync(_teams, "19:busy@thread.tacv2");
        for (var i = 1; i <= 30; i++) await app.QueueAsync(busy, $"busy {i}");
        // Queued after the busy conversation's 30, so first come, first served would put them last.
        for (var i = 1; i <= 10; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:later-{i}@thread.tacv2"), $"later {i}");

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(40, report.Sent);
        var busySends = _teams.ReceivedFor(busy.ConversationId).OrderBy(r => r.ArrivedAt).ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"busy {i}"), busySends.Select(s => s.Summary));
        // 7 a second: the busy conversation's 15th send is two seconds in; the others went while it waited.
        var later = _teams.Received.Where(r => r.ConversationId.StartsWith("19:later-")).ToList();
        Assert.Equal(10, later.Count);
        Assert.All(later, r => Assert.True(r.ArrivedAt < busySends[14].ArrivedAt, "Another conversation waited behind the busy one."));
        Assert.Empty(_teams.Violations);
    }

    [Fact]
    public async Task Messages_waiting_for_their_permits_hold_no_sender_so_another_tenant_goes_meanwhile()
    {
        await using var teams = await FakeTeamsConnector.StartAsync(new TeamsLimits(PerTenantPerSecond: 10));
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("Parallelism", 1), ("PerTenantPerSecond", 10)));
        for (var i = 1; i <= 40; i++) await app.QueueAsync(await app.AddConversationAsync(teams, $"19:a-{i}@thread.tacv2", "tenant-a"), $"a {i}");
        for (var i = 1; i <= 5; i++) await app.QueueAsync(await app.AddConversationAsync(teams, $"19:b-{i}@thread.tacv2", "tenant-b"), $"b {i}");

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(45, report.Sent);
        Assert.Empty(teams.Violations);
        var tenantA = teams.Received.Where(r => r.TenantId == "tenant-a").OrderBy(r => r.ArrivedAt).ToList();
        // Tenant A's 20th send waits at least a second for its tenant's permits; tenant B's five had no reason to.
        Assert.All(teams.Received.Where(r => r.TenantId == "tenant-b"),
            b => Assert.True(b.ArrivedAt < tenantA[19].ArrivedAt, "Tenant B waited behind tenant A's limit."));
    }

    [Fact]
    public async Task Teams_limits_are_never_exceeded_with_forty_messages_to_one_conversation_and_two_hundred_conversations_in_one_tenant()
    {
        await using var app = new DeliveryApp();
        var busy = await app.AddConversationAsync(_teams, "19:busy@thread.tacv2", "tenant-a");
        for (var i = 1; i <= 40; i++) await app.QueueAsync(busy, $"busy {i}");
        for (var i = 1; i <= 200; i++) await app.QueueAsync(await app.AddConversationAsync(_teams, $"19:team-{i}@thread.tacv2", "tenant-a"), $"team {i}");

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(Sent: 240, Retrying: 0, Failed: 0, Gone: 0, Attempts: 240), report);
        Assert.Empty(_teams.Violations);
        Assert.Equal(240, _teams.Received.Count(r => r.Accepted));
        // Checked here too, not only by the connector: no second of arrivals holds more than the limits.
        Assert.True(MostInAnyWindow(_teams.ReceivedFor(busy.ConversationId), TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MostInAnyWindow(_teams.Received, TimeSpan.FromSeconds(1)) <= 50);
        // And the limits were what paced it: 240 sends at 50 a second take more than four seconds.
        var span = _teams.Received.Max(r => r.ArrivedAt) - _teams.Received.Min(r => r.ArrivedAt);
        Assert.True(span >= TimeSpan.FromSeconds(4), $"240 sends arrived within {span}.");
    }

    [Fact]
    public async Task A_conversation_gets_no_more_than_its_limit_in_any_thirty_seconds()
    {
        var limits = new TeamsLimits(PerConversationPer30Seconds: 10);
        await using var teams = await FakeTeamsConnector.StartAsync(limits);
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("PerConversationPer30Seconds", 10)));
        var busy = await app.AddConversationAsync(teams, "19:busy@thread.tacv2");
        for (var i = 1; i <= 12; i++) await app.QueueAsync(busy, $"busy {i}");

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(12, report.Sent);
        Assert.Empty(teams.Violations);
        var sends = teams.Received.OrderBy(r => r.ArrivedAt).ToList();
        Assert.True(sends[10].ArrivedAt >= sends[0].AnsweredAt + TimeSpan.FromSeconds(30),
            $"The 11th send arrived {sends[10].ArrivedAt - sends[0].ArrivedAt} after the first.");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_poll_interval_is_left_to_a_later_run()
    {
        await using var app = new DeliveryApp(DeliveryApp.Delivery(("PollInterval", "00:00:01")));
        var throttled = await app.AddConversationAsync(_teams, "19:throttled@thread.tacv2");
        await app.QueueAsync(throttled, "throttled");
        // Long enough that a busy machine's slow first run cannot reach it, and far past the poll interval.
        _teams.Script(throttled.ConversationId, FakeAnswer.Throttled(TimeSpan.FromSeconds(5)));

        var before = DateTime.UtcNow;
        var first = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var after = DateTime.UtcNow;
        var (waiting, _) = (await app.LogAsync())["throttled"];
        var tooSoon = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);
        var untilDue = waiting.NextAttemptAtUtc - DateTime.UtcNow + TimeSpan.FromMilliseconds(100);
        if (untilDue > TimeSpan.Zero) await Task.Delay(untilDue);
        var due = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(Sent: 0, Retrying: 1, Failed: 0, Gone: 0, Attempts: 1), first);
        Assert.True(after - before < TimeSpan.FromSeconds(5), $"The first run took {after - before}: it waited for the retry.");
        Assert.Equal(OutboxState.Retrying, waiting.State);
        Assert.InRange(waiting.NextAttemptAtUtc, before + TimeSpan.FromSeconds(5), after + TimeSpan.FromSeconds(5.1));
        Assert.Equal(new DispatchReport(0, 0, 0, 0, 0), tooSoon);
        Assert.Equal(new DispatchReport(Sent: 1, Retrying: 0, Failed: 0, Gone: 0, Attempts: 1), due);
        Assert.Equal([429, 201], _teams.Received.Select(r => r.Status));
    }

    [Fact]
    public async Task A_dispatch_stopped_midway_is_finished_by_the_next_app_with_no_message_sent_twice()
    {
        await DeliveryScenarios.StoppedMidwayAndRestartedAsync(storage: null);
    }

    private static int MostInAnyWindow(IEnumerable<ReceivedActivity> sends, TimeSpan window)
    {
        var times = sends.Select(s => s.ArrivedAt).Order().ToList();
        var most = 0;
        for (int first = 0, last = 0; last < times.Count; last++)
        {
            while (times[first] <= times[last] - window) first++;
            most = Math.Max(most, last - first + 1);
        }
        return most;
    }
}
