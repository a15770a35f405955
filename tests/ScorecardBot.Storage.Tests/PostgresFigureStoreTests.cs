using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ScorecardBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFigureStoreTests(PostgresServer server) : FigureStoreTests
{
    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => server.CreateEmptyDatabaseAsync();

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
