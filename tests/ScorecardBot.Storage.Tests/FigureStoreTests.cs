using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Storage.Tests;

/// <summary>
/// The storage behaviours, written once and run against each provider by the subclasses: every test gets its own
/// empty database.
/// </summary>
public abstract class FigureStoreTests : IAsyncLifetime
{
    private static readonly YearMonth June = new(2007, 6);
    private static readonly YearMonth July = new(2007, 7);
    private static readonly YearMonth August = new(2007, 8);
    private static readonly MonthRange AprilToMay = new(new YearMonth(2007, 4), new YearMonth(2007, 5));

    private static readonly Editor Alice = new("aad-alice", "Alice Archer");
    private static readonly Editor Bob = new("aad-bob", "Bob Baker");

    // 09:30 British Summer Time: stored and returned as 08:30 UTC.
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2007, 9, 3, 9, 30, 0, TimeSpan.FromHours(1)));

    protected ScorecardDatabase Database { get; private set; } = null!;

    /// <summary>Options for a new, empty database of this provider (not migrated).</summary>
    protected abstract Task<StorageOptions> CreateEmptyDatabaseAsync();

    /// <summary>Options for a database that cannot be opened, and a piece of text the error must name.</summary>
    protected abstract (StorageOptions Options, string Location) UnreachableDatabase();

    public virtual async Task InitializeAsync() => Database = new ScorecardDatabase(await CreateEmptyDatabaseAsync());

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private async Task<FigureStore> MigratedStoreAsync()
    {
        await Database.MigrateAsync();
        return new FigureStore(Database, Clock);
    }

    private static FigureChange Figure(string componentId, YearMonth month, long value) => new(componentId, MonthRange.Single(month), value);

    protected static ScorecardDefinition LoadDefinition() =>
        DefinitionLoader.LoadFile(ScorecardOptions.Resolve("scorecard/so-2007-08.json")).GetOrThrow();

    protected static SeedData LoadSeed() =>
        SeedData.Parse(File.ReadAllText(ScorecardOptions.Resolve("scorecard/so-2007-08.seed.json")), LoadDefinition());

    [Fact]
    public async Task Migrations_create_the_schema_on_an_empty_database()
    {
        await using (var before = Database.CreateContext())
        {
            Assert.Empty(await before.Database.GetAppliedMigrationsAsync());
        }

        await Database.MigrateAsync();

        await using var db = Database.CreateContext();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.FigureRevisions.CountAsync());
        Assert.Equal(0, await db.CommentRevisions.CountAsync());
        Assert.Equal(new StoreVersion(0, 0), await new FigureStore(Database, Clock).GetVersionAsync());
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        var store = await MigratedStoreAsync();
        await store.SaveAsync([Figure("snt-recruited", June, 82)], [], Alice, Guid.NewGuid());

        await Database.MigrateAsync();

        Assert.Equal(82, (await store.LoadCurrentAsync()).Month("snt-recruited", June));
    }

    [Fact]
    public async Task Save_writes_a_revision_per_changed_figure_with_who_when_and_previous_value()
    {
        var store = await MigratedStoreAsync();
        var first = Guid.NewGuid();
        var firstResult = await store.SaveAsync([Figure("snt-recruited", June, 82), Figure("snt-briefed", June, 70)], [], Alice, first);
        var firstTime = Clock.GetUtcNow().UtcDateTime;

        Clock.Advance(TimeSpan.FromHours(2));
        var second = Guid.NewGuid();
        var secondResult = await store.SaveAsync([Figure("snt-recruited", June, 82), Figure("snt-briefed", June, 71)], [], Bob, second);

        Assert.Equal(new SaveResult(2, 0), firstResult);
        Assert.Equal(new SaveResult(1, 0), secondResult);

        var unchanged = Assert.Single(await store.GetHistoryAsync("snt-recruited", MonthRange.Single(June)));
        Assert.Equal(82, unchanged.Value);
        Assert.Null(unchanged.PreviousValue);
        Assert.Equal("aad-alice", unchanged.SubmittedBy);
        Assert.Equal("Alice Archer", unchanged.SubmittedByName);
        Assert.Equal(firstTime, unchanged.SubmittedAtUtc);
        Assert.Equal(first, unchanged.SubmissionId);

        var changed = await store.GetHistoryAsync("snt-briefed", MonthRange.Single(June));
        Assert.Equal(2, changed.Count);
        Assert.Equal(71, changed[1].Value);
        Assert.Equal(70, changed[1].PreviousValue);
        Assert.Equal("aad-bob", changed[1].SubmittedBy);
        Assert.Equal("Bob Baker", changed[1].SubmittedByName);
        Assert.Equal(firstTime.AddHours(2), changed[1].SubmittedAtUtc);
        Assert.Equal(second, changed[1].SubmissionId);
    }

    [Fact]
    public async Task Saving_only_unchanged_values_adds_nothing()
    {
        var store = await MigratedStoreAsync();
        await store.SaveAsync([Figure("ied-calls", July, 87)], [new CommentChange(3, July, "Busy month")], Alice, Guid.NewGuid());
        var version = await store.GetVersionAsync();

        var result = await store.SaveAsync([Figure("ied-calls", July, 87)], [new CommentChange(3, July, "  Busy month ")], Bob, Guid.NewGuid());

        Assert.False(result.ChangedAnything);
        Assert.Equal(version, await store.GetVersionAsync());
    }

    [Fact]
    public async Task The_current_figure_is_the_latest_revision_and_every_old_value_stays_in_history()
    {
        var store = await MigratedStoreAsync();
        foreach (var (value, editor) in new[] { (410L, Alice), (412L, Bob), (414L, Alice) })
        {
            await store.SaveAsync([Figure("hotline-calls", August, value)], [], editor, Guid.NewGuid());
            Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var current = (await store.LoadCurrentAsync()).Find("hotline-calls", MonthRange.Single(August));
        Assert.NotNull(current);
        Assert.Equal(414, current.Value);
        Assert.Equal("Alice Archer", current.SubmittedBy);

        var history = await store.GetHistoryAsync("hotline-calls", MonthRange.Single(August));
        Assert.Equal([410L, 412L, 414L], history.Select(r => r.Value));
        Assert.Equal([null, 410L, 412L], history.Select(r => r.PreviousValue));
        Assert.Equal(["Alice Archer", "Bob Baker", "Alice Archer"], history.Select(r => r.SubmittedByName));
    }

    [Fact]
    public async Task A_save_is_all_or_nothing_when_a_later_item_breaks_the_unique_index()
    {
        var store = await MigratedStoreAsync();
        await store.SaveAsync([Figure("scenes-managed", June, 14)], [], Alice, Guid.NewGuid());
        var version = await store.GetVersionAsync();

        // The same key twice in one submission: the second insert violates (SubmissionId, ComponentId, PeriodStart, PeriodEnd).
        FigureChange[] batch =
        [
            Figure("scenes-appropriate", June, 14),
            Figure("scenes-managed", June, 15),
            Figure("scenes-managed", June, 16),
        ];
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            store.SaveAsync(batch, [new CommentChange(4, June, "Should not be saved")], Bob, Guid.NewGuid()));

        Assert.Equal(version, await store.GetVersionAsync());
        Assert.Empty(await store.GetHistoryAsync("scenes-appropriate", MonthRange.Single(June)));
        Assert.Equal([14L], (await store.GetHistoryAsync("scenes-managed", MonthRange.Single(June))).Select(r => r.Value));
        Assert.Empty((await store.LoadCurrentAsync()).Comments);
    }

    [Fact]
    public async Task A_save_cancelled_midway_leaves_nothing_behind()
    {
        var store = await MigratedStoreAsync();
        using var cancellation = new CancellationTokenSource();
        FigureChange[] figures = [Figure("ied-in-time", June, 37), Figure("ied-calls", June, 37)];
        // Cancels once every figure is queued in the context, so the cancellation reaches the write itself.
        var comments = new CancellingCollection<CommentChange>([new CommentChange(3, June, "All attended")], cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(figures, comments, Alice, Guid.NewGuid(), cancellation.Token));

        Assert.Equal(new StoreVersion(0, 0), await store.GetVersionAsync());
        var current = await store.LoadCurrentAsync();
        Assert.Empty(current.All);
        Assert.Empty(current.Comments);
    }

    [Fact]
    public async Task A_retried_submission_cannot_save_the_same_figure_twice()
    {
        var store = await MigratedStoreAsync();
        var submission = Guid.NewGuid();
        await store.SaveAsync([Figure("snt-recruited", July, 51)], [], Alice, submission);
        await store.SaveAsync([Figure("snt-recruited", July, 52)], [], Bob, Guid.NewGuid());

        // The first submission arrives again after someone else changed the figure: its value differs from the
        // current one, so only the unique index stands between it and a second revision.
        await Assert.ThrowsAsync<DbUpdateException>(() => store.SaveAsync([Figure("snt-recruited", July, 51)], [], Alice, submission));

        var history = await store.GetHistoryAsync("snt-recruited", MonthRange.Single(July));
        Assert.Equal([51L, 52L], history.Select(r => r.Value));
        Assert.Single(history, r => r.SubmissionId == submission);
        Assert.Equal(52, (await store.LoadCurrentAsync()).Month("snt-recruited", July));
    }

    [Fact]
    public async Task Comments_are_revisions_too_and_null_text_clears_them()
    {
        var store = await MigratedStoreAsync();
        await store.SaveAsync([], [new CommentChange(5, June, "Loss of 19 days data")], Alice, Guid.NewGuid());
        await store.SaveAsync([], [new CommentChange(5, June, "Loss of 19 days data (corrected)")], Bob, Guid.NewGuid());

        var comment = Assert.Single((await store.LoadCurrentAsync()).Comments);
        Assert.Equal("Loss of 19 days data (corrected)", comment.Text);
        Assert.Equal("Bob Baker", comment.SubmittedBy);

        var cleared = await store.SaveAsync([], [new CommentChange(5, June, null)], Alice, Guid.NewGuid());
        var clearedAgain = await store.SaveAsync([], [new CommentChange(5, June, "   ")], Alice, Guid.NewGuid());

        Assert.Equal(new SaveResult(0, 1), cleared);
        Assert.False(clearedAgain.ChangedAnything);
        Assert.Empty((await store.LoadCurrentAsync()).Comments);

        await using var db = Database.CreateContext();
        var revisions = await db.CommentRevisions.Where(c => c.MeasureNumber == 5).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["Loss of 19 days data", "Loss of 19 days data (corrected)", null], revisions.Select(r => r.Text));
        Assert.Equal([null, "Loss of 19 days data", "Loss of 19 days data (corrected)"], revisions.Select(r => r.PreviousText));
    }

    [Fact]
    public async Task A_balance_round_trips_as_a_balance()
    {
        var store = await MigratedStoreAsync();
        await store.SaveAsync([new FigureChange("snt-recruited", AprilToMay, 179), Figure("snt-recruited", June, 82)], [], Alice, Guid.NewGuid());

        var figures = await store.LoadCurrentAsync();
        var balance = figures.Find("snt-recruited", AprilToMay);
        Assert.NotNull(balance);
        Assert.True(balance.IsBalance);
        Assert.Equal(AprilToMay, balance.Period);
        Assert.Equal(179, balance.Value);
        Assert.Null(figures.Month("snt-recruited", new YearMonth(2007, 4)));
        Assert.Null(figures.Month("snt-recruited", new YearMonth(2007, 5)));

        var component = LoadDefinition().FindComponent("snt-recruited")!;
        Assert.Equal(179 + 82, figures.Aggregate(component, new MonthRange(AprilToMay.From, June)));

        var history = Assert.Single(await store.GetHistoryAsync("snt-recruited", AprilToMay));
        Assert.Equal(179, history.Value);
        Assert.Equal(200704, history.PeriodStart);
        Assert.Equal(200705, history.PeriodEnd);
    }

    [Fact]
    public async Task The_seed_imports_once_as_seed_import_and_a_second_import_changes_nothing()
    {
        var store = await MigratedStoreAsync();
        var seed = LoadSeed();

        var imported = await store.ImportSeedAsync(seed);
        var version = await store.GetVersionAsync();
        var again = await store.ImportSeedAsync(seed);

        Assert.Equal(seed.Figures.Count + seed.Comments.Count, imported);
        Assert.Equal(0, again);
        Assert.Equal(version, await store.GetVersionAsync());

        var current = await store.LoadCurrentAsync();
        Assert.Equal(
            seed.Figures.Select(f => (f.ComponentId, f.Period, f.Value)).OrderBy(f => f.ComponentId).ThenBy(f => f.Period.From).ThenBy(f => f.Period.To),
            current.All.Select(f => (f.ComponentId, f.Period, f.Value)).OrderBy(f => f.ComponentId).ThenBy(f => f.Period.From).ThenBy(f => f.Period.To));
        Assert.Equal(2, current.Comments.Count);
        Assert.All(current.All, f => Assert.Equal(SeedData.ImportedBy, f.SubmittedBy));

        await using var db = Database.CreateContext();
        Assert.All(await db.FigureRevisions.ToListAsync(), r => Assert.Equal(("seed import", "seed import"), (r.SubmittedBy, r.SubmittedByName)));
        Assert.All(await db.CommentRevisions.ToListAsync(), r => Assert.Equal("seed import", r.SubmittedBy));
        Assert.Equal(2080 - 410 - 353 - 414, current.Find("hotline-calls", AprilToMay)?.Value);
    }

    [Fact]
    public async Task A_figure_edited_after_the_seed_import_is_not_overwritten_by_a_second_import()
    {
        var store = await MigratedStoreAsync();
        var seed = LoadSeed();
        await store.ImportSeedAsync(seed);
        Clock.Advance(TimeSpan.FromDays(1));
        await store.SaveAsync([Figure("snt-recruited", August, 16)], [new CommentChange(5, June, null)], Alice, Guid.NewGuid());

        Assert.Equal(0, await store.ImportSeedAsync(seed));

        var current = await store.LoadCurrentAsync();
        Assert.Equal(16, current.Month("snt-recruited", August));
        Assert.Equal("Alice Archer", current.Find("snt-recruited", MonthRange.Single(August))?.SubmittedBy);
        Assert.Equal([July], current.Comments.Select(c => c.Month));
    }

    [Fact]
    public async Task Startup_migrates_an_empty_database_and_imports_the_shipped_seed_once()
    {
        var store = new FigureStore(Database, Clock);
        var definition = LoadDefinition();
        var seedPath = ScorecardOptions.Resolve(new ScorecardOptions().SeedPath!);

        var first = await ScorecardStartup.PrepareAsync(Database, store, definition, seedPath, NullLogger.Instance);
        var second = await ScorecardStartup.PrepareAsync(Database, store, definition, seedPath, NullLogger.Instance);

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.Equal(29, (await store.LoadCurrentAsync()).Month("ctio-total-bocus", August));
    }

    [Fact]
    public async Task Times_come_from_the_clock_and_are_stored_and_returned_as_utc()
    {
        var store = await MigratedStoreAsync();
        await store.SaveAsync([Figure("intrusions-green", August, 8)], [new CommentChange(6, August, "Green zone only")], Alice, Guid.NewGuid());
        var expected = new DateTime(2007, 9, 3, 8, 30, 0, DateTimeKind.Utc);

        var revision = Assert.Single(await store.GetHistoryAsync("intrusions-green", MonthRange.Single(August)));
        Assert.Equal(expected, revision.SubmittedAtUtc);
        Assert.Equal(DateTimeKind.Utc, revision.SubmittedAtUtc.Kind);

        var current = await store.LoadCurrentAsync();
        var figure = Assert.Single(current.All);
        Assert.Equal(expected, figure.SubmittedAtUtc);
        Assert.Equal(DateTimeKind.Utc, figure.SubmittedAtUtc!.Value.Kind);
        var comment = Assert.Single(current.Comments);
        Assert.Equal(expected, comment.SubmittedAtUtc);
        Assert.Equal(DateTimeKind.Utc, comment.SubmittedAtUtc!.Value.Kind);
    }

    [Fact]
    public async Task The_version_changes_after_each_save_that_changes_something()
    {
        var store = await MigratedStoreAsync();
        var empty = await store.GetVersionAsync();

        await store.SaveAsync([Figure("ctio-total-bocus", June, 28)], [], Alice, Guid.NewGuid());
        var afterFigure = await store.GetVersionAsync();
        await store.SaveAsync([], [new CommentChange(1, June, "Two more BOCUs in July")], Alice, Guid.NewGuid());
        var afterComment = await store.GetVersionAsync();

        Assert.NotEqual(empty, afterFigure);
        Assert.NotEqual(afterFigure, afterComment);
    }

    [Fact]
    public async Task Revisions_list_every_figure_and_comment_change_oldest_first_with_who_when_old_and_new()
    {
        var store = await MigratedStoreAsync();
        var first = Guid.NewGuid();
        await store.SaveAsync([Figure("hotline-calls", June, 410), new FigureChange("hotline-calls", AprilToMay, 903)],
            [new CommentChange(5, June, "Loss of 19 days data")], Alice, first);
        var firstTime = Clock.GetUtcNow().UtcDateTime;
        Clock.Advance(TimeSpan.FromHours(3));
        var second = Guid.NewGuid();
        await store.SaveAsync([Figure("hotline-calls", June, 412)], [new CommentChange(5, June, null)], Bob, second);

        var revisions = await store.GetRevisionsAsync();

        Assert.Equal(5, revisions.Count);
        Assert.Equal([firstTime, firstTime, firstTime, firstTime.AddHours(3), firstTime.AddHours(3)], revisions.Select(r => r.SubmittedAtUtc));
        Assert.All(revisions, r => Assert.Equal(DateTimeKind.Utc, r.SubmittedAtUtc.Kind));
        var june = revisions[0];
        Assert.Equal((RevisionKind.Figure, "hotline-calls", MonthRange.Single(June), (long?)null, (long?)410), (june.Kind, june.ComponentId, june.Period, june.OldValue, june.NewValue));
        Assert.Equal(("aad-alice", "Alice Archer", first), (june.SubmittedBy, june.SubmittedByName, june.SubmissionId));
        Assert.Equal((AprilToMay, (long?)903), (revisions[1].Period, revisions[1].NewValue));
        Assert.Equal((RevisionKind.Comment, (int?)5, (string?)null, "Loss of 19 days data"), (revisions[2].Kind, revisions[2].MeasureNumber, revisions[2].OldText, revisions[2].NewText));
        Assert.Equal(((long?)410, (long?)412, "Bob Baker", second), (revisions[3].OldValue, revisions[3].NewValue, revisions[3].SubmittedByName, revisions[3].SubmissionId));
        Assert.Equal(("Loss of 19 days data", (string?)null), (revisions[4].OldText, revisions[4].NewText));
    }

    [Fact]
    public async Task Revisions_within_a_range_leave_out_other_months_and_balances_that_straddle_it()
    {
        var store = await MigratedStoreAsync();
        await store.SaveAsync(
            [Figure("ied-calls", June, 37), Figure("ied-calls", July, 87), Figure("ied-calls", August, 33), new FigureChange("ied-calls", AprilToMay, 45)],
            [new CommentChange(3, June, "June"), new CommentChange(3, August, "August")], Alice, Guid.NewGuid());

        var mayToJuly = await store.GetRevisionsAsync(new MonthRange(new YearMonth(2007, 5), July));
        var aprilToJune = await store.GetRevisionsAsync(new MonthRange(new YearMonth(2007, 4), June));

        Assert.Equal([June, July, June], mayToJuly.Select(r => r.Period.From));
        Assert.Equal([RevisionKind.Figure, RevisionKind.Figure, RevisionKind.Comment], mayToJuly.Select(r => r.Kind));
        Assert.Contains(aprilToJune, r => r.Period == AprilToMay);
        Assert.DoesNotContain(aprilToJune, r => r.Period.From == July || r.Period.From == August);
    }

    [Fact]
    public async Task A_database_without_the_schema_is_not_taken_as_existing_until_migrated()
    {
        var before = await Assert.ThrowsAsync<StorageUnavailableException>(() => Database.EnsureExistsAsync());

        await Database.MigrateAsync();

        Assert.Contains(Database.Location, before.Message);
        await Database.EnsureExistsAsync();
    }

    [Fact]
    public async Task An_unreachable_database_gives_a_clear_error_that_names_it()
    {
        var (options, location) = UnreachableDatabase();
        var database = new ScorecardDatabase(options);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => database.MigrateAsync());

        Assert.StartsWith("Cannot open the scorecard database", error.Message);
        Assert.Contains(location, error.Message);
    }

    [Fact]
    public async Task What_was_saved_since_a_version_laid_over_the_figures_then_is_the_figures_now()
    {
        var store = await MigratedStoreAsync();
        await store.ImportSeedAsync(LoadSeed());
        var before = await store.LoadCurrentAsync();
        var since = await store.GetVersionAsync();
        var cleared = before.Comments[0];

        await store.SaveAsync([Figure("snt-recruited", June, 90)], [new CommentChange(3, July, "Busy month")], Alice, Guid.NewGuid());
        Clock.Advance(TimeSpan.FromMinutes(5));
        await store.SaveAsync([Figure("snt-recruited", June, 91), Figure("hotline-calls", new YearMonth(2007, 10), 400)],
            [new CommentChange(3, July, "Busier than we thought"), new CommentChange(cleared.MeasureNumber, cleared.Month, "")], Bob, Guid.NewGuid());
        var upTo = await store.GetVersionAsync();

        var changed = await store.LoadChangedAsync(before, since, upTo);
        var now = await store.LoadCurrentAsync();

        Assert.Equal(Sorted(now.All), Sorted(changed.All));
        Assert.Equal(Sorted(now.Comments), Sorted(changed.Comments));
        Assert.Equal(91, changed.Month("snt-recruited", June));
        Assert.DoesNotContain(changed.Comments, c => c.MeasureNumber == cleared.MeasureNumber && c.Month == cleared.Month);
        Assert.Equal("Busier than we thought", Assert.Single(changed.Comments, c => c.MeasureNumber == 3 && c.Month == July).Text);
        Assert.Same(now, await store.LoadChangedAsync(now, upTo, upTo));
    }

    /// <summary>
    /// Two hundred saves, twenty at a time, each of its own figure, while a reader keeps reading only what was saved since its last
    /// version, as every instance's snapshot does: at the end it holds every one of them. On PostgreSQL this needs the
    /// saves to take turns; if a save could commit after a later one, the reader could pass its revision by for good.
    /// </summary>
    [Fact]
    public async Task Saves_made_side_by_side_all_reach_a_reader_that_reads_only_what_changed()
    {
        var store = await MigratedStoreAsync();
        await store.ImportSeedAsync(LoadSeed());
        var figures = await store.LoadCurrentAsync();
        var version = await store.GetVersionAsync();
        var months = Enumerable.Range(0, 200).Select(i => new YearMonth(2008, 1).AddMonths(i)).ToList();

        // Twenty at a time: a connection each, and the test server is shared with the other test classes.
        using var gate = new SemaphoreSlim(20);
        var saves = Task.WhenAll(months.Select(month => Task.Run(async () =>
        {
            await gate.WaitAsync();
            try
            {
                await store.SaveAsync([Figure("hotline-calls", month, 1_000 + month.Index)], [], Alice, Guid.NewGuid());
            }
            finally
            {
                gate.Release();
            }
        })));
        var reads = 0;
        while (true)
        {
            var done = saves.IsCompleted;
            var next = await store.GetVersionAsync();
            figures = await store.LoadChangedAsync(figures, version, next);
            version = next;
            reads++;
            if (done) break;
        }
        await saves;

        Assert.All(months, month => Assert.Equal(1_000 + month.Index, figures.Month("hotline-calls", month)));
        Assert.Equal(Sorted((await store.LoadCurrentAsync()).All), Sorted(figures.All));
        Assert.True(reads > 1, "The reader read only once: nothing was read while the saves were under way.");
    }

    private static List<Figure> Sorted(IEnumerable<Figure> figures) =>
        figures.OrderBy(f => f.ComponentId, StringComparer.Ordinal).ThenBy(f => f.Period.From).ThenBy(f => f.Period.To).ToList();

    private static List<MeasureComment> Sorted(IEnumerable<MeasureComment> comments) =>
        comments.OrderBy(c => c.MeasureNumber).ThenBy(c => c.Month).ToList();

    /// <summary>Hands out its items, then cancels: lets a test cancel a save between reading its input and writing.</summary>
    private sealed class CancellingCollection<T>(IReadOnlyCollection<T> items, CancellationTokenSource cancellation) : IReadOnlyCollection<T>
    {
        public int Count => items.Count;

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var item in items) yield return item;
            cancellation.Cancel();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
