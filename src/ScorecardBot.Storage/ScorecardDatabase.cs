using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ScorecardBot.Storage;

/// <summary>Knows which provider is configured, opens contexts for it and brings its schema up to date.</summary>
public sealed class ScorecardDatabase
{
    private readonly Func<ScorecardDbContext> _create;
    private readonly string? _sqliteFile;

    public ScorecardDatabase(StorageOptions options)
    {
        Provider = options.Provider;
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
            {
                ConnectionString = ResolveSqlite(options.ConnectionString ?? StorageOptions.DefaultSqliteConnectionString, options.BaseDirectory, out var file, out var inMemory);
                Location = file;
                _sqliteFile = inMemory ? null : file;
                var sqlite = new DbContextOptionsBuilder<SqliteScorecardDbContext>().UseSqlite(ConnectionString).Options;
                _create = new PooledDbContextFactory<SqliteScorecardDbContext>(sqlite).CreateDbContext;
                break;
            }
            case StorageProvider.Postgres:
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                    throw new StorageUnavailableException("Storage:Provider is Postgres but ConnectionStrings:Scorecard is empty.");
                ConnectionString = options.ConnectionString;
                var builder = new DbConnectionStringBuilder { ConnectionString = ConnectionString };
                Location = $"PostgreSQL {(builder.TryGetValue("Host", out var host) ? host : "?")}/{(builder.TryGetValue("Database", out var db) ? db : "?")}";
                var postgres = new DbContextOptionsBuilder<PostgresScorecardDbContext>().UseNpgsql(ConnectionString).Options;
                _create = new PooledDbContextFactory<PostgresScorecardDbContext>(postgres).CreateDbContext;
                break;
            }
            default:
                throw new StorageUnavailableException($"Storage:Provider '{options.Provider}' is not known; use Sqlite or Postgres.");
        }
    }

    public StorageProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The SQLite file, or the PostgreSQL host and database: what an operator needs to find it.</summary>
    public string Location { get; }

    /// <summary>
    /// A context from this database's pool (EF Core resets it when it is disposed): a question reads through several,
    /// and building each afresh was most of a small read's cost.
    /// </summary>
    public ScorecardDbContext CreateContext() => _create();

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_sqliteFile is not null) CreateSqliteFolder(_sqliteFile);
        try
        {
            await using var db = CreateContext();
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"Cannot open the scorecard database ({Location}): {Innermost(e).Message}", e);
        }
    }

    /// <summary>
    /// PostgreSQL: a session-level advisory lock held while one instance migrates and seeds, so instances started
    /// together on one empty database take turns (EF Core's own migration lock does not stop a second instance applying
    /// a migration the first has just applied: "relation already exists"). Released on dispose. SQLite: nothing to hold
    /// (one instance per file).
    /// </summary>
    public async Task<IAsyncDisposable> StartupLockAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != StorageProvider.Postgres) return NoLock.Instance;
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or OperationCanceledException)
        {
            await connection.DisposeAsync();
            if (e is OperationCanceledException) throw;
            throw new StorageUnavailableException($"Cannot open the scorecard database ({Location}): {Innermost(e).Message}", e);
        }
    }

    /// <summary>The advisory lock's key: any constant no other code in the database uses ("scorecard startup").</summary>
    private const long StartupLockKey = 0x5C0_2ECA_2D57_A27;

    /// <summary>
    /// Begins a transaction that writes revisions (figures, comments, month locks), taking its turn among them: on
    /// PostgreSQL a transaction-level advisory lock, taken first in the transaction and held until it ends. Their ids are
    /// then given out in the order they commit, so a reader that sees revision N sees every revision before it: the
    /// store's version (the last ids) and the snapshot's read of what came after it rely on that. Without it, two saves
    /// committing in the other order than they took their ids would leave the later-committed one below a version
    /// already read, unseen by every instance until the next save. SQLite needs nothing: it has one writer at a time,
    /// and a row's id is given out under that writer's lock. Saves are a person's submissions: taking turns costs them
    /// nothing they would feel.
    /// </summary>
    public async Task<IDbContextTransaction> BeginRevisionWriteAsync(ScorecardDbContext db, CancellationToken cancellationToken = default)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (Provider != StorageProvider.Postgres) return transaction;
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({RevisionLockKey})", cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>The revision writers' advisory lock key ("scorecard revisions"), distinct from the startup lock's.</summary>
    private const long RevisionLockKey = 0x5C0_2ECA_2D2E_715;

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Explicitly: a pooled connection's session would otherwise keep it until the pool resets it.
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
                await command.ExecuteNonQueryAsync();
            }
            catch (DbException)
            {
                // The session is gone, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// For a bot that does not migrate on start: the database must hold every migration this build knows, else a
    /// StorageUnavailableException says, in one line, which database is behind and the bundle command that brings it up.
    /// A database ahead of the build (a newer release migrated it) is accepted: migrations here only add.
    /// </summary>
    public async Task EnsureMigratedAsync(CancellationToken cancellationToken = default)
    {
        List<string> pending;
        try
        {
            await using var db = CreateContext();
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"Cannot open the scorecard database ({Location}): {Innermost(e).Message}", e);
        }
        if (pending.Count == 0) return;
        var bundle = Provider == StorageProvider.Postgres ? "postgres" : "sqlite";
        throw new StorageUnavailableException(
            $"The scorecard database ({Location}) is not at the latest migration ({pending.Count} pending, up to {pending[^1]}) "
            + $"and Storage:MigrateOnStart is false: run the migration bundle (scripts/migration-bundle {bundle}, then "
            + $"artifacts/migrations/efbundle-{bundle} --connection \"<ConnectionStrings:Scorecard>\") and start the bot again.");
    }

    /// <summary>
    /// For readers that must not create or seed anything (exports): the database must already exist and hold the
    /// scorecard's schema; otherwise a StorageUnavailableException says which database and why.
    /// </summary>
    public async Task EnsureExistsAsync(CancellationToken cancellationToken = default)
    {
        if (_sqliteFile is not null && !File.Exists(_sqliteFile))
            throw new StorageUnavailableException($"There is no scorecard database at {_sqliteFile}.");
        IEnumerable<string> applied;
        try
        {
            await using var db = CreateContext();
            applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"Cannot open the scorecard database ({Location}): {Innermost(e).Message}", e);
        }
        if (!applied.Any()) throw new StorageUnavailableException($"The database {Location} holds no scorecard yet.");
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = CreateContext();
            return await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string ResolveSqlite(string connectionString, string baseDirectory, out string file, out bool inMemory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new StorageUnavailableException("ConnectionStrings:Scorecard names no SQLite file (Data Source=…).");
        inMemory = builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (!inMemory) builder.DataSource = Path.GetFullPath(builder.DataSource, baseDirectory);
        file = builder.DataSource;
        return builder.ToString();
    }

    // Done when migrating, not when constructing: a constructor resolved by DI should not fail on the file system.
    private static void CreateSqliteFolder(string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"Cannot open the scorecard database ({file}): its folder {directory} cannot be created ({e.Message}).", e);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
