using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ScorecardBot.FakeTeams;
using ScorecardBot.LoadTest;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Tests;

namespace ScorecardBot.Soak;

/// <summary>
/// The soak: a throwaway PostgreSQL, two bot processes on it (the first migrates and seeds), the fake Teams connector
/// as every channel's service URL, the bot installed in the channels; then, for the duration, workers each send one
/// turn at a time (questions, and as their command's lead, forms and submissions for a month of their own) to the
/// two instances in turn, while an admin runs the alerts every so often. Then the outbox is left to drain and the
/// store, the connector and both instances are checked.
/// </summary>
public static class SoakRun
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<int> RunAsync(SoakOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var storage = await postgres.CreateEmptyDatabaseAsync();
            await using var teams = await FakeTeamsConnector.StartAsync(new TeamsLimits());
            using var client = new HttpClient(new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                MaxConnectionsPerServer = int.MaxValue,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };

            var settings = Settings(storage.ConnectionString!, options.Workers);
            var instances = new List<ServerProcess>();
            try
            {
                // One after the other: the first migrates and seeds the empty database, the second finds it ready.
                for (var i = 1; i <= 2; i++) instances.Add(await ServerProcess.StartAsync($"instance {i}", options.BotDll, settings, client, cancellationToken));
                output.WriteLine($"Soak: {Format(options.Duration)} of mixed traffic from {options.Workers} workers to 2 instances on one PostgreSQL " +
                    $"(pids {string.Join(", ", instances.Select(i => i.Pid))}); {options.Channels} channels; alerts run every {Format(options.AlertEvery)}; " +
                    $"{Environment.ProcessorCount} cores shared by everything.");

                var channels = await InstallAsync(client, instances, teams, options.Channels, cancellationToken);
                var beforeTraffic = teams.Received.Count;
                var soak = new Soak(options, client, instances, storage, teams.ServiceUrl);
                await soak.RunAsync(output, cancellationToken);

                var drained = await DrainAsync(storage, TimeSpan.FromSeconds(120), cancellationToken);
                var figures = await FigureCheck.RunAsync(soak, cancellationToken);
                var alerts = await AlertCheck.RunAsync(storage, teams, [.. channels, .. soak.LeadChats], beforeTraffic);
                return Report.Print(output, options, soak, instances, figures, alerts, drained) ? 0 : 3;
            }
            catch (Exception e) when (e is not OperationCanceledException && instances.Count > 0)
            {
                foreach (var instance in instances) output.WriteLine($"--- {instance.Name}, last lines:\n{instance.RecentOutput()}");
                throw;
            }
            finally
            {
                foreach (var instance in instances) await instance.DisposeAsync();
            }
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Settings(string connectionString, int workers)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Scorecard"] = connectionString,
            // On an empty database the instances migrate it themselves (in production the bundle does).
            ["Storage__MigrateOnStart"] = "true",
            ["Access__Admins__0"] = Traffic.AdminId,
            ["Alerts__Delivery__PollInterval"] = "00:00:01",
        };
        for (var w = 0; w < workers; w++) settings[$"Access__Leads__CTC__{w}"] = Traffic.LeadId(w);
        return settings;
    }

    /// <summary>The bot added to each channel, through the two instances in turn.</summary>
    private static async Task<IReadOnlyList<string>> InstallAsync(
        HttpClient client, List<ServerProcess> instances, FakeTeamsConnector teams, int count, CancellationToken cancellationToken)
    {
        var channels = Enumerable.Range(1, count).Select(i => $"19:soak-{i:000}@thread.tacv2").ToList();
        for (var i = 0; i < channels.Count; i++)
        {
            var (status, body, _) = await PostAsync(client, instances[i % instances.Count], Traffic.Install(channels[i], teams.ServiceUrl), cancellationToken);
            if (status is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
            {
                throw new InvalidOperationException($"Installing in {channels[i]} was answered {(int)status}: {body}");
            }
        }
        return channels;
    }

    /// <summary>Until nothing in the outbox is still to go (pending, retrying or being sent), or the time is up.</summary>
    private static async Task<bool> DrainAsync(StorageOptions storage, TimeSpan within, CancellationToken cancellationToken)
    {
        var database = new ScorecardDatabase(storage);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            await using var db = database.CreateContext();
            var toGo = db.Outbox.Count(o => o.State == Storage.Entities.OutboxState.Pending || o.State == Storage.Entities.OutboxState.Retrying
                || o.State == Storage.Entities.OutboxState.Sending);
            if (toGo == 0) return true;
            await Task.Delay(500, cancellationToken);
        }
        return false;
    }

    public static async Task<(HttpStatusCode Status, string Body, TimeSpan Latency)> PostAsync(
        HttpClient client, ServerProcess instance, JsonObject activity, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = Json;
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri(instance.BaseAddress, "api/messages"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, body, Stopwatch.GetElapsedTime(started));
    }

    private static string Format(TimeSpan span) => span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0} min" : $"{span.TotalSeconds:0} s";
}
