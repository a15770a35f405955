using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Storage;

namespace ScorecardBot.Core.Tests.Support;

/// <summary>
/// The shipped scorecard started the way the bot starts it: a fresh SQLite file, migrations, the shipped seed
/// imported through the real store, current figures loaded back.
/// </summary>
public class SeededScorecard() : IAsyncLifetime
{
    protected virtual string DefinitionPath => ShippedFiles.Definition;
    protected virtual string SeedPath => ShippedFiles.Seed;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scorecard-core-tests-" + Guid.NewGuid().ToString("N"));

    public ScorecardDefinition Definition { get; private set; } = null!;
    public ScorecardDatabase Database { get; private set; } = null!;
    public FigureStore Store { get; private set; } = null!;
    public FigureSet Figures { get; private set; } = null!;
    public int ImportedOnFirstStart { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Definition = DefinitionLoader.LoadFile(DefinitionPath).GetOrThrow();
        Database = new ScorecardDatabase(new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = "Data Source=" + Path.Combine(_folder, "scorecard.db"),
            BaseDirectory = _folder,
        });
        Store = new FigureStore(Database, TimeProvider.System);
        ImportedOnFirstStart = await ScorecardStartup.PrepareAsync(Database, Store, Definition, SeedPath, NullLogger.Instance);
        Figures = await Store.LoadCurrentAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run over it is not.
        }
        return Task.CompletedTask;
    }
}

/// <summary>The second, example scorecard (Northshire Fire and Rescue Service, calendar year 2024), started the same way.</summary>
public sealed class SeededExampleScorecard : SeededScorecard
{
    protected override string DefinitionPath => ShippedFiles.ExampleDefinition;
    protected override string SeedPath => ShippedFiles.ExampleSeed;
}
