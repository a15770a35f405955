using Microsoft.Extensions.Options;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Storage;

namespace ScorecardBot.Scorecard;

/// <summary>The scorecard as it stands: its definition, its current figures and its locked months, read together.</summary>
public sealed record ScorecardSnapshot(ScorecardDefinition Definition, FigureSet Figures, StoreVersion Version)
{
    public IReadOnlyList<MonthLock> Locks { get; init; } = [];

    public bool IsLocked(Core.Periods.YearMonth month) => Locks.Any(l => l.Month == month);
}

public sealed class SnapshotOptions
{
    /// <summary>How long a turn may answer from figures without asking the database whether anything changed.</summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Keeps the current figures in memory and re-reads them only when the store's version moves, checked at most
/// every <see cref="SnapshotOptions.MaxStaleness"/>, so a question costs no database work and another instance's
/// save is seen within a second.
/// </summary>
public sealed class ScorecardSnapshotProvider(
    IFigureStore store, ISubmissionStore submissions, ScorecardDefinition definition, TimeProvider clock, IOptions<SnapshotOptions> options)
{
    // Never disposed (so the provider is not IDisposable; CA1001 is off for this file): it holds no wait handle, so
    // there is nothing to release, and a turn still finishing after the container is disposed still finds it working.
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile ScorecardSnapshot? _current;
    private long _checkedAt;

    public async ValueTask<ScorecardSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is not null && clock.GetTimestamp() - Interlocked.Read(ref _checkedAt) < StalenessTicks) return current;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && clock.GetTimestamp() - Interlocked.Read(ref _checkedAt) < StalenessTicks) return current;
            var version = await store.GetVersionAsync(cancellationToken);
            if (current is null || current.Version != version)
            {
                // After the first read, only what was saved since: a save costs the same however long the history.
                var figures = current is null
                    ? await store.LoadCurrentAsync(cancellationToken)
                    : await store.LoadChangedAsync(current.Figures, current.Version, version, cancellationToken);
                var locks = current is null || current.Version.LastLockChange != version.LastLockChange
                    ? await submissions.GetLocksAsync(cancellationToken)
                    : current.Locks;
                current = new ScorecardSnapshot(definition, figures, version) { Locks = locks };
                _current = current;
            }
            Interlocked.Exchange(ref _checkedAt, clock.GetTimestamp());
            return current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>After a save here, the next turn reads the new figures at once.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _checkedAt, long.MinValue / 2);

    private long StalenessTicks => (long)(options.Value.MaxStaleness.TotalSeconds * clock.TimestampFrequency);
}
