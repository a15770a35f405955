using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ScorecardBot.Storage.Tests;

/// <summary>
/// A throwaway PostgreSQL server for one test run: initdb into a fresh temp folder, started on a free loopback port,
/// stopped and deleted at the end. Missing binaries fail the tests; they are never skipped. Free of xunit, so a
/// benchmark can start one too; PostgresCollection.cs makes it a test fixture.
/// </summary>
public sealed partial class PostgresServer
{
    private const string SuperUser = "postgres";
    private static readonly bool IsRoot = Environment.IsPrivilegedProcess;

    private string? _folder;
    private string? _binDirectory;
    private string? _dataDirectory;
    private int _databaseCounter;

    public int Port { get; private set; }

    public string AdminConnectionString => ConnectionStringFor("postgres");

    public async Task InitializeAsync()
    {
        _binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/<version>/bin. " +
            "The storage tests need a real PostgreSQL: run `apt-get install -y postgresql` (as root), then run the tests again.");

        _folder = Directory.CreateTempSubdirectory("scorecard-pg-").FullName;
        _dataDirectory = Path.Combine(_folder, "data");
        var socketDirectory = Path.Combine(_folder, "socket");
        Directory.CreateDirectory(socketDirectory);
        if (IsRoot) await RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", _folder], asPostgres: false);

        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", _dataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--no-locale", "--no-sync"], asPostgres: true);

        // A port can be taken between finding it and binding it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            // Room for every test class's connection pool at once (the default is 100).
            var options = $"-c fsync=off -c max_connections=300 -c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={socketDirectory}";
            try
            {
                await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
                    ["-D", _dataDirectory, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asPostgres: true);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
        await WaitUntilAcceptingAsync();
    }

    /// <summary>Creates an empty database with a unique name; returns the options that open it (not migrated).</summary>
    public async Task<StorageOptions> CreateEmptyDatabaseAsync()
    {
        var name = $"scorecard_test_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = ConnectionStringFor(name) };
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_binDirectory is not null && _dataDirectory is not null && File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
            }
        }
        finally
        {
            if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        Timeout = 10,
    }.ConnectionString;

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    // initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.
    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // initdb fails when it cannot see its working directory.
            WorkingDirectory = _folder ?? Path.GetTempPath(),
        };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", SuperUser, "--", program }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within 90 s.");
        }
        if (process.ExitCode != 0)
        {
            var log = _folder is not null && File.Exists(Path.Combine(_folder, "server.log"))
                ? await File.ReadAllTextAsync(Path.Combine(_folder, "server.log"))
                : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}\n{log}");
        }
    }
}
