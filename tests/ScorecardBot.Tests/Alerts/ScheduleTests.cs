using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using ScorecardBot.Alerts;
using ScorecardBot.Core.Periods;
using ScorecardBot.Extensions;

namespace ScorecardBot.Tests.Alerts;

/// <summary>
/// When the month-end evaluation runs and what it looks at, on a fake clock in the real Europe/London zone: from the
/// figures' due day of a month on (by the London date, not the UTC one) the month before; the due day itself; and the
/// cron trigger the app builds, at 09:00 London every day through the change to British Summer Time and back.
/// </summary>
public sealed class ScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTimeOffset Utc(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static YearMonth? Month(string? month) =>
        month is null ? null : new YearMonth(int.Parse(month[..4], CultureInfo.InvariantCulture), int.Parse(month[5..], CultureInfo.InvariantCulture));

    // ---- Which month is evaluated ----

    [Theory]
    // Winter (GMT): the London date is the UTC date.
    [InlineData("2026-11-01T09:00:00Z", 5, null)]
    [InlineData("2026-11-04T23:30:00Z", 5, null)] // 23:30 on 4 November GMT: not yet.
    [InlineData("2026-11-04T23:59:59Z", 5, null)]
    [InlineData("2026-11-05T00:00:00Z", 5, "2026-10")] // 00:00 on the due day, London.
    [InlineData("2026-11-05T09:00:00Z", 5, "2026-10")]
    [InlineData("2026-11-30T23:59:59Z", 5, "2026-10")]
    // Summer (BST, UTC+1): the London date turns an hour before the UTC date.
    [InlineData("2026-04-04T22:59:59Z", 5, null)] // 23:59:59 on 4 April BST.
    [InlineData("2026-04-04T23:00:00Z", 5, "2026-03")] // 00:00 on 5 April BST, still 4 April in UTC.
    [InlineData("2026-04-04T23:30:00Z", 5, "2026-03")] // 00:30 on 5 April BST.
    [InlineData("2026-04-30T22:59:59Z", 5, "2026-03")] // 23:59:59 on 30 April BST.
    [InlineData("2026-04-30T23:30:00Z", 5, null)] // 00:30 on 1 May BST: 30 April in UTC, but May's due day is still to come.
    // January evaluates the December before, across the year's end.
    [InlineData("2027-01-04T23:59:59Z", 5, null)]
    [InlineData("2027-01-05T00:00:00Z", 5, "2026-12")]
    [InlineData("2027-01-31T12:00:00Z", 5, "2026-12")]
    [InlineData("2026-12-31T23:59:59Z", 5, "2026-11")]
    [InlineData("2027-01-01T00:00:00Z", 1, "2026-12")]
    // A due day of 1: every instant of a month evaluates the month before, from London's midnight.
    [InlineData("2026-06-30T22:59:59Z", 1, "2026-05")] // 23:59:59 on 30 June BST.
    [InlineData("2026-06-30T23:00:00Z", 1, "2026-06")] // 00:00 on 1 July BST, still 30 June in UTC.
    [InlineData("2026-12-01T00:00:00Z", 1, "2026-11")]
    // A due day of 28, the last allowed: even in February, and on 28 March 2027, the day the clocks go forward.
    [InlineData("2027-02-27T23:59:59Z", 28, null)]
    [InlineData("2027-02-28T00:00:00Z", 28, "2027-01")]
    [InlineData("2027-03-27T23:59:59Z", 28, null)]
    [InlineData("2027-03-28T00:00:00Z", 28, "2027-02")] // 00:00 GMT; at 01:00 GMT the clocks go to 02:00 BST.
    [InlineData("2027-03-31T22:59:59Z", 28, "2027-02")] // 23:59:59 on 31 March BST.
    [InlineData("2027-03-31T23:00:00Z", 28, null)] // 00:00 on 1 April BST.
    // Due on 25 October 2026, the day the clocks go back: it begins at 00:00 BST, 23:00 UTC the day before.
    [InlineData("2026-10-24T22:59:59Z", 25, null)]
    [InlineData("2026-10-24T23:00:00Z", 25, "2026-09")]
    [InlineData("2026-10-25T01:30:00Z", 25, "2026-09")] // 01:30 GMT, the second 01:30 of the day.
    public void From_the_due_day_in_London_the_previous_month_is_evaluated_and_before_it_nothing(string now, int dueDay, string? expected)
    {
        var clock = new FakeTimeProvider(Utc(now));

        Assert.Equal(Month(expected), MonthEndSchedule.MonthToEvaluate(clock.GetUtcNow(), London, dueDay));
    }

    [Fact]
    public void Through_a_whole_summer_month_the_evaluation_starts_at_London_midnight_on_the_due_day_not_at_UTC_midnight()
    {
        // April 2026 is all BST: the 5th begins at 23:00 UTC on the 4th, and May the 1st at 23:00 UTC on 30 April.
        var clock = new FakeTimeProvider(Utc("2026-04-01T00:00:00Z"));
        var due = Utc("2026-04-04T23:00:00Z");
        var mayBegins = Utc("2026-04-30T23:00:00Z");
        var wrong = new List<string>();

        for (; clock.GetUtcNow() < Utc("2026-05-02T00:00:00Z"); clock.Advance(TimeSpan.FromMinutes(15)))
        {
            var now = clock.GetUtcNow();
            YearMonth? expected = now < due || now >= mayBegins ? null : new YearMonth(2026, 3);
            var actual = MonthEndSchedule.MonthToEvaluate(now, London, 5);
            if (actual != expected) wrong.Add($"{now:u}: {actual?.ToString() ?? "nothing"}, expected {expected?.ToString() ?? "nothing"}");
        }

        Assert.Empty(wrong);
    }

    [Theory]
    // New York (UTC-5 in November): the 5th begins at 05:00 UTC, when London's 5th is five hours old.
    [InlineData("America/New_York", "2026-11-05T04:59:59Z", 5, null, "2026-10")]
    [InlineData("America/New_York", "2026-11-05T05:00:00Z", 5, "2026-10", "2026-10")]
    // Auckland (NZDT, UTC+13 in November): the 5th begins at 11:00 UTC on the 4th, when London is still on the 4th.
    [InlineData("Pacific/Auckland", "2026-11-04T10:59:59Z", 5, null, null)]
    [InlineData("Pacific/Auckland", "2026-11-04T11:00:00Z", 5, "2026-10", null)]
    // Auckland's January begins at 11:00 UTC on 31 December: the December just ended, on a due day of 1.
    [InlineData("Pacific/Auckland", "2026-12-31T11:00:00Z", 1, "2026-12", "2026-11")]
    public void Another_time_zone_setting_moves_the_due_day_to_that_zones_midnight(string zoneId, string now, int dueDay, string? expected, string? inLondon)
    {
        var clock = new FakeTimeProvider(Utc(now));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        Assert.Equal(Month(expected), MonthEndSchedule.MonthToEvaluate(clock.GetUtcNow(), zone, dueDay));
        Assert.Equal(Month(inLondon), MonthEndSchedule.MonthToEvaluate(clock.GetUtcNow(), London, dueDay));
    }

    // ---- The due day itself ----

    [Theory]
    [InlineData("2026-04-04T22:59:59Z", 5, false)] // 23:59:59 on 4 April BST.
    [InlineData("2026-04-04T23:00:00Z", 5, true)] // 00:00 on 5 April BST.
    [InlineData("2026-04-04T23:30:00Z", 5, true)]
    [InlineData("2026-04-05T22:59:59Z", 5, true)] // 23:59:59 on 5 April BST.
    [InlineData("2026-04-05T23:00:00Z", 5, false)] // 00:00 on 6 April BST, still the 5th in UTC.
    [InlineData("2026-11-04T23:30:00Z", 5, false)] // 23:30 on 4 November GMT.
    [InlineData("2026-11-05T00:00:00Z", 5, true)]
    [InlineData("2026-11-05T23:59:59Z", 5, true)]
    [InlineData("2026-11-06T00:00:00Z", 5, false)]
    [InlineData("2027-01-05T09:00:00Z", 5, true)]
    [InlineData("2027-01-06T09:00:00Z", 5, false)]
    [InlineData("2026-06-30T23:00:00Z", 1, true)] // 00:00 on 1 July BST.
    [InlineData("2026-06-30T22:59:59Z", 1, false)]
    public void The_due_day_is_the_London_date_whatever_the_UTC_date(string now, int dueDay, bool expected)
    {
        var clock = new FakeTimeProvider(Utc(now));

        Assert.Equal(expected, MonthEndSchedule.IsDueDay(clock.GetUtcNow(), London, dueDay));
    }

    [Theory]
    // 28 March 2027, the clocks go forward: a 23-hour day from 00:00 GMT to 00:00 BST (23:00 UTC).
    [InlineData(28, "2027-03-25T00:00:00Z", "2027-03-28T00:00:00Z", "2027-03-28T23:00:00Z")]
    // 25 October 2026, the clocks go back: a 25-hour day from 00:00 BST (23:00 UTC the day before) to 00:00 GMT.
    [InlineData(25, "2026-10-22T00:00:00Z", "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z")]
    public void A_due_day_on_which_the_clocks_change_is_due_from_its_London_midnight_to_the_next_and_no_other_time(
        int dueDay, string walkFrom, string dueFrom, string dueUntil)
    {
        var clock = new FakeTimeProvider(Utc(walkFrom));
        var due = new List<DateTimeOffset>();

        for (var end = Utc(walkFrom).AddDays(7); clock.GetUtcNow() < end; clock.Advance(TimeSpan.FromMinutes(15)))
        {
            if (MonthEndSchedule.IsDueDay(clock.GetUtcNow(), London, dueDay)) due.Add(clock.GetUtcNow());
        }

        Assert.Equal(Utc(dueFrom), due[0]);
        Assert.Equal(Utc(dueUntil) - TimeSpan.FromMinutes(15), due[^1]);
        Assert.Equal((int)((Utc(dueUntil) - Utc(dueFrom)) / TimeSpan.FromMinutes(15)), due.Count);
    }

    // ---- The cron trigger the app builds ----

    [Fact]
    public async Task By_default_the_trigger_fires_at_09_00_London_every_day_through_the_change_back_to_GMT_on_25_October_2026()
    {
        var clock = new FakeTimeProvider(Utc("2026-10-20T12:00:00Z"));
        await using var app = await ScheduledApp.StartAsync(clock);
        var trigger = await app.MonthEndTriggerAsync();

        var fires = Fires(trigger, clock.GetUtcNow(), until: Utc("2026-10-31T00:00:00Z"));

        Assert.Equal("Europe/London", trigger.TimeZone.Id);
        Assert.Equal(
        [
            // BST: 09:00 London is 08:00 UTC.
            "2026-10-21T08:00:00Z", "2026-10-22T08:00:00Z", "2026-10-23T08:00:00Z", "2026-10-24T08:00:00Z",
            // GMT from 02:00 BST on the 25th: 09:00 London is 09:00 UTC, that same morning.
            "2026-10-25T09:00:00Z", "2026-10-26T09:00:00Z", "2026-10-27T09:00:00Z", "2026-10-28T09:00:00Z",
            "2026-10-29T09:00:00Z", "2026-10-30T09:00:00Z",
        ], fires);
        Assert.Equal(Utc("2026-10-21T08:00:00Z"), trigger.NextFireTimeUtc);
    }

    [Fact]
    public async Task By_default_the_trigger_fires_at_09_00_London_every_day_through_the_change_to_BST_on_28_March_2027()
    {
        var clock = new FakeTimeProvider(Utc("2027-03-24T12:00:00Z"));
        await using var app = await ScheduledApp.StartAsync(clock);
        var trigger = await app.MonthEndTriggerAsync();

        var fires = Fires(trigger, clock.GetUtcNow(), until: Utc("2027-04-03T00:00:00Z"));

        Assert.Equal(
        [
            // GMT: 09:00 London is 09:00 UTC.
            "2027-03-25T09:00:00Z", "2027-03-26T09:00:00Z", "2027-03-27T09:00:00Z",
            // BST from 01:00 GMT on the 28th: 09:00 London is 08:00 UTC, that same morning.
            "2027-03-28T08:00:00Z", "2027-03-29T08:00:00Z", "2027-03-30T08:00:00Z", "2027-03-31T08:00:00Z",
            "2027-04-01T08:00:00Z", "2027-04-02T08:00:00Z",
        ], fires);
        Assert.Equal(Utc("2027-03-25T09:00:00Z"), trigger.NextFireTimeUtc);
    }

    [Fact]
    public async Task Over_a_whole_year_the_trigger_fires_once_on_every_London_day_at_09_00_London()
    {
        var clock = new FakeTimeProvider(Utc("2026-06-30T12:00:00Z"));
        await using var app = await ScheduledApp.StartAsync(clock);
        var trigger = await app.MonthEndTriggerAsync();

        var fires = Fires(trigger, clock.GetUtcNow(), until: Utc("2027-07-01T00:00:00Z")).Select(f => TimeZoneInfo.ConvertTime(Utc(f), London)).ToList();

        var days = Enumerable.Range(0, 365).Select(d => new DateOnly(2026, 7, 1).AddDays(d)).ToList();
        Assert.Equal(days, fires.Select(f => DateOnly.FromDateTime(f.DateTime)));
        Assert.All(fires, f => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(f.DateTime)));
    }

    [Fact]
    public async Task A_custom_schedule_and_time_zone_are_honoured_through_that_zones_own_clock_changes()
    {
        // New York changes on 1 November 2026 and 14 March 2027, not London's dates.
        var clock = new FakeTimeProvider(Utc("2026-10-28T12:00:00Z"));
        await using var app = await ScheduledApp.StartAsync(clock, new()
        {
            ["Alerts:Schedule"] = "0 30 7 ? * MON-FRI",
            ["Alerts:TimeZone"] = "America/New_York",
        });
        var trigger = await app.MonthEndTriggerAsync();

        var autumn = Fires(trigger, clock.GetUtcNow(), until: Utc("2026-11-07T00:00:00Z"));
        var spring = Fires(trigger, Utc("2027-03-10T00:00:00Z"), until: Utc("2027-03-17T00:00:00Z"));

        Assert.Equal("America/New_York", trigger.TimeZone.Id);
        Assert.Equal("0 30 7 ? * MON-FRI", trigger.CronExpressionString);
        Assert.Equal(
        [
            // EDT (UTC-4): 07:30 is 11:30 UTC; Saturday 31 October and Sunday 1 November (the change) are skipped.
            "2026-10-29T11:30:00Z", "2026-10-30T11:30:00Z",
            // EST (UTC-5): 07:30 is 12:30 UTC.
            "2026-11-02T12:30:00Z", "2026-11-03T12:30:00Z", "2026-11-04T12:30:00Z", "2026-11-05T12:30:00Z", "2026-11-06T12:30:00Z",
        ], autumn);
        Assert.Equal(
        [
            "2027-03-10T12:30:00Z", "2027-03-11T12:30:00Z", "2027-03-12T12:30:00Z",
            // EDT from Sunday 14 March.
            "2027-03-15T11:30:00Z", "2027-03-16T11:30:00Z",
        ], spring);
    }

    [Fact]
    public async Task A_schedule_at_the_hour_the_clocks_skip_or_repeat_fires_once_that_London_day()
    {
        // 01:30 London does not exist on 28 March 2027 and happens twice on 25 October 2026.
        var clock = new FakeTimeProvider(Utc("2026-10-22T12:00:00Z"));
        await using var app = await ScheduledApp.StartAsync(clock, new() { ["Alerts:Schedule"] = "0 30 1 * * ?" });
        var trigger = await app.MonthEndTriggerAsync();

        var autumn = Fires(trigger, clock.GetUtcNow(), until: Utc("2026-10-28T00:00:00Z"));
        var spring = Fires(trigger, Utc("2027-03-26T00:00:00Z"), until: Utc("2027-03-31T00:00:00Z"));

        Assert.Equal(
        [
            "2026-10-23T00:30:00Z", "2026-10-24T00:30:00Z",
            "2026-10-25T00:30:00Z", // 01:30 BST, the first 01:30; not again at 01:30 GMT.
            "2026-10-26T01:30:00Z", "2026-10-27T01:30:00Z",
        ], autumn);
        Assert.Equal(1, spring.Count(f => f.StartsWith("2027-03-28", StringComparison.Ordinal)));
        Assert.Equal(["2027-03-26T01:30:00Z", "2027-03-27T01:30:00Z"], spring.Take(2));
        Assert.Equal(["2027-03-29T00:30:00Z", "2027-03-30T00:30:00Z"], spring.TakeLast(2));
    }

    private static List<string> Fires(ITrigger trigger, DateTimeOffset after, DateTimeOffset until)
    {
        var fires = new List<string>();
        for (var next = trigger.GetFireTimeAfter(after); next is { } fire && fire < until; next = trigger.GetFireTimeAfter(fire))
        {
            fires.Add(fire.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            Assert.True(fires.Count < 1000, "the trigger fired more often than once a day");
        }
        return fires;
    }

    /// <summary>
    /// The app's scheduling as the app registers it (its alert settings, validated, and <see cref="AlertScheduling"/>),
    /// on a fake clock, its scheduler started so the triggers are built; nothing fires while the clock stands still.
    /// </summary>
    private sealed class ScheduledApp(ServiceProvider services, IScheduler scheduler) : IAsyncDisposable
    {
        public static async Task<ScheduledApp> StartAsync(FakeTimeProvider clock, Dictionary<string, string?>? settings = null)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
            var collection = new ServiceCollection();
            collection.AddLogging();
            collection.AddSingleton<TimeProvider>(clock);
            collection.AddSettings<AlertOptions, AlertSettingsValidator>(configuration.GetSection(AlertOptions.Section));
            collection.AddAlertScheduling(configuration);
            var services = collection.BuildServiceProvider();
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();
            return new ScheduledApp(services, scheduler);
        }

        public async Task<ICronTrigger> MonthEndTriggerAsync()
        {
            var trigger = await scheduler.GetTrigger(AlertScheduling.MonthEndTrigger);
            Assert.NotNull(trigger);
            Assert.Equal(MonthEndJob.Key, trigger.JobKey);
            return Assert.IsAssignableFrom<ICronTrigger>(trigger);
        }

        public async ValueTask DisposeAsync()
        {
            await scheduler.Shutdown(waitForJobsToComplete: false);
            await services.DisposeAsync();
        }
    }
}
