using Microsoft.EntityFrameworkCore;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Storage;

/// <summary>Where a command's figures for a month stand: the version a form is drawn from, and who saved last.</summary>
public sealed record FormState(long Version, string? LastSavedBy, DateTime? LastSavedAtUtc, Guid? LastSubmission, bool Locked);

/// <summary>One submission from a form: what it expects to replace, and the figures and comments it saves.</summary>
public sealed record Submission(
    string Command,
    YearMonth Month,
    long ExpectedVersion,
    Guid SubmissionId,
    Editor Editor,
    IReadOnlyCollection<FigureChange> Figures,
    IReadOnlyCollection<CommentChange> Comments);

public enum SubmitOutcome
{
    /// <summary>Saved, as one transaction.</summary>
    Saved,
    /// <summary>This very submission was saved before (a double click, a retry): nothing saved again.</summary>
    Duplicate,
    /// <summary>Someone saved these figures since the form was drawn: nothing saved.</summary>
    Stale,
    /// <summary>The month is locked: nothing saved.</summary>
    Locked,
}

public sealed record SubmitResult(SubmitOutcome Outcome, FormState State, SaveResult? Changes = null);

/// <summary>
/// What saving many command-months at once did: saved (with how many heads moved), or refused because of
/// <see cref="Refused"/>, whose head had moved on or whose month is locked, with where it stands now.
/// </summary>
public sealed record SubmitAllResult(
    SubmitOutcome Outcome,
    SaveResult Changes,
    int CommandMonthsChanged,
    Submission? Refused = null,
    FormState? RefusedState = null);

/// <summary>A month lock and who set it.</summary>
public sealed record MonthLock(YearMonth Month, string LockedByName, DateTime LockedAtUtc);

public interface ISubmissionStore
{
    Task<FormState> GetFormStateAsync(string command, YearMonth month, CancellationToken cancellationToken = default);
    Task<SubmitResult> SubmitAsync(Submission submission, CancellationToken cancellationToken = default);
    Task<SubmitAllResult> SubmitAllAsync(IReadOnlyList<Submission> parts,
        IProgress<(int Written, int Total)>? progress = null, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Revision>> GetSubmissionAsync(Guid submissionId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<MonthLock>> GetLocksAsync(CancellationToken cancellationToken = default);
    Task<bool> LockAsync(YearMonth month, Editor editor, CancellationToken cancellationToken = default);
    Task<bool> UnlockAsync(YearMonth month, Editor editor, CancellationToken cancellationToken = default);
}

/// <summary>
/// Saves a form's figures all or nothing, exactly once, and never over someone else's newer save. The version check
/// is a conditional update of the command-month's head row inside the save's own transaction, written first so that
/// SQLite takes its write lock before any read and PostgreSQL makes a concurrent save wait and then see the new
/// version; a retried submission is recognised by its submission id.
/// </summary>
public sealed class SubmissionStore(ScorecardDatabase database, TimeProvider clock) : ISubmissionStore
{
    public async Task<FormState> GetFormStateAsync(string command, YearMonth month, CancellationToken cancellationToken = default)
    {
        var key = FigureStore.ToKey(month);
        await using var db = database.CreateContext();
        var head = await db.SubmissionHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Command == command && h.Month == key, cancellationToken);
        var locked = await IsLockedAsync(db, key, cancellationToken);
        return head is null
            ? new FormState(0, null, null, null, locked)
            : new FormState(head.Version, head.UpdatedByName, AsUtc(head.UpdatedAtUtc), head.SubmissionId, locked);
    }

    public async Task<SubmitResult> SubmitAsync(Submission submission, CancellationToken cancellationToken = default)
    {
        if (await HasSubmissionAsync(submission.SubmissionId, cancellationToken))
        {
            return new SubmitResult(SubmitOutcome.Duplicate, await GetFormStateAsync(submission.Command, submission.Month, cancellationToken));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var month = FigureStore.ToKey(submission.Month);
        await using (var db = database.CreateContext())
        {
            await using var transaction = await database.BeginRevisionWriteAsync(db, cancellationToken);
            if (await MoveHeadAsync(db, submission, month, now, cancellationToken)
                && !await IsLockedAsync(db, month, cancellationToken))
            {
                var changes = await FigureStore.AddRevisionsAsync(db, submission.Figures, submission.Comments, submission.Editor, submission.SubmissionId, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new SubmitResult(SubmitOutcome.Saved, await GetFormStateAsync(submission.Command, submission.Month, cancellationToken), changes);
            }
            await transaction.RollbackAsync(cancellationToken);
        }
        // Refused: this same submission saved by a concurrent delivery, a lock, or someone else's newer save.
        var state = await GetFormStateAsync(submission.Command, submission.Month, cancellationToken);
        if (await HasSubmissionAsync(submission.SubmissionId, cancellationToken)) return new SubmitResult(SubmitOutcome.Duplicate, state);
        return new SubmitResult(state.Locked ? SubmitOutcome.Locked : SubmitOutcome.Stale, state);
    }

    /// <summary>
    /// Many command-months saved as one submission (an import), all or nothing: every part shares one submission id and
    /// editor; a part that changes anything moves its head from the version it was checked against, exactly as a form's
    /// save does, so a form drawn before is refused as stale; a part that changes nothing leaves its head alone. Heads
    /// are moved in (command, month) order, so two batches never wait on each other in a circle. Revisions are written
    /// by <see cref="BulkInsert"/> in the one transaction, each statement reported to <paramref name="progress"/>
    /// (revisions written of those to write).
    /// </summary>
    public async Task<SubmitAllResult> SubmitAllAsync(
        IReadOnlyList<Submission> parts,
        IProgress<(int Written, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (parts.Count == 0) return new SubmitAllResult(SubmitOutcome.Saved, new SaveResult(0, 0), 0);
        var (id, editor) = (parts[0].SubmissionId, parts[0].Editor);
        if (parts.Any(p => p.SubmissionId != id || p.Editor != editor))
            throw new ArgumentException("The parts of a batch share one submission id and editor.", nameof(parts));
        if (parts.CountBy(p => (p.Command, p.Month)).Any(c => c.Value > 1))
            throw new ArgumentException("A command-month may be given once in a batch.", nameof(parts));

        var now = clock.GetUtcNow().UtcDateTime;
        var ordered = parts.OrderBy(p => p.Command, StringComparer.Ordinal).ThenBy(p => p.Month).ToList();
        await using var db = database.CreateContext();
        await using var transaction = await database.BeginRevisionWriteAsync(db, cancellationToken);
        var current = await FigureStore.CurrentValues.LoadAsync(db,
            parts.SelectMany(p => p.Figures).ToList(), parts.SelectMany(p => p.Comments).ToList(), cancellationToken);

        var figures = new List<FigureRevision>();
        var comments = new List<CommentRevision>();
        var moved = 0;
        foreach (var part in ordered)
        {
            var (f, c) = current.Revisions(part.Figures, part.Comments, editor, id, now);
            if (f.Count + c.Count == 0) continue;
            var month = FigureStore.ToKey(part.Month);
            if (!await MoveHeadAsync(db, part, month, now, cancellationToken) || await IsLockedAsync(db, month, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                var state = await GetFormStateAsync(part.Command, part.Month, cancellationToken);
                var outcome = state.Locked ? SubmitOutcome.Locked : SubmitOutcome.Stale;
                return new SubmitAllResult(outcome, new SaveResult(0, 0), 0, part, state);
            }
            figures.AddRange(f);
            comments.AddRange(c);
            moved++;
        }

        var total = figures.Count + comments.Count;
        progress?.Report((0, total));
        await BulkInsert.WriteAsync(db, figures, n => progress?.Report((n, total)), cancellationToken);
        await BulkInsert.WriteAsync(db, comments, n => progress?.Report((figures.Count + n, total)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SubmitAllResult(SubmitOutcome.Saved, new SaveResult(figures.Count, comments.Count), moved);
    }

    /// <summary>Moves the head from the expected version to the next; false when it has moved on already.</summary>
    private static async Task<bool> MoveHeadAsync(ScorecardDbContext db, Submission submission, int month, DateTime now, CancellationToken cancellationToken)
    {
        var expected = submission.ExpectedVersion;
        var updated = await db.SubmissionHeads
            .Where(h => h.Command == submission.Command && h.Month == month && h.Version == expected)
            .ExecuteUpdateAsync(set => set
                .SetProperty(h => h.Version, expected + 1)
                .SetProperty(h => h.UpdatedBy, submission.Editor.Id)
                .SetProperty(h => h.UpdatedByName, submission.Editor.Name)
                .SetProperty(h => h.UpdatedAtUtc, now)
                .SetProperty(h => h.SubmissionId, submission.SubmissionId), cancellationToken);
        if (updated == 1) return true;
        if (expected != 0) return false;
        // The first save of this command and month: a second first save collides on the key and is refused.
        db.SubmissionHeads.Add(new SubmissionHead
        {
            Command = submission.Command, Month = month, Version = 1, UpdatedBy = submission.Editor.Id,
            UpdatedByName = submission.Editor.Name, UpdatedAtUtc = now, SubmissionId = submission.SubmissionId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<bool> HasSubmissionAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await db.FigureRevisions.AnyAsync(r => r.SubmissionId == submissionId, cancellationToken)
            || await db.CommentRevisions.AnyAsync(r => r.SubmissionId == submissionId, cancellationToken)
            || await db.SubmissionHeads.AnyAsync(h => h.SubmissionId == submissionId, cancellationToken);
    }

    /// <summary>What one submission changed: each figure and comment, old → new.</summary>
    public async Task<IReadOnlyList<Revision>> GetSubmissionAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var figures = await db.FigureRevisions.AsNoTracking().Where(r => r.SubmissionId == submissionId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var comments = await db.CommentRevisions.AsNoTracking().Where(r => r.SubmissionId == submissionId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return FigureStore.ToRevisions(figures, comments);
    }

    /// <summary>The months locked now: those whose latest lock change locked them.</summary>
    public async Task<IReadOnlyList<MonthLock>> GetLocksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var latest = await db.MonthLockChanges.AsNoTracking()
            .Where(l => l.Id == db.MonthLockChanges.Where(x => x.Month == l.Month).Max(x => x.Id))
            .OrderBy(l => l.Month)
            .ToListAsync(cancellationToken);
        return latest.Where(l => l.Locked).Select(l => new MonthLock(FigureStore.FromKey(l.Month), l.ChangedByName, AsUtc(l.ChangedAtUtc))).ToList();
    }

    /// <summary>Locks a month; false when it was locked already.</summary>
    public Task<bool> LockAsync(YearMonth month, Editor editor, CancellationToken cancellationToken = default) =>
        ChangeLockAsync(month, editor, locked: true, cancellationToken);

    /// <summary>Unlocks a month; false when it was not locked.</summary>
    public Task<bool> UnlockAsync(YearMonth month, Editor editor, CancellationToken cancellationToken = default) =>
        ChangeLockAsync(month, editor, locked: false, cancellationToken);

    private async Task<bool> ChangeLockAsync(YearMonth month, Editor editor, bool locked, CancellationToken cancellationToken)
    {
        var key = FigureStore.ToKey(month);
        await using var db = database.CreateContext();
        await using var transaction = await database.BeginRevisionWriteAsync(db, cancellationToken);
        if (await IsLockedAsync(db, key, cancellationToken) == locked) return false;
        db.MonthLockChanges.Add(new MonthLockChange
        {
            Month = key, Locked = locked, ChangedBy = editor.Id, ChangedByName = editor.Name, ChangedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<bool> IsLockedAsync(ScorecardDbContext db, int month, CancellationToken cancellationToken) =>
        await db.MonthLockChanges.Where(l => l.Month == month).OrderByDescending(l => l.Id).Select(l => (bool?)l.Locked).FirstOrDefaultAsync(cancellationToken) == true;

    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
