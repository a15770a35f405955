using Microsoft.Extensions.Logging;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Seeding;

namespace ScorecardBot.Storage;

/// <summary>
/// What both the bot and the CLI do on start: bring the schema up to date, then import the seed into an empty database;
/// one starter at a time on PostgreSQL, where several instances share the database.
/// </summary>
public static partial class ScorecardStartup
{
    /// <param name="migrate">
    /// False when the migration bundle owns the schema (Storage:MigrateOnStart): a database behind the code is then
    /// refused with a <see cref="StorageUnavailableException"/> that says to run the bundle, and nothing is imported.
    /// </param>
    public static async Task<int> PrepareAsync(
        ScorecardDatabase database,
        IFigureStore store,
        ScorecardDefinition definition,
        string? seedPath,
        ILogger logger,
        bool migrate = true,
        CancellationToken cancellationToken = default)
    {
        // Held while checking too: the seed goes into an empty database once, whoever migrated it.
        await using var turn = await database.StartupLockAsync(cancellationToken);
        if (migrate) await database.MigrateAsync(cancellationToken);
        else await database.EnsureMigratedAsync(cancellationToken);
        if (seedPath is null) return 0;
        if (!File.Exists(seedPath))
        {
            Log.SeedFileMissing(logger, seedPath);
            return 0;
        }
        var seed = SeedData.Parse(await File.ReadAllTextAsync(seedPath, cancellationToken), definition);
        var imported = await store.ImportSeedAsync(seed, cancellationToken);
        if (imported > 0) Log.SeedImported(logger, imported, seed.Source);
        return imported;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {SeedPath} not found; starting without seed figures")]
        public static partial void SeedFileMissing(ILogger logger, string seedPath);

        [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} seed figures and comments from {Source}")]
        public static partial void SeedImported(ILogger logger, int count, string source);
    }
}
