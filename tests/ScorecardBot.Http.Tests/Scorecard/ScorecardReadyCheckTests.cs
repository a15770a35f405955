using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScorecardBot.Core.Definition;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;

namespace ScorecardBot.Http.Tests.Scorecard;

/// <summary>/health/live says the process answers; /health/ready (and /healthz) that a question can be answered.</summary>
public sealed class ScorecardReadyCheckTests(BotApp app) : IClassFixture<BotApp>
{
    [Fact]
    public async Task Ready_is_503_while_the_tables_are_gone_and_200_once_they_are_restored()
    {
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await DropEveryTableAsync();

        foreach (var path in new[] { "/health/ready", "/healthz" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        await RestoreAsync();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Live_runs_no_checks()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every table gone, as a wiped database file would be; the migrations history too.</summary>
    private async Task DropEveryTableAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        await ExecuteAsync(string.Concat(tables.Select(t => $"DROP TABLE \"{t}\";")));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What the bot does on start: migrate, then import the seed into the empty tables.</summary>
    private async Task RestoreAsync()
    {
        var services = app.Services;
        var scorecard = services.GetRequiredService<IOptions<ScorecardOptions>>().Value;
        await ScorecardStartup.PrepareAsync(services.GetRequiredService<ScorecardDatabase>(), services.GetRequiredService<IFigureStore>(),
            services.GetRequiredService<ScorecardDefinition>(), ScorecardOptions.Resolve(scorecard.SeedPath!), NullLogger.Instance);
    }
}
