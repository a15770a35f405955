using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Storage.Tests;

/// <summary>
/// Saving a form's figures: once, all or nothing, never over a newer save, never into a locked month. Written once
/// and run against each provider; every test gets its own migrated, empty database.
/// </summary>
public abstract class SubmissionStoreTests : IAsyncLifetime
{
    private static readonly YearMonth September = new(2007, 9);
    private static readonly Editor Lead = new("aad-lead", "Lee Lead");
    private static readonly Editor Other = new("aad-other", "Olive Other");

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2007, 10, 3, 9, 0, 0, TimeSpan.Zero));

    private ScorecardDatabase Database { get; set; } = null!;

    private SubmissionStore Store { get; set; } = null!;

    protected abstract Task<StorageOptions> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = new ScorecardDatabase(await CreateEmptyDatabaseAsync());
        await Database.MigrateAsync();
        Store = new SubmissionStore(Database, Clock);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static Submission Hotline(long expected, long answered, long calls, Editor? editor = null, Guid? id = null) =>
        new("CTC", September, expected, id ?? Guid.NewGuid(), editor ?? Lead,
            [new FigureChange("hotline-answered", MonthRange.Single(September), answered), new FigureChange("hotline-calls", MonthRange.Single(September), calls)],
            [new CommentChange(5, September, "Two call handlers off sick.")]);

    private async Task<int> RevisionCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.FigureRevisions.CountAsync() + await db.CommentRevisions.CountAsync();
    }

    [Fact]
    public async Task A_first_save_is_version_one_and_names_who_saved()
    {
        var result = await Store.SubmitAsync(Hotline(0, 300, 400));

        Assert.Equal(SubmitOutcome.Saved, result.Outcome);
        Assert.Equal(1, result.State.Version);
        Assert.Equal("Lee Lead", result.State.LastSavedBy);
        Assert.Equal(new SaveResult(2, 1), result.Changes);
        Assert.Equal(3, await RevisionCountAsync());
    }

    [Fact]
    public async Task A_form_drawn_before_someone_else_saved_is_refused_and_saves_nothing()
    {
        await Store.SubmitAsync(Hotline(0, 300, 400, Other));

        var stale = await Store.SubmitAsync(Hotline(0, 310, 400));

        Assert.Equal(SubmitOutcome.Stale, stale.Outcome);
        Assert.Equal("Olive Other", stale.State.LastSavedBy);
        Assert.Equal(1, stale.State.Version);
        Assert.Equal(3, await RevisionCountAsync());
    }

    [Fact]
    public async Task The_same_submission_delivered_twice_saves_once()
    {
        var id = Guid.NewGuid();
        await Store.SubmitAsync(Hotline(0, 300, 400, id: id));

        var again = await Store.SubmitAsync(Hotline(0, 300, 400, id: id));

        Assert.Equal(SubmitOutcome.Duplicate, again.Outcome);
        Assert.Equal(1, again.State.Version);
        Assert.Equal(3, await RevisionCountAsync());
    }

    [Fact]
    public async Task A_locked_month_takes_no_figures_until_it_is_unlocked()
    {
        Assert.True(await Store.LockAsync(September, Other));

        var refused = await Store.SubmitAsync(Hotline(0, 300, 400));
        Assert.Equal(SubmitOutcome.Locked, refused.Outcome);
        Assert.Equal(0, await RevisionCountAsync());

        Assert.True(await Store.UnlockAsync(September, Other));
        Assert.Equal(SubmitOutcome.Saved, (await Store.SubmitAsync(Hotline(0, 300, 400))).Outcome);
    }

    [Fact]
    public async Task Locking_a_locked_month_or_unlocking_an_open_one_says_so()
    {
        Assert.True(await Store.LockAsync(September, Other));
        Assert.False(await Store.LockAsync(September, Lead));
        Assert.Equal([new MonthLock(September, "Olive Other", Clock.GetUtcNow().UtcDateTime)], await Store.GetLocksAsync());
        Assert.True(await Store.UnlockAsync(September, Other));
        Assert.False(await Store.UnlockAsync(September, Other));
        Assert.Empty(await Store.GetLocksAsync());
    }

    [Fact]
    public async Task Every_lock_and_unlock_moves_the_store_version_on()
    {
        var figures = new FigureStore(Database, Clock);
        var before = await figures.GetVersionAsync();
        await Store.LockAsync(September, Lead);
        var locked = await figures.GetVersionAsync();
        await Store.UnlockAsync(September, Other);
        var unlocked = await figures.GetVersionAsync();
        await Store.LockAsync(new YearMonth(2007, 10), Lead);

        Assert.Equal(4, new[] { before, locked, unlocked, await figures.GetVersionAsync() }.Distinct().Count());
    }

    [Fact]
    public async Task Twenty_concurrent_saves_from_one_version_keep_exactly_one()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Store.SubmitAsync(Hotline(0, 300 + i, 400)))));

        var saved = Assert.Single(results, r => r.Outcome == SubmitOutcome.Saved);
        Assert.All(results.Where(r => r != saved), r => Assert.Equal(SubmitOutcome.Stale, r.Outcome));
        Assert.Equal(3, await RevisionCountAsync());
        var revisions = await Store.GetSubmissionAsync((await Store.GetFormStateAsync("CTC", September)).LastSubmission!.Value);
        Assert.Equal(3, revisions.Count);
    }

    [Fact]
    public async Task The_same_submission_delivered_twenty_times_at_once_saves_once()
    {
        var id = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.SubmitAsync(Hotline(0, 300, 400, id: id)))));

        Assert.Single(results, r => r.Outcome == SubmitOutcome.Saved);
        Assert.All(results.Where(r => r.Outcome != SubmitOutcome.Saved), r => Assert.Equal(SubmitOutcome.Duplicate, r.Outcome));
        Assert.Equal(3, await RevisionCountAsync());
    }

    [Fact]
    public async Task Saves_one_after_another_each_from_the_version_before_all_succeed()
    {
        for (var version = 0; version < 5; version++)
        {
            Assert.Equal(SubmitOutcome.Saved, (await Store.SubmitAsync(Hotline(version, 300 + version, 400))).Outcome);
        }
        Assert.Equal(5, (await Store.GetFormStateAsync("CTC", September)).Version);
    }

    [Fact]
    public async Task What_one_submission_changed_reads_back_old_to_new()
    {
        await Store.SubmitAsync(Hotline(0, 300, 400));
        var id = Guid.NewGuid();
        await Store.SubmitAsync(Hotline(1, 320, 400, id: id));

        var changes = await Store.GetSubmissionAsync(id);

        var answered = Assert.Single(changes);
        Assert.Equal((300L, 320L), (answered.OldValue!.Value, answered.NewValue!.Value));
    }

    [Fact]
    public async Task People_are_remembered_by_id_with_their_latest_name()
    {
        var people = new PeopleStore(Database, Clock);
        await people.RememberAsync("aad-lead", "Lee Lead");
        await people.RememberAsync("aad-lead", "Lee Lead-Smith");

        var names = await people.GetNamesAsync(["AAD-LEAD", "aad-nobody"]);

        Assert.Equal("Lee Lead-Smith", names["aad-lead"]);
        Assert.False(names.ContainsKey("aad-nobody"));
    }

    private static readonly YearMonth October = new(2007, 10);
    private static readonly Editor Import = new("csv-import:ian", "ian (csv import)");

    private static Submission Part(
        string command, YearMonth month, long expected, Guid id, params (string Component, long Value)[] figures) =>
        new(command, month, expected, id, Import,
            figures.Select(f => new FigureChange(f.Component, MonthRange.Single(month), f.Value)).ToList(), []);

    [Fact]
    public async Task A_batch_saves_every_command_month_under_one_submission_and_moves_only_the_heads_it_changed()
    {
        await Store.SubmitAsync(Hotline(0, 300, 400));
        var id = Guid.NewGuid();

        var result = await Store.SubmitAllAsync(
        [
            Part("CTC", September, 1, id, ("hotline-answered", 300), ("hotline-calls", 400)),
            Part("CTC", October, 0, id, ("hotline-answered", 350), ("hotline-calls", 410)),
            Part("SO14", October, 0, id, ("intrusions-red-purple", 0)),
        ]);

        Assert.Equal((SubmitOutcome.Saved, new SaveResult(3, 0), 2),
            (result.Outcome, result.Changes, result.CommandMonthsChanged));
        Assert.Equal(3, (await Store.GetSubmissionAsync(id)).Count);
        var unchanged = await Store.GetFormStateAsync("CTC", September);
        var changed = await Store.GetFormStateAsync("SO14", October);
        Assert.Equal((1L, "Lee Lead"), (unchanged.Version, unchanged.LastSavedBy));
        Assert.Equal((1L, "ian (csv import)", id), (changed.Version, changed.LastSavedBy, changed.LastSubmission!.Value));
    }

    [Fact]
    public async Task A_form_drawn_before_a_batch_changed_its_figures_is_refused_as_stale()
    {
        var drawn = await Store.GetFormStateAsync("CTC", September);
        await Store.SubmitAllAsync([Part("CTC", September, drawn.Version, Guid.NewGuid(), ("hotline-calls", 400))]);

        var stale = await Store.SubmitAsync(Hotline(drawn.Version, 310, 400));

        Assert.Equal((SubmitOutcome.Stale, "ian (csv import)"), (stale.Outcome, stale.State.LastSavedBy));
    }

    [Fact]
    public async Task A_batch_with_one_command_month_saved_since_it_was_checked_saves_nothing_at_all()
    {
        await Store.SubmitAsync(Hotline(0, 300, 400, Other));
        var before = await RevisionCountAsync();

        var id = Guid.NewGuid();

        // Checked against version 0 of September, which Olive's save has moved to 1.
        var result = await Store.SubmitAllAsync(
            [Part("CTC", October, 0, id, ("hotline-calls", 410)), Part("CTC", September, 0, id, ("hotline-calls", 420))]);

        Assert.Equal((SubmitOutcome.Stale, September, "Olive Other"),
            (result.Outcome, result.Refused!.Month, result.RefusedState!.LastSavedBy));
        Assert.Equal(before, await RevisionCountAsync());
        Assert.Equal(0, (await Store.GetFormStateAsync("CTC", October)).Version);
    }

    [Fact]
    public async Task A_batch_that_touches_a_locked_month_saves_nothing_at_all()
    {
        await Store.LockAsync(October, Other);
        var id = Guid.NewGuid();

        var result = await Store.SubmitAllAsync(
            [Part("CTC", September, 0, id, ("hotline-calls", 400)), Part("CTC", October, 0, id, ("hotline-calls", 410))]);

        Assert.Equal((SubmitOutcome.Locked, October), (result.Outcome, result.Refused!.Month));
        Assert.Equal(0, await RevisionCountAsync());
        Assert.Equal(0, (await Store.GetFormStateAsync("CTC", September)).Version);
    }

    [Fact]
    public async Task A_batch_that_changes_nothing_moves_no_head_and_adds_no_revision()
    {
        var id = Guid.NewGuid();
        await Store.SubmitAllAsync([Part("CTC", September, 0, id, ("hotline-calls", 400))]);

        var again = await Store.SubmitAllAsync([Part("CTC", September, 1, Guid.NewGuid(), ("hotline-calls", 400))]);

        Assert.Equal((SubmitOutcome.Saved, new SaveResult(0, 0), 0),
            (again.Outcome, again.Changes, again.CommandMonthsChanged));
        var state = await Store.GetFormStateAsync("CTC", September);
        Assert.Equal((1L, id), (state.Version, state.LastSubmission!.Value));
    }

    [Fact]
    public async Task A_batchs_revisions_read_back_as_saved_with_the_values_they_replaced()
    {
        await Store.SubmitAsync(Hotline(0, 300, 400));
        var id = Guid.NewGuid();
        var part = Part("CTC", September, 1, id, ("hotline-answered", 320), ("hotline-calls", 400)) with
        {
            Comments = [new CommentChange(5, September, "Recounted."), new CommentChange(3, September, "Quiet month.")],
        };

        await Store.SubmitAllAsync([part]);

        var changes = await Store.GetSubmissionAsync(id);
        Assert.Equal(
        [
            (RevisionKind.Figure, "hotline-answered", (long?)300, (long?)320, (string?)null, (string?)null),
            (RevisionKind.Comment, null, null, null, "Two call handlers off sick.", "Recounted."),
            (RevisionKind.Comment, null, null, null, null, "Quiet month."),
        ], changes.Select(r => (r.Kind, r.ComponentId, r.OldValue, r.NewValue, r.OldText, r.NewText)));
        Assert.All(changes, r => Assert.Equal((Import.Id, Import.Name, Clock.GetUtcNow().UtcDateTime),
            (r.SubmittedBy, r.SubmittedByName, r.SubmittedAtUtc)));
        var current = await new FigureStore(Database, Clock).LoadCurrentAsync();
        Assert.Equal(320, current.Month("hotline-answered", September));
    }
}
