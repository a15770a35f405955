using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ScorecardBot.Alerts;
using ScorecardBot.Core.Periods;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Http.Tests.Observability;

/// <summary>
/// The bot on the fixed clock with readiness watching the outbox closely (more than 2 messages unsent 5 minutes after
/// they fell due is not ready), and its scheduled work paused, so nothing sends what a test queues.
/// </summary>
public sealed class ReadinessApp : BotApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
    [
        new("Alerts:Delivery:ReadyBacklogAge", "00:05:00"),
        new("Alerts:Delivery:ReadyBacklogCount", "2"),
    ]);

    public IScheduler Scheduler => Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask().GetAwaiter().GetResult();

    protected override IReadOnlyList<TriggerKey> PausedTriggers => [AlertScheduling.OutboxPollTrigger, AlertScheduling.MonthEndTrigger];
}

/// <summary>/health/ready also says whether scheduled work runs and whether the outbox is being delivered.</summary>
public sealed class ReadinessTests(ReadinessApp app) : IClassFixture<ReadinessApp>
{
    [Fact]
    public async Task Ready_is_503_while_the_scheduler_stands_by_and_200_once_it_runs_again()
    {
        var http = app.CreateClient();
        await AssertReadyAsync(http, HttpStatusCode.OK, "Healthy");

        await app.Scheduler.Standby();

        await AssertReadyAsync(http, HttpStatusCode.ServiceUnavailable, "Unhealthy");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        await app.Scheduler.Start();

        await AssertReadyAsync(http, HttpStatusCode.OK, "Healthy");
    }

    [Fact]
    public async Task Ready_is_503_while_the_overdue_outbox_is_over_its_count_degraded_below_it_and_healthy_once_delivered()
    {
        var http = app.CreateClient();
        var outbox = app.Services.GetRequiredService<OutboxStore>();
        var conversation = await app.Services.GetRequiredService<ConversationStore>().SeenAsync(
            new ConversationSeen("msteams", $"19:{Guid.NewGuid():N}@thread.tacv2", "http://127.0.0.1:9/", BotClient.Tenant, "channel", null, null, "{}"),
            added: true);
        foreach (var subject in new[] { "1", "2", "3" })
        {
            await outbox.EnqueueAsync(conversation.Id, new YearMonth(2026, 10), [new DeliveryKey("alert", subject, "red")],
                _ => ("{}", "alert " + subject), "readiness-test");
        }
        // Due now, so not yet overdue.
        await AssertReadyAsync(http, HttpStatusCode.OK, "Healthy");

        app.Clock.Advance(TimeSpan.FromMinutes(6));

        await AssertReadyAsync(http, HttpStatusCode.ServiceUnavailable, "Unhealthy");

        var queued = (await outbox.LogAsync(100)).Where(m => m.Conversation.Id == conversation.Id).Select(m => m.Message.Id).ToList();
        Assert.Equal(3, queued.Count);
        foreach (var id in queued.Take(2)) await outbox.RecordAttemptAsync(id, 201, null, TimeSpan.Zero, OutboxState.Sent, null);

        // One overdue message: the bot still answers, and says delivery is behind.
        await AssertReadyAsync(http, HttpStatusCode.OK, "Degraded");

        await outbox.RecordAttemptAsync(queued[2], 201, null, TimeSpan.Zero, OutboxState.Sent, null);

        await AssertReadyAsync(http, HttpStatusCode.OK, "Healthy");
    }

    private static async Task AssertReadyAsync(HttpClient http, HttpStatusCode status, string body)
    {
        foreach (var path in new[] { "/health/ready", "/healthz" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal((status, body), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
    }
}

public sealed class ReadinessSettingsTests
{
    [Fact]
    public void A_backlog_age_of_zero_or_a_negative_count_is_refused_and_a_count_of_zero_turns_the_check_off()
    {
        var validator = new AlertSettingsValidator();
        var refused = validator.Validate(null, new AlertOptions { Delivery = { ReadyBacklogAge = TimeSpan.Zero, ReadyBacklogCount = -1 } });

        Assert.Equal(
            [
                "Setting 'Alerts:Delivery:ReadyBacklogAge' is invalid: it must be more than zero.",
                "Setting 'Alerts:Delivery:ReadyBacklogCount' is invalid: -1 must be from 0 (no check) to 1000000.",
            ],
            refused.Failures);
        Assert.True(validator.Validate(null, new AlertOptions { Delivery = { ReadyBacklogCount = 0 } }).Succeeded);
    }
}
