using CliWrap;
using CliWrap.Buffered;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Tests;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Extensions;

/// <summary>
/// Storage:MigrateOnStart, with the built bot started as an operator starts it (settings read while services are
/// registered are not seen by WebApplicationFactory overrides). PostgreSQL is migrated by the bundle that
/// scripts/migration-bundle builds; a bot that finds its database behind stops with exit code 2 and one line saying to
/// run it, rather than answer from a schema its code does not match. SQLite still migrates on start.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrateOnStartTests(PostgresServer server, ITestOutputHelper output)
{
    private static readonly string Root =
        typeof(MigrateOnStartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly SemaphoreSlim BundleBuild = new(1, 1);

    [Fact]
    public async Task An_unmigrated_PostgreSQL_database_stops_the_bot_with_exit_code_2_and_one_line_saying_to_run_the_bundle()
    {
        var storage = await server.CreateEmptyDatabaseAsync();
        await using var bot = BotProcess.Start(PostgresSettings(storage));

        var exitCode = await bot.ExitCodeAsync(TimeSpan.FromSeconds(60));

        output.WriteLine(bot.Output);
        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Output.Split('\n'), l => l.Contains("not at the latest migration", StringComparison.Ordinal));
        Assert.Contains("Storage:MigrateOnStart is false: run the migration bundle (scripts/migration-bundle postgres, then "
            + "artifacts/migrations/efbundle-postgres --connection", line);
        Assert.DoesNotContain("   at ", bot.Output);
        Assert.DoesNotContain("Exception", bot.Output);
        Assert.Empty(await AppliedMigrationsAsync(storage));
    }

    [Fact]
    public async Task After_the_migration_bundle_runs_the_bot_starts_seeds_and_answers_on_PostgreSQL()
    {
        var storage = await server.CreateEmptyDatabaseAsync();
        var bundle = await BundleAsync();

        var (exit, bundleOutput) = await RunAsync(bundle, "--connection", storage.ConnectionString!);
        output.WriteLine(bundleOutput);
        Assert.True(exit == 0, bundleOutput);
        Assert.Equal(4, (await AppliedMigrationsAsync(storage)).Count);

        await using var bot = BotProcess.Start(PostgresSettings(storage));
        using var http = new HttpClient { BaseAddress = bot.Address };
        await bot.WaitUntilReadyAsync(http);
        var turn = await new BotClient(http).AskAsync("CTIO coverage in July");

        output.WriteLine(bot.Output);
        CardText.TextBlock(turn.Card, "29 of 33 BOCUs");
        Assert.DoesNotContain("not at the latest migration", bot.Output);
        Assert.Equal(4, (await AppliedMigrationsAsync(storage)).Count);
    }

    [Fact]
    public async Task A_fresh_SQLite_file_is_migrated_and_seeded_on_start_by_default()
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string> { ["Bot__AllowUnauthenticated"] = "true" });
        using var http = new HttpClient { BaseAddress = bot.Address };

        await bot.WaitUntilReadyAsync(http);
        var turn = await new BotClient(http).AskAsync("CTIO coverage in July");

        CardText.TextBlock(turn.Card, "29 of 33 BOCUs");
        var file = bot.Output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Scorecard database ready: ", StringComparison.Ordinal))
            ["Scorecard database ready: ".Length..];
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        Assert.Equal(4L, await count.ExecuteScalarAsync());
    }

    private static Dictionary<string, string> PostgresSettings(StorageOptions storage) => new()
    {
        ["Bot__AllowUnauthenticated"] = "true",
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__Scorecard"] = storage.ConnectionString!,
    };

    private static async Task<List<string>> AppliedMigrationsAsync(StorageOptions storage)
    {
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!) return [];
        await using var read = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync()) applied.Add(reader.GetString(0));
        return applied;
    }

    /// <summary>
    /// The PostgreSQL bundle, built by the documented command when it is missing or older than the built storage
    /// assembly (scripts/test builds it after the solution, so a CI run never waits here).
    /// </summary>
    private static async Task<string> BundleAsync()
    {
        var bundle = Path.Combine(Root, "artifacts", "migrations", "efbundle-postgres");
        var storage = typeof(ScorecardDatabase).Assembly.Location;
        await BundleBuild.WaitAsync();
        try
        {
            if (!File.Exists(bundle) || File.GetLastWriteTimeUtc(bundle) < File.GetLastWriteTimeUtc(storage))
            {
                var (exit, built) = await RunAsync(Path.Combine(Root, "scripts", "migration-bundle"), "postgres");
                Assert.True(exit == 0, $"scripts/migration-bundle postgres failed:\n{built}");
            }
            return bundle;
        }
        finally
        {
            BundleBuild.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var run = await Cli.Wrap(program).WithArguments(arguments).WithWorkingDirectory(Root)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return (run.ExitCode, run.StandardOutput + run.StandardError);
    }
}
