using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Storage;

namespace ScorecardBot.Cli;

/// <summary>The configured definition and store, read from the same keys as the bot.</summary>
public sealed class ScorecardSession(IConfiguration configuration, TimeProvider clock)
{
    public ScorecardOptions Options { get; } =
        configuration.GetSection(ScorecardOptions.Section).Get<ScorecardOptions>() ?? new ScorecardOptions();

    public string DefinitionPath => ScorecardOptions.Resolve(Options.DefinitionPath);

    public ScorecardDefinition LoadDefinition() => DefinitionLoader.LoadFile(DefinitionPath).GetOrThrow();

    /// <summary>As the bot starts: the schema brought up to date and the seed imported into an empty database.</summary>
    public async Task<(ScorecardDefinition Definition, FigureStore Store, FigureSet Figures)> PrepareAsync(CancellationToken cancellationToken)
    {
        var (definition, store, _) = await PrepareStoresAsync(cancellationToken);
        return (definition, store, await store.LoadCurrentAsync(cancellationToken));
    }

    /// <summary>As <see cref="PrepareAsync"/>, for a command that reads the figures itself, when it chooses.</summary>
    public async Task<(ScorecardDefinition Definition, FigureStore Figures, SubmissionStore Submissions)>
        PrepareStoresAsync(CancellationToken cancellationToken)
    {
        var definition = LoadDefinition();
        var (database, store) = OpenStore();
        var seedPath = string.IsNullOrWhiteSpace(Options.SeedPath) ? null : ScorecardOptions.Resolve(Options.SeedPath);
        await ScorecardStartup.PrepareAsync(database, store, definition, seedPath, NullLogger.Instance, cancellationToken: cancellationToken);
        return (definition, store, new SubmissionStore(database, clock));
    }

    /// <summary>The month it is now where the scorecard is kept (Scorecard:TimeZone), as the bot reckons it.</summary>
    public YearMonth Today()
    {
        try
        {
            return YearMonth.FromDate(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Options.TimeZone));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CliException(
                $"Scorecard:TimeZone '{Options.TimeZone}' is not a time zone this machine knows (e.g. Europe/London).");
        }
    }

    /// <summary>For reading only: the database must already exist; nothing is created or imported.</summary>
    public async Task<(ScorecardDefinition Definition, FigureStore Store)> OpenExistingAsync(CancellationToken cancellationToken)
    {
        var definition = LoadDefinition();
        var (database, store) = OpenStore();
        await database.EnsureExistsAsync(cancellationToken);
        return (definition, store);
    }

    private (ScorecardDatabase, FigureStore) OpenStore()
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? storage.ConnectionString;
        var database = new ScorecardDatabase(storage);
        return (database, new FigureStore(database, clock));
    }
}
