using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using ScorecardBot.Core.Periods;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;
using ScorecardBot.Storage.Tests;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Alerts.Instances;

/// <summary>
/// Scale-out as an operator runs it: two bot processes (the built dll, settings from environment variables) on one
/// PostgreSQL database, so the Quartz job store is persistent and clustered; conversations recorded through the real
/// endpoint with the fake Teams connector as their serviceUrl; every card that reaches "Teams" counted there.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Conversations = 200;

    /// <summary>BotClient's user: the admin who says "run alerts".</summary>
    private const string Admin = "00000000-0000-0000-0000-000000000001";

    private const string MonthEndLine = "Month-end evaluation of";

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_deliver_each_alert_once_and_run_each_month_end_fire_on_one_of_them()
    {
        var database = (await server.CreateEmptyDatabaseAsync()).ConnectionString!;
        await using var teams = await FakeTeamsConnector.StartAsync();
        // The month-end job every two seconds, its month due from day 1: it evaluates last month (outside the seed's
        // year: nothing to alert on) and logs one line per run, on whichever instance ran it.
        var settings = Settings(database, ("Alerts__Schedule", "0/2 * * * * ?"), ("Alerts__FiguresDueDay", "1"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        // Both started at once on the empty database: each migrates, seeds and provisions Quartz's tables.
        var sinceStart = Stopwatch.StartNew();
        await using var a = BotProcess.Start(settings);
        await using var b = BotProcess.Start(settings);
        await Task.WhenAll(a.WaitUntilReadyAsync(http), b.WaitUntilReadyAsync(http));
        var bothReadyAt = sinceStart.Elapsed;

        var ids = await InstallAsync(http, teams, [a, b]);
        await RunAlertsAsync(http, a, database);

        await WaitUntilAllSentAsync(database, teams, ids, [a, b]);
        // Settled: two poll intervals on each instance after the last send, for a second send to show itself.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var accepted = AcceptedPerConversation(teams, ids);
        var twice = accepted.Where(c => c.Value > 1).Select(c => $"{c.Key} ×{c.Value}").ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} conversations got the alert more than once: {string.Join(", ", twice.Take(10))}");
        Assert.All(accepted, c => Assert.Equal(1, c.Value));
        var outbox = await OutboxAsync(database);
        Assert.Equal(Conversations, outbox.Count);
        Assert.All(outbox, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(Conversations, outbox.Select(m => m.ConversationId).Distinct().Count());
        Assert.Single(outbox.Select(m => m.RunId).Distinct());

        // Each fire of the month-end job ran on one instance: never more runs, across both, than fire times since the
        // first started (two instances each running every fire would log about twice that).
        var runsA = a.Lines.Count(l => l.Contains(MonthEndLine, StringComparison.Ordinal));
        var runsB = b.Lines.Count(l => l.Contains(MonthEndLine, StringComparison.Ordinal));
        var elapsed = sinceStart.Elapsed;
        var fireTimes = (int)(elapsed.TotalSeconds / 2) + 1;
        output.WriteLine($"Ready after {bothReadyAt.TotalSeconds:0.0} s; month-end runs: {runsA} on A, {runsB} on B, in {elapsed.TotalSeconds:0.0} s ({fireTimes} fire times at most)");
        output.WriteLine($"Dispatch runs that sent: A {Dispatches(a)}, B {Dispatches(b)}");
        Assert.True(runsA + runsB <= fireTimes, $"The month-end job ran {runsA} times on A and {runsB} on B: more than its {fireTimes} fire times.");
        Assert.True(runsA + runsB >= 3, $"The month-end job ran {runsA + runsB} times in {elapsed.TotalSeconds:0} s.");
        Assert.False(a.HasExited || b.HasExited, "An instance stopped during the test.");
    }

    /// <summary>
    /// A lead saves September's figures through the form on one instance; the other, which has already answered about
    /// September from its own snapshot, answers with the new figures within its snapshot's staleness (Snapshot:MaxStaleness,
    /// a second by default).
    /// </summary>
    [Fact]
    public async Task A_figure_saved_on_one_instance_is_answered_by_the_other_moments_later()
    {
        var database = (await server.CreateEmptyDatabaseAsync()).ConnectionString!;
        var settings = Settings(database, ("Access__Leads__CTC__0", Admin));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await using var a = BotProcess.Start(settings);
        await using var b = BotProcess.Start(settings);
        await Task.WhenAll(a.WaitUntilReadyAsync(http), b.WaitUntilReadyAsync(http));
        var onA = new BotClient(new HttpClient { BaseAddress = a.Address, Timeout = TimeSpan.FromSeconds(60) });
        var onB = new BotClient(new HttpClient { BaseAddress = b.Address, Timeout = TimeSpan.FromSeconds(60) });

        var before = CardText.Of((await onB.AskAsync("hotline september 2007")).Card);
        Assert.DoesNotContain("300 of 400 calls", before);

        var form = (await onA.SendAsync(Submissions.FigureForms.From("submit CTC figures for September 2007", Admin, "Lee Lead"))).Card;
        var inputs = Submissions.FigureForms.With(Submissions.FigureForms.Inputs(form), Submissions.FigureForms.CtcSeptember);
        var saved = await onA.SendAsync(Submissions.FigureForms.Invoke(Submissions.FigureForms.Action(form, "submitFigures"), inputs, Admin, "Lee Lead"));
        var savedAt = Stopwatch.StartNew();
        Assert.Contains("Saved", CardText.Of(Submissions.FigureForms.ResponseCard(saved)));

        // Asked again and again on B: the first answer with the new figures, and how long after the save it came.
        string after;
        do
        {
            after = CardText.Of((await onB.AskAsync("hotline september 2007")).Card);
        }
        while (!after.Contains("300 of 400 calls", StringComparison.Ordinal) && savedAt.Elapsed < TimeSpan.FromSeconds(10));
        var seenAfter = savedAt.Elapsed;
        output.WriteLine($"B answered with A's save after {seenAfter.TotalMilliseconds:0} ms");

        Assert.Contains("300 of 400 calls", after);
        Assert.Contains("75%", after);
        // The snapshot's staleness is a second, proved to the tick on a fake clock (ScorecardSnapshotProviderTests); here,
        // across real processes on a machine other test runs share, the turns around it may take a good deal longer.
        Assert.True(seenAfter < TimeSpan.FromSeconds(5), $"B answered with the saved figures only after {seenAfter.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task An_instance_killed_mid_fan_out_leaves_the_rest_to_the_other_and_nothing_goes_twice()
    {
        await KilledMidFanOutAsync(alongside: true);
    }

    [Fact]
    public async Task A_lone_instance_killed_mid_fan_out_and_restarted_sends_the_rest_and_nothing_twice()
    {
        await KilledMidFanOutAsync(alongside: false);
    }

    /// <summary>
    /// Two hundred alerts queued, every send answered after a second and ten sent at a time, so the fan-out takes about
    /// twenty seconds; once forty are answered, the instance running the delivery (as the clustered job store says) is
    /// killed outright, and then started again. No card goes twice: the sends the killed process had in flight (the
    /// connector got them, the process never saw the answer) are left in doubt, and every other conversation gets its
    /// card once.
    /// </summary>
    private async Task KilledMidFanOutAsync(bool alongside)
    {
        var database = (await server.CreateEmptyDatabaseAsync()).ConnectionString!;
        await using var teams = await FakeTeamsConnector.StartAsync();
        teams.AnswerAtRandom(new RandomAnswers(Seed: 7, Throttled: 0, ServerErrors: 0, RetryAfter: TimeSpan.Zero, Slow: 1, SlowBy: TimeSpan.FromSeconds(1)));
        var settings = Settings(database, ("Alerts__Delivery__Parallelism", "10"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var instances = new List<BotProcess>();
        try
        {
            // One after the other, so each one's Quartz instance is known: the one that appears in the scheduler state.
            var byInstance = new Dictionary<string, BotProcess>();
            foreach (var _ in Enumerable.Range(0, alongside ? 2 : 1))
            {
                var bot = BotProcess.Start(settings);
                instances.Add(bot);
                await bot.WaitUntilReadyAsync(http);
                byInstance[(await SchedulerInstancesAsync(database)).Single(id => !byInstance.ContainsKey(id))] = bot;
            }

            var ids = await InstallAsync(http, teams, instances);
            await RunAlertsAsync(http, instances[^1], database);

            Assert.True(await teams.WaitUntilAsync(r => r.Count(x => x.Accepted) >= 40, TimeSpan.FromSeconds(90)),
                $"Fewer than 40 cards reached Teams within 90 s ({teams.Received.Count}).\n{string.Join("\n", instances.Select(i => i.Output))}");
            var sender = await ExecutingDispatchAsync(database);
            Assert.True(sender is not null && byInstance.ContainsKey(sender), $"No instance is running the outbox's delivery ({sender}).");
            var killed = byInstance[sender!];
            var answeredBeforeKill = teams.Received.Count;
            var killedAt = teams.Now;
            killed.Kill();
            Assert.InRange(answeredBeforeKill, 40, Conversations - 1);

            // What the killed process had in flight: the connector saw the send, the bot never saw the answer. The
            // connector records those only once it notices the connections closed, so they are counted at the end.
            await Task.Delay(TimeSpan.FromSeconds(1));
            output.WriteLine($"Killed instance {instances.IndexOf(killed)} after {answeredBeforeKill} answered sends, " +
                $"{teams.Received.Count(r => r.Abandoned)} in flight");

            // The killed one comes back as a new process (beside the survivor, if there is one); any of them may send the rest.
            var restarted = BotProcess.Start(settings);
            instances.Add(restarted);
            await restarted.WaitUntilReadyAsync(http);
            var running = instances.Where(i => i != killed).ToList();
            await WaitUntilAllSentAsync(database, teams, ids, running, TimeSpan.FromSeconds(180));
            await Task.Delay(TimeSpan.FromSeconds(3));

            var inFlight = teams.Received.Where(r => r.Abandoned).Select(r => r.ConversationId).ToHashSet();
            // Sends the killed process began: those that arrived before the kill, and those whose sender went away (only
            // the killed one does), which a connector slowed by a busy machine may have begun reading just after it.
            var sentBeforeKill = teams.Received.Where(r => r.ArrivedAt <= killedAt || r.Abandoned).Select(r => r.ConversationId).ToHashSet();
            var accepted = AcceptedPerConversation(teams, ids);
            var twice = accepted.Where(c => c.Value > 1).Select(c => c.Key).ToHashSet();
            var outbox = await OutboxAsync(database);
            var inDoubt = outbox.Where(m => m.State == OutboxState.InDoubt).Select(m => m.TeamsConversationId).ToHashSet();
            var neverArrived = inDoubt.Where(id => accepted[id] == 0).ToList();
            output.WriteLine($"Sent twice: {twice.Count}; in doubt: {inDoubt.Count} ({string.Join(", ", inDoubt.Order())}), of which never arrived: " +
                $"{neverArrived.Count}; dispatch runs that sent after the kill: {string.Join(", ", running.Select(i => $"instance {instances.IndexOf(i)}: {Dispatches(i)}"))}");

            // No card went twice.
            var detail = $"Sent twice: {string.Join(", ", twice.Order())}; in flight when killed: {string.Join(", ", inFlight.Order())}; " +
                $"in doubt: {string.Join(", ", inDoubt.Order())}";
            Assert.True(twice.Count == 0, detail);
            Assert.Equal(Conversations, outbox.Count);
            Assert.Equal(Conversations, outbox.Select(m => m.ConversationId).Distinct().Count());
            // Usually some sends are in flight at the kill (ten at a time, each answered after a second), but a kill may
            // fall between them. Every send the killed process began and never recorded is in doubt, not sent again:
            // those Teams had not answered, and any it had answered but the process had not yet recorded. No more than
            // the process's parallelism, all begun before the kill.
            Assert.True(inFlight.IsSubsetOf(inDoubt), detail);
            Assert.InRange(inDoubt.Count, 0, 10);
            Assert.All(inDoubt, id => Assert.True(accepted[id] == 0 || sentBeforeKill.Contains(id), detail));
            // The rest were delivered: every other conversation has its card exactly once, recorded as sent.
            Assert.All(outbox.Where(m => !inDoubt.Contains(m.TeamsConversationId)), m =>
            {
                Assert.Equal(OutboxState.Sent, m.State);
                Assert.Equal(1, accepted[m.TeamsConversationId]);
            });
            // One try on record each: the send, or for those in doubt, the note that the process stopped during it.
            Assert.All(outbox, m => Assert.Equal(1, m.Attempts));
            Assert.All(running, i => Assert.False(i.HasExited, "An instance stopped during the test."));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Settings(string connectionString, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Bot__AllowUnauthenticated"] = "true",
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Scorecard"] = connectionString,
            // Started together on an empty database, the instances migrate it themselves (in production the bundle does).
            ["Storage__MigrateOnStart"] = "true",
            ["Access__Admins__0"] = Admin,
            ["Alerts__Delivery__PollInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    /// <summary>
    /// September 2007's SNT figures put measure 2 far below target (10 of 20 briefed: 50% against 80%), saved as a
    /// submission is; then an admin says "run alerts for September 2007" to one instance.
    /// </summary>
    private async Task RunAlertsAsync(HttpClient http, BotProcess instance, string database)
    {
        var storage = new ScorecardDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database });
        var september = MonthRange.Single(new YearMonth(2007, 9));
        await new FigureStore(storage, TimeProvider.System).SaveAsync(
            [new FigureChange("snt-recruited", september, 20), new FigureChange("snt-briefed", september, 10)], [],
            new Editor(Admin, "A. Officer"), Guid.NewGuid());
        // Past Snapshot:MaxStaleness (a second), so the instance reads the figures just saved.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var run = await new BotClient(Client(http, instance)).SendAsync(BotClient.Message("run alerts for September 2007"));
        Assert.Equal(HttpStatusCode.OK, run.Status);
        var said = string.Join("\n", run.Cards.Select(CardText.Of));
        output.WriteLine(said);
        Assert.DoesNotContain("No measure was outside target", said);
    }

    private static HttpClient Client(HttpClient shared, BotProcess bot) =>
        new() { BaseAddress = bot.Address, Timeout = shared.Timeout };

    /// <summary>Installs the bot in team channels whose serviceUrl is the fake connector, half through each instance.</summary>
    private static async Task<IReadOnlyList<string>> InstallAsync(HttpClient http, FakeTeamsConnector teams, IReadOnlyList<BotProcess> instances)
    {
        var ids = Enumerable.Range(1, Conversations).Select(i => $"19:team-{i:000}@thread.tacv2").ToList();
        var clients = instances.Select(i => new BotClient(Client(http, i))).ToList();
        using var gate = new SemaphoreSlim(8);
        var turns = await Task.WhenAll(ids.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var activity = BotClient.Activity("installationUpdate", "channel", conversationId: id);
                activity["action"] = "add";
                activity["serviceUrl"] = teams.ServiceUrl;
                return await clients[i % clients.Count].SendAsync(activity);
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.All(turns, t => Assert.True(t.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"installationUpdate answered {t.Status}: {t.Body}"));
        return ids;
    }

    /// <summary>Until every conversation has a card at the connector and nothing in the outbox is still to go.</summary>
    private static async Task WaitUntilAllSentAsync(
        string connectionString, FakeTeamsConnector teams, IReadOnlyList<string> ids, IReadOnlyList<BotProcess> instances, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromSeconds(120);
        while (true)
        {
            var accepted = AcceptedPerConversation(teams, ids);
            var outbox = await OutboxAsync(connectionString);
            var reached = outbox.Count(m => accepted[m.TeamsConversationId] > 0);
            var toGo = outbox.Count(m => m.State is OutboxState.Pending or OutboxState.Retrying or OutboxState.Sending);
            // Sent, each recorded one reached its conversation; a message left in doubt by a kill may not have.
            var settled = outbox.All(m => m.State == OutboxState.InDoubt || (m.State == OutboxState.Sent && accepted[m.TeamsConversationId] > 0));
            if (outbox.Count == ids.Count && toGo == 0 && settled) return;
            if (deadline.Elapsed > limit)
            {
                var logs = string.Join("\n", instances.Select((p, i) => $"--- instance {i} (exited: {p.HasExited}):\n{p.Output}"));
                Assert.Fail($"After {limit.TotalSeconds:0} s {reached} of {ids.Count} conversations had a card; the outbox holds {outbox.Count} " +
                    $"messages, {toGo} still to go ({string.Join(", ", outbox.GroupBy(m => m.State).Select(g => $"{g.Key} {g.Count()}"))}).\n{logs}");
            }
            await Task.Delay(250);
        }
    }

    private static Dictionary<string, int> AcceptedPerConversation(FakeTeamsConnector teams, IReadOnlyList<string> ids)
    {
        var accepted = teams.Received.Where(r => r.Accepted).GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        var strangers = accepted.Keys.Except(ids).ToList();
        Assert.True(strangers.Count == 0, $"Cards reached conversations the test did not make: {string.Join(", ", strangers)}");
        return ids.ToDictionary(id => id, id => accepted.GetValueOrDefault(id));
    }

    private static int Dispatches(BotProcess bot) => bot.Lines.Count(l => l.Contains("Dispatch done:", StringComparison.Ordinal));

    /// <summary>An outbox message: its conversation's record and its Teams conversation id.</summary>
    private sealed record OutboxRow(long Id, long ConversationId, OutboxState State, int Attempts, string? RunId, string TeamsConversationId);

    private static async Task<List<OutboxRow>> OutboxAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT o."Id", o."ConversationRecordId", o."State", o."Attempts", o."RunId", c."ConversationId"
            FROM outbox o JOIN conversations c ON c."Id" = o."ConversationRecordId"
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetInt64(1), (OutboxState)Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }
        return rows;
    }

    /// <summary>The Quartz scheduler instances checked in to the clustered job store.</summary>
    private static async Task<List<string>> SchedulerInstancesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>The Quartz instance running the outbox's delivery job now, if any.</summary>
    private static async Task<string?> ExecutingDispatchAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'outbox-dispatch' AND state = 'EXECUTING'", connection);
        return await command.ExecuteScalarAsync() as string;
    }
}
