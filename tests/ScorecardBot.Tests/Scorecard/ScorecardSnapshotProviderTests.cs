using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Scorecard;

/// <summary>
/// How fresh the figures a turn answers from are, over a real SQLite file that another instance (a second store on the
/// same file) saves to: this instance's own saves at once, another's within <see cref="SnapshotOptions.MaxStaleness"/>
/// and not a tick later, and no database read at all in between.
/// </summary>
public sealed class ScorecardSnapshotProviderTests : IAsyncLifetime
{
    private static readonly YearMonth September = new(2007, 9);
    private static readonly TimeSpan Staleness = TimeSpan.FromSeconds(1);
    private static readonly Editor Lead = new("aad-lee", "Lee Lead");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("scorecardbot-snapshot-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2007, 10, 3, 9, 0, 0, TimeSpan.Zero));
    private ScorecardDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new ScorecardDatabase(new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder.FullName, "scorecard.db")}",
        });
        await _database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private (ScorecardSnapshotProvider Provider, CountingVersions Store) NewInstance()
    {
        var store = new CountingVersions(new FigureStore(_database, _clock));
        var provider = new ScorecardSnapshotProvider(store, new SubmissionStore(_database, _clock), ShippedScorecard.Definition, _clock,
            Options.Create(new SnapshotOptions { MaxStaleness = Staleness }));
        return (provider, store);
    }

    private Task<SaveResult> SaveHotlineAsync(long calls) =>
        new FigureStore(_database, _clock).SaveAsync([new FigureChange("hotline-calls", MonthRange.Single(September), calls)], [], Lead, Guid.NewGuid());

    private static async Task<long?> HotlineAsync(ScorecardSnapshotProvider provider) =>
        (await provider.GetAsync()).Figures.Month("hotline-calls", September);

    [Fact]
    public async Task Another_instances_save_is_answered_once_the_staleness_has_passed_and_not_a_tick_before()
    {
        var (provider, store) = NewInstance();
        Assert.Null(await HotlineAsync(provider));
        var checks = store.VersionChecks;

        await SaveHotlineAsync(300);
        _clock.Advance(Staleness - TimeSpan.FromTicks(1));
        Assert.Null(await HotlineAsync(provider));
        Assert.Equal(checks, store.VersionChecks);

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(300, await HotlineAsync(provider));
        Assert.Equal(checks + 1, store.VersionChecks);
    }

    [Fact]
    public async Task A_save_on_this_instance_is_answered_at_once()
    {
        var (provider, _) = NewInstance();
        Assert.Null(await HotlineAsync(provider));

        await SaveHotlineAsync(300);
        provider.Invalidate();

        Assert.Equal(300, await HotlineAsync(provider));
    }

    [Fact]
    public async Task Nothing_saved_meanwhile_keeps_the_figures_read_and_asks_only_for_the_version()
    {
        await SaveHotlineAsync(300);
        var (provider, store) = NewInstance();
        var first = await provider.GetAsync();

        _clock.Advance(Staleness);
        var second = await provider.GetAsync();

        Assert.Same(first, second);
        Assert.Equal(1, store.FullReads);
        Assert.Equal(2, store.VersionChecks);
    }

    /// <summary>The real store, counting how often the provider goes to the database.</summary>
    private sealed class CountingVersions(IFigureStore inner) : IFigureStore
    {
        public int VersionChecks { get; private set; }

        public int FullReads { get; private set; }

        public Task<StoreVersion> GetVersionAsync(CancellationToken cancellationToken = default)
        {
            VersionChecks++;
            return inner.GetVersionAsync(cancellationToken);
        }

        public Task<FigureSet> LoadCurrentAsync(CancellationToken cancellationToken = default)
        {
            FullReads++;
            return inner.LoadCurrentAsync(cancellationToken);
        }

        public Task<FigureSet> LoadChangedAsync(FigureSet current, StoreVersion since, StoreVersion upTo, CancellationToken cancellationToken = default) =>
            inner.LoadChangedAsync(current, since, upTo, cancellationToken);

        public Task<SaveResult> SaveAsync(IReadOnlyCollection<FigureChange> figures, IReadOnlyCollection<CommentChange> comments, Editor editor, Guid submissionId, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(figures, comments, editor, submissionId, cancellationToken);

        public Task<IReadOnlyList<Storage.Entities.FigureRevision>> GetHistoryAsync(string componentId, MonthRange period, CancellationToken cancellationToken = default) =>
            inner.GetHistoryAsync(componentId, period, cancellationToken);

        public Task<IReadOnlyList<Revision>> GetRevisionsAsync(MonthRange? within = null, CancellationToken cancellationToken = default) =>
            inner.GetRevisionsAsync(within, cancellationToken);

        public Task<int> ImportSeedAsync(SeedData seed, CancellationToken cancellationToken = default) =>
            inner.ImportSeedAsync(seed, cancellationToken);
    }
}
