using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using ScorecardBot.Alerts;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Http.Tests.Alerts.Schedule;

/// <summary>
/// The month-end job run in the real app, over its seeded 2007 scorecard, on the app's fake clock: before the figures'
/// due day (by the London date) it queues nothing; from its first minute it evaluates the month before; the leads'
/// reminders go on the due day itself. (No month of the seed has a measure outside target, so what is queued is the
/// reminder to the lead of a command whose figures are missing.)
/// </summary>
public sealed class MonthEndJobTests
{
    private const string CtcLead = "0c7a1e5d-4b3f-4a2e-9d8c-7b6a5f4e3d21";

    [Fact]
    public async Task In_summer_the_job_queues_nothing_at_23_30_on_the_4th_and_at_00_30_on_the_5th_reminds_the_lead_of_the_previous_month_though_UTC_is_still_the_4th()
    {
        // 22:30 UTC on 4 October 2007 is 23:30 BST. No figures for September 2007 are in.
        await using var app = new ScheduleBotApp(new(2007, 10, 4, 22, 30, 0, TimeSpan.Zero));
        var (channel, lead) = await app.AddConversationsAsync();

        await app.RunJobAsync();
        var before = await app.QueuedAsync();
        var triggeredBefore = app.Deliveries.Count;
        app.Clock.SetUtcNow(new(2007, 10, 4, 23, 30, 0, TimeSpan.Zero)); // 00:30 BST on the 5th.
        await app.RunJobAsync();
        var after = await app.QueuedAsync();

        Assert.Empty(before);
        Assert.Equal(0, triggeredBefore);
        var reminder = Assert.Single(after);
        Assert.Equal(AlertEvaluator.ReminderKind, reminder.Message.Kind);
        Assert.Equal(lead.Id, reminder.Conversation.Id);
        Assert.Equal(MonthKey(2007, 9), reminder.Message.Month);
        Assert.DoesNotContain(after, m => m.Conversation.Id == channel.Id);
        Assert.Equal(1, app.Deliveries.Count);
    }

    [Fact]
    public async Task In_winter_the_job_queues_nothing_at_23_30_on_the_4th_and_at_00_30_on_the_5th_reminds_the_lead_of_the_previous_months_figures()
    {
        // GMT: the London date is the UTC date. No figures for October 2007 are in.
        await using var app = new ScheduleBotApp(new(2007, 11, 4, 23, 30, 0, TimeSpan.Zero));
        var (_, lead) = await app.AddConversationsAsync();

        await app.RunJobAsync();
        var before = await app.QueuedAsync();
        app.Clock.SetUtcNow(new(2007, 11, 5, 0, 30, 0, TimeSpan.Zero));
        await app.RunJobAsync();
        var after = await app.QueuedAsync();

        Assert.Empty(before);
        var reminder = Assert.Single(after, m => m.Message.Kind == AlertEvaluator.ReminderKind);
        Assert.Equal(lead.Id, reminder.Conversation.Id);
        Assert.Equal(MonthKey(2007, 10), reminder.Message.Month);
        Assert.All(after, m => Assert.Equal(MonthKey(2007, 10), m.Message.Month));
    }

    [Fact]
    public async Task The_day_after_the_due_day_the_job_reminds_no_lead()
    {
        // A first run on 6 November 2007 (the bot was down on the 5th, or the lead's chat is new): no figures for
        // October are in, but the reminder's day has passed.
        await using var app = new ScheduleBotApp(new(2007, 11, 6, 9, 0, 0, TimeSpan.Zero));
        await app.AddConversationsAsync();

        await app.RunJobAsync();
        var queued = await app.QueuedAsync();

        Assert.DoesNotContain(queued, m => m.Message.Kind == AlertEvaluator.ReminderKind);
        Assert.Equal(0, app.Deliveries.Count);
    }

    [Fact]
    public async Task Run_again_the_same_day_the_job_queues_nothing_more()
    {
        await using var app = new ScheduleBotApp(new(2007, 11, 5, 8, 0, 0, TimeSpan.Zero));
        await app.AddConversationsAsync();

        await app.RunJobAsync();
        var first = await app.QueuedAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunJobAsync();
        var second = await app.QueuedAsync();

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(m => m.Message.Id), second.Select(m => m.Message.Id));
        Assert.Equal(1, app.Deliveries.Count);
    }

    private static int MonthKey(int year, int month) => FigureStore.ToKey(new Core.Periods.YearMonth(year, month));

    /// <summary>
    /// The bot from a given instant, with a CTC lead. Its own triggers are paused so only the test runs the job, and
    /// the outbox's start-up after an evaluation is counted rather than sent (nothing here has a Teams to send to).
    /// </summary>
    private sealed class ScheduleBotApp(DateTimeOffset start) : BotApp
    {
        public OutboxTriggers Deliveries { get; } = new();

        protected override DateTimeOffset Start => start;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Append(new("Access:Leads:CTC:0", CtcLead));

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.RemoveAll<IOutboxTrigger>();
            services.AddSingleton<IOutboxTrigger>(Deliveries);
        }

        protected override IReadOnlyList<TriggerKey> PausedTriggers => [AlertScheduling.MonthEndTrigger, AlertScheduling.OutboxPollTrigger];

        /// <summary>A team channel (subscribed) and the CTC lead's own chat.</summary>
        public async Task<(ConversationRecord Channel, ConversationRecord Lead)> AddConversationsAsync()
        {
            var conversations = Services.GetRequiredService<ConversationStore>();
            var channel = await conversations.SeenAsync(
                new("msteams", "19:scorecard@thread.tacv2", "https://127.0.0.1:9/", BotClient.Tenant, "channel", "Scorecard", null, "{}"), added: true);
            var lead = await conversations.SeenAsync(
                new("msteams", "a:ctc-lead", "https://127.0.0.1:9/", BotClient.Tenant, "personal", null, CtcLead, "{}"), added: true);
            return (channel, lead);
        }

        /// <summary>The job as Quartz runs it: made from the app's services, executed with a fire's context.</summary>
        public async Task RunJobAsync()
        {
            var job = ActivatorUtilities.CreateInstance<MonthEndJob>(Services);
            await job.Execute(FireContext.Create($"test-{Clock.GetUtcNow():O}"), CancellationToken.None);
        }

        public async Task<IReadOnlyList<(OutboxMessage Message, ConversationRecord Conversation)>> QueuedAsync() =>
            (await Services.GetRequiredService<OutboxStore>().LogAsync(10_000)).Select(m => (m.Message, m.Conversation)).OrderBy(m => m.Message.Id).ToList();
    }

    /// <summary>Counts the times an evaluation asked for the outbox to be sent.</summary>
    private sealed class OutboxTriggers : IOutboxTrigger
    {
        private int _count;

        public int Count => _count;

        public Task TriggerAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    /// <summary>A job execution context that has only a fire instance id: anything else the job asked of it would throw.</summary>
    public class FireContext : DispatchProxy
    {
        private string _fireInstanceId = "";

        public static IJobExecutionContext Create(string fireInstanceId)
        {
            var context = DispatchProxy.Create<IJobExecutionContext, FireContext>();
            ((FireContext)(object)context)._fireInstanceId = fireInstanceId;
            return context;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_FireInstanceId" ? _fireInstanceId : throw new NotSupportedException($"The job asked its context for {targetMethod?.Name}.");
    }
}
