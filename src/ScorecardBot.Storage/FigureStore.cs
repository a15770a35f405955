using Microsoft.EntityFrameworkCore;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Storage;

public sealed record FigureChange(string ComponentId, MonthRange Period, long Value);

public sealed record CommentChange(int MeasureNumber, YearMonth Month, string? Text);

/// <summary>Who made a change: the Teams user's AAD object id and display name, or a named process.</summary>
public sealed record Editor(string Id, string Name)
{
    public static Editor SeedImport { get; } = new(SeedData.ImportedBy, SeedData.ImportedBy);
}

/// <summary>A cheap fingerprint of everything stored: it changes whenever any revision is added.</summary>
public readonly record struct StoreVersion(long LastFigureRevision, long LastCommentRevision, long LastLockChange = 0);

public sealed record SaveResult(int FiguresChanged, int CommentsChanged)
{
    public bool ChangedAnything => FiguresChanged + CommentsChanged > 0;
}

public interface IFigureStore
{
    Task<FigureSet> LoadCurrentAsync(CancellationToken cancellationToken = default);
    Task<StoreVersion> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The figures current at <paramref name="upTo"/>, from those current at <paramref name="since"/> and the revisions
    /// saved between the two: a read of what changed rather than of every revision. Sound because revisions are written
    /// one transaction at a time (<see cref="ScorecardDatabase.BeginRevisionWriteAsync"/>), so none can appear later
    /// below a version already read.
    /// </summary>
    Task<FigureSet> LoadChangedAsync(FigureSet current, StoreVersion since, StoreVersion upTo, CancellationToken cancellationToken = default);
    Task<SaveResult> SaveAsync(IReadOnlyCollection<FigureChange> figures, IReadOnlyCollection<CommentChange> comments, Editor editor, Guid submissionId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<FigureRevision>> GetHistoryAsync(string componentId, MonthRange period, CancellationToken cancellationToken = default);

    /// <summary>Every figure and comment revision whose period lies within <paramref name="within"/> (all when null), oldest first.</summary>
    Task<IReadOnlyList<Revision>> GetRevisionsAsync(MonthRange? within = null, CancellationToken cancellationToken = default);
    Task<int> ImportSeedAsync(SeedData seed, CancellationToken cancellationToken = default);
}

/// <summary>Figures as append-only revisions in SQLite or PostgreSQL; every save is one transaction.</summary>
public sealed class FigureStore(ScorecardDatabase database, TimeProvider clock) : IFigureStore
{
    public async Task<FigureSet> LoadCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var latestFigures = LatestFigures(db.FigureRevisions);
        var figures = await db.FigureRevisions.AsNoTracking().Where(r => latestFigures.Contains(r.Id)).ToListAsync(cancellationToken);
        var latestComments = LatestComments(db.CommentRevisions);
        var comments = await db.CommentRevisions.AsNoTracking().Where(r => latestComments.Contains(r.Id)).ToListAsync(cancellationToken);

        return new FigureSet(
            figures.Select(ToFigure),
            comments.Where(c => !string.IsNullOrWhiteSpace(c.Text))
                .Select(ToComment));
    }

    public async Task<FigureSet> LoadChangedAsync(FigureSet current, StoreVersion since, StoreVersion upTo, CancellationToken cancellationToken = default)
    {
        if (upTo.LastFigureRevision <= since.LastFigureRevision && upTo.LastCommentRevision <= since.LastCommentRevision) return current;
        await using var db = database.CreateContext();
        var figures = await db.FigureRevisions.AsNoTracking()
            .Where(r => r.Id > since.LastFigureRevision && r.Id <= upTo.LastFigureRevision)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var comments = await db.CommentRevisions.AsNoTracking()
            .Where(r => r.Id > since.LastCommentRevision && r.Id <= upTo.LastCommentRevision)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        if (figures.Count == 0 && comments.Count == 0) return current;

        // Later revisions replace earlier ones of the same figure or comment; an empty comment clears one.
        var commentsByKey = current.Comments.ToDictionary(c => (c.MeasureNumber, c.Month));
        foreach (var c in comments)
        {
            var key = (c.MeasureNumber, FromKey(c.Month));
            if (string.IsNullOrWhiteSpace(c.Text)) commentsByKey.Remove(key);
            else commentsByKey[key] = ToComment(c);
        }
        return current.With(figures.Select(ToFigure), commentsByKey.Values);
    }

    public async Task<StoreVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var figures = await db.FigureRevisions.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        var comments = await db.CommentRevisions.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        var locks = await db.MonthLockChanges.MaxAsync(l => (long?)l.Id, cancellationToken) ?? 0;
        return new StoreVersion(figures, comments, locks);
    }

    public async Task<SaveResult> SaveAsync(
        IReadOnlyCollection<FigureChange> figures,
        IReadOnlyCollection<CommentChange> comments,
        Editor editor,
        Guid submissionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        await using var transaction = await database.BeginRevisionWriteAsync(db, cancellationToken);
        var result = await AddRevisionsAsync(db, figures, comments, editor, submissionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Adds a revision for each figure and comment that differs from the current one, to a context inside the caller's
    /// transaction; unchanged values add nothing. The caller saves and commits.
    /// </summary>
    internal static async Task<SaveResult> AddRevisionsAsync(
        ScorecardDbContext db,
        IReadOnlyCollection<FigureChange> figures,
        IReadOnlyCollection<CommentChange> comments,
        Editor editor,
        Guid submissionId,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var current = await CurrentValues.LoadAsync(db, figures, comments, cancellationToken);
        var (figureRevisions, commentRevisions) = current.Revisions(figures, comments, editor, submissionId, now);
        db.FigureRevisions.AddRange(figureRevisions);
        db.CommentRevisions.AddRange(commentRevisions);
        return new SaveResult(figureRevisions.Count, commentRevisions.Count);
    }

    /// <summary>
    /// The values stored now for the figures and comments about to be saved, read in one query each rather than one per
    /// change, so a save of thousands costs two round trips; and the revisions that would change them.
    /// </summary>
    internal sealed class CurrentValues
    {
        private readonly Dictionary<(string, int, int), long> _figures;
        private readonly Dictionary<(int, int), string?> _comments;

        private CurrentValues(Dictionary<(string, int, int), long> figures, Dictionary<(int, int), string?> comments) =>
            (_figures, _comments) = (figures, comments);

        public static async Task<CurrentValues> LoadAsync(
            ScorecardDbContext db,
            IReadOnlyCollection<FigureChange> figures,
            IReadOnlyCollection<CommentChange> comments,
            CancellationToken cancellationToken)
        {
            var stored = new Dictionary<(string, int, int), long>();
            if (figures.Count > 0)
            {
                var ids = figures.Select(f => f.ComponentId).Distinct().ToList();
                var (from, to) = (figures.Min(f => ToKey(f.Period.From)), figures.Max(f => ToKey(f.Period.To)));
                var latest = LatestFigures(db.FigureRevisions.Where(r => ids.Contains(r.ComponentId) && r.PeriodStart >= from && r.PeriodEnd <= to));
                var rows = await db.FigureRevisions.AsNoTracking()
                    .Where(r => latest.Contains(r.Id))
                    .Select(r => new { r.ComponentId, r.PeriodStart, r.PeriodEnd, r.Value })
                    .ToListAsync(cancellationToken);
                foreach (var r in rows) stored[(r.ComponentId, r.PeriodStart, r.PeriodEnd)] = r.Value;
            }

            var texts = new Dictionary<(int, int), string?>();
            if (comments.Count > 0)
            {
                var measures = comments.Select(c => c.MeasureNumber).Distinct().ToList();
                var (from, to) = (comments.Min(c => ToKey(c.Month)), comments.Max(c => ToKey(c.Month)));
                var latest = LatestComments(db.CommentRevisions.Where(r => measures.Contains(r.MeasureNumber) && r.Month >= from && r.Month <= to));
                var rows = await db.CommentRevisions.AsNoTracking()
                    .Where(r => latest.Contains(r.Id))
                    .Select(r => new { r.MeasureNumber, r.Month, r.Text })
                    .ToListAsync(cancellationToken);
                foreach (var r in rows) texts[(r.MeasureNumber, r.Month)] = r.Text;
            }
            return new CurrentValues(stored, texts);
        }

        /// <summary>A revision for each change that differs from the stored value (an empty comment clears one).</summary>
        public (List<FigureRevision> Figures, List<CommentRevision> Comments) Revisions(
            IEnumerable<FigureChange> figures,
            IEnumerable<CommentChange> comments,
            Editor editor,
            Guid submissionId,
            DateTime now)
        {
            var figureRevisions = new List<FigureRevision>();
            foreach (var change in figures)
            {
                var key = (change.ComponentId, ToKey(change.Period.From), ToKey(change.Period.To));
                long? current = _figures.TryGetValue(key, out var value) ? value : null;
                if (current == change.Value) continue;
                figureRevisions.Add(new FigureRevision
                {
                    ComponentId = change.ComponentId,
                    PeriodStart = key.Item2,
                    PeriodEnd = key.Item3,
                    Value = change.Value,
                    PreviousValue = current,
                    SubmittedBy = editor.Id,
                    SubmittedByName = editor.Name,
                    SubmittedAtUtc = now,
                    SubmissionId = submissionId,
                });
            }

            var commentRevisions = new List<CommentRevision>();
            foreach (var change in comments)
            {
                var key = (change.MeasureNumber, ToKey(change.Month));
                var text = string.IsNullOrWhiteSpace(change.Text) ? null : change.Text.Trim();
                var current = _comments.GetValueOrDefault(key);
                if (current == text) continue;
                commentRevisions.Add(new CommentRevision
                {
                    MeasureNumber = change.MeasureNumber,
                    Month = key.Item2,
                    Text = text,
                    PreviousText = current,
                    SubmittedBy = editor.Id,
                    SubmittedByName = editor.Name,
                    SubmittedAtUtc = now,
                    SubmissionId = submissionId,
                });
            }
            return (figureRevisions, commentRevisions);
        }
    }

    public async Task<IReadOnlyList<FigureRevision>> GetHistoryAsync(string componentId, MonthRange period, CancellationToken cancellationToken = default)
    {
        var (start, end) = (ToKey(period.From), ToKey(period.To));
        await using var db = database.CreateContext();
        var history = await db.FigureRevisions.AsNoTracking()
            .Where(r => r.ComponentId == componentId && r.PeriodStart == start && r.PeriodEnd == end)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var r in history) r.SubmittedAtUtc = AsUtc(r.SubmittedAtUtc);
        return history;
    }

    public async Task<IReadOnlyList<Revision>> GetRevisionsAsync(MonthRange? within = null, CancellationToken cancellationToken = default)
    {
        var (from, to) = within is { } range ? (ToKey(range.From), ToKey(range.To)) : (int.MinValue, int.MaxValue);
        await using var db = database.CreateContext();
        var figures = await db.FigureRevisions.AsNoTracking()
            .Where(r => r.PeriodStart >= from && r.PeriodEnd <= to)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var comments = await db.CommentRevisions.AsNoTracking()
            .Where(r => r.Month >= from && r.Month <= to)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);

        return ToRevisions(figures, comments);
    }

    /// <summary>Stored rows as plain revisions, oldest first; within one instant figures before comments, each as saved.</summary>
    internal static IReadOnlyList<Revision> ToRevisions(IEnumerable<FigureRevision> figures, IEnumerable<CommentRevision> comments)
    {
        var revisions = figures
            .Select(r => new Revision(RevisionKind.Figure, ToRange(r.PeriodStart, r.PeriodEnd), r.ComponentId, null, r.PreviousValue, r.Value,
                null, null, r.SubmittedBy, r.SubmittedByName, AsUtc(r.SubmittedAtUtc), r.SubmissionId))
            .Concat(comments.Select(r => new Revision(RevisionKind.Comment, MonthRange.Single(FromKey(r.Month)), null, r.MeasureNumber,
                null, null, r.PreviousText, r.Text, r.SubmittedBy, r.SubmittedByName, AsUtc(r.SubmittedAtUtc), r.SubmissionId)));
        return revisions.OrderBy(r => r.SubmittedAtUtc).ToList();
    }

    /// <summary>Adds the seed's figures and comments where nothing is stored yet for them; a second import changes nothing.</summary>
    public async Task<int> ImportSeedAsync(SeedData seed, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var storedFigures = (await db.FigureRevisions.AsNoTracking()
                .Select(r => new { r.ComponentId, r.PeriodStart, r.PeriodEnd })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(k => (k.ComponentId, k.PeriodStart, k.PeriodEnd))
            .ToHashSet();
        var storedComments = (await db.CommentRevisions.AsNoTracking()
                .Select(r => new { r.MeasureNumber, r.Month })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(k => (k.MeasureNumber, k.Month))
            .ToHashSet();

        var figures = seed.Figures
            .Where(f => !storedFigures.Contains((f.ComponentId, ToKey(f.Period.From), ToKey(f.Period.To))))
            .Select(f => new FigureChange(f.ComponentId, f.Period, f.Value))
            .ToList();
        var comments = seed.Comments
            .Where(c => !storedComments.Contains((c.MeasureNumber, ToKey(c.Month))))
            .Select(c => new CommentChange(c.MeasureNumber, c.Month, c.Text))
            .ToList();
        if (figures.Count == 0 && comments.Count == 0) return 0;

        var result = await SaveAsync(figures, comments, Editor.SeedImport, Guid.NewGuid(), cancellationToken);
        return result.FiguresChanged + result.CommentsChanged;
    }

    /// <summary>
    /// The id of each figure's latest revision among <paramref name="revisions"/>: one pass over the key's index, where
    /// asking for each revision whether it is its key's latest costs a look-up per revision (measured in the soak:
    /// 30–50 ms a save inside the save's transaction once a figure had a few thousand revisions).
    /// </summary>
    private static IQueryable<long> LatestFigures(IQueryable<FigureRevision> revisions) =>
        revisions.GroupBy(r => new { r.ComponentId, r.PeriodStart, r.PeriodEnd }).Select(g => g.Max(r => r.Id));

    /// <summary>The id of each comment's latest revision among <paramref name="revisions"/>.</summary>
    private static IQueryable<long> LatestComments(IQueryable<CommentRevision> revisions) =>
        revisions.GroupBy(r => new { r.MeasureNumber, r.Month }).Select(g => g.Max(r => r.Id));

    private static Figure ToFigure(FigureRevision r) =>
        new(r.ComponentId, ToRange(r.PeriodStart, r.PeriodEnd), r.Value, r.SubmittedByName, AsUtc(r.SubmittedAtUtc));

    /// <summary>A comment revision with text as the comment it sets (one without text clears it).</summary>
    private static MeasureComment ToComment(CommentRevision c) =>
        new(c.MeasureNumber, FromKey(c.Month), c.Text!, c.SubmittedByName, AsUtc(c.SubmittedAtUtc));

    public static int ToKey(YearMonth month) => month.Year * 100 + month.Month;

    public static YearMonth FromKey(int key) => new(key / 100, key % 100);

    private static MonthRange ToRange(int start, int end) => new(FromKey(start), FromKey(end));

    // SQLite hands DateTime back as Unspecified; everything stored is UTC.
    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
