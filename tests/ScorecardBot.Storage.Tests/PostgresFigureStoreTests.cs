using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ScorecardBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFigureStoreTests(PostgresServer server) : FigureStoreTests
{
    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => server.CreateEmptyDatabaseAsync();

    /// <summary>
    /// Several bot instances (or an instance and the CLI) started together on one empty database: each migrates and
    /// seeds, and none fails on a table another just created; the seed goes in once.
    /// </summary>
    [Fact]
    public async Task Instances_started_together_on_an_empty_database_all_start_and_import_the_seed_once()
    {
        var options = await server.CreateEmptyDatabaseAsync();
        var definition = LoadDefinition();
        var seedPath = ScorecardOptions.Resolve(new ScorecardOptions().SeedPath!);
        using var go = new ManualResetEventSlim();

        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            // Each its own database object and connection pool, as each process has.
            var database = new ScorecardDatabase(options);
            go.Wait();
            return await ScorecardStartup.PrepareAsync(
                database, new FigureStore(database, new FakeTimeProvider()), definition, seedPath, NullLogger.Instance);
        })).ToList();
        go.Set();
        var imported = await Task.WhenAll(starts);

        var seed = LoadSeed();
        Assert.Equal([seed.Figures.Count + seed.Comments.Count, 0, 0, 0], imported.OrderDescending());
        await using var db = new ScorecardDatabase(options).CreateContext();
        Assert.Equal(seed.Figures.Count, await db.FigureRevisions.CountAsync());
        Assert.Equal(seed.Comments.Count, await db.CommentRevisions.CountAsync());
    }

    protected override (StorageOptions Options, string Location) UnreachableDatabase()
    {
        // A port that was free a moment ago: nothing listens there.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = "scorecard_nowhere",
            Username = "postgres",
            Timeout = 5,
        }.ConnectionString;
        return (new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString }, "127.0.0.1/scorecard_nowhere");
    }
}
