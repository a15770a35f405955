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
public sealed class SeededScorecard : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scorecard-core-tests-" + Guid.NewGuid().ToString("N"));

    public ScorecardDefinition Definition { get; private set; } = null!;
    public ScorecardDatabase Database { get; private set; } = null!;
    public FigureStore Store { get; private set; } = null!;
    public FigureSet Figures { get; private set; } = null!;
    public int ImportedOnFirstStart { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Definition = DefinitionLoader.LoadFile(ShippedFiles.Definition).GetOrThrow();
        Database = new ScorecardDatabase(new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = "Data Source=" + Path.Combine(_folder, "scorecard.db"),
            BaseDirectory = _folder,
        });
        Store = new FigureStore(Database, TimeProvider.System);
        ImportedOnFirstStart = await ScorecardStartup.PrepareAsync(Database, Store, Definition, ShippedFiles.Seed, NullLogger.Instance);
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
