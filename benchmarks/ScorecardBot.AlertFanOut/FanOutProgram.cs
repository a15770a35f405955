using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScorecardBot.Alerts;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.Core.Periods;
using ScorecardBot.Extensions;
using ScorecardBot.FakeTeams;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.AlertFanOut;

/// <summary>
/// A month-end fan-out: one alert queued to each of N subscribed conversations in one tenant, delivered by the bot's
/// own OutboxDispatcher and TeamsConversationSender (built from the bot's services, over a fresh SQLite file) to the
/// fake Teams connector on loopback, which enforces Teams' limits and answers a seeded share of sends 429 or 500.
/// Prints delivered, duplicates, elapsed and the minimum the limits allow. Exit code 3 when the aim is missed.
/// </summary>
public static class FanOutProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        return await FanOutOptions.Command(RunInFolderAsync).Parse(args).InvokeAsync();
    }

    private static async Task<int> RunInFolderAsync(FanOutOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("scorecardbot-fanout-").FullName;
        try
        {
            return await RunAsync(options, folder);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(FanOutOptions options, string folder)
    {
        await using var teams = await FakeTeamsConnector.StartAsync(new TeamsLimits());
        teams.AnswerAtRandom(new RandomAnswers(options.Seed, options.Throttled, options.ServerErrors, options.RetryAfter));
        await using var app = await BotServicesAsync(options, folder);
        if (app is null) return 2;
        var limits = app.Services.GetRequiredService<IOptions<AlertOptions>>().Value.Delivery;

        Console.WriteLine($"Fan-out: {options.Conversations} conversations in one tenant, one alert each; the connector "
            + $"answers {options.Throttled:P0} of sends 429 (Retry-After {options.RetryAfter.TotalSeconds:0} s) and "
            + $"{options.ServerErrors:P0} 500, seed {options.Seed}; {Environment.ProcessorCount} cores shared with the connector.");
        Console.WriteLine($"Delivery: Parallelism {limits.Parallelism}, RetryBaseDelay {limits.RetryBaseDelay.TotalSeconds:0.###} "
            + $"s, MaxAttempts {limits.MaxAttempts}, AttemptTimeout {limits.AttemptTimeout.TotalSeconds:0.###} s; limits "
            + $"{limits.PerConversationPerSecond}/s and {limits.PerConversationPer30Seconds}/30 s per conversation, "
            + $"{limits.PerTenantPerSecond}/s per tenant.");
        await QueueAsync(app.Services, teams, options.Conversations);

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var startedAt = teams.Now;
        var clock = Stopwatch.StartNew();
        var report = await dispatcher.DispatchDueAsync(CancellationToken.None);
        var elapsed = clock.Elapsed;
        var backlog = await app.Services.GetRequiredService<OutboxStore>().BacklogAsync();

        var tries = (await app.Services.GetRequiredService<OutboxStore>().LogAsync(options.Conversations))
            .SelectMany(m => m.Attempts).Select(a => a.ElapsedMilliseconds).ToList();
        var figures = FanOutFigures.From(options.Conversations, limits, teams, startedAt, elapsed, tries);
        figures.Print(report, backlog);
        return figures.AimMet ? 0 : 3;
    }

    /// <summary>The bot's own services, as Program builds them, over a fresh SQLite file; quiet below warnings.</summary>
    private static async Task<WebApplication?> BotServicesAsync(FanOutOptions options, string folder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production",
        });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Scorecard"] = $"Data Source={Path.Combine(folder, "scorecard.db")}",
            ["Storage:SeedOnStart"] = "false",
            // No app id: the connector takes no token, as the Agents Playground's does.
            ["Bot:AllowUnauthenticated"] = "true",
            // The SDK logs every proactive turn at Information: a thousand lines would be the benchmark's own cost.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in options.Delivery) settings[$"Alerts:Delivery:{key}"] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddScorecard();
        builder.AddBot();
        builder.AddObservability();
        var app = builder.Build();
        // Nothing is served: the app is built for its services (the adapter, the stores, the dispatcher) only.
        if (app.SettingsAreValid() && await app.PrepareScorecardAsync()) return app;
        await app.DisposeAsync();
        return null;
    }

    /// <summary>N team channels the bot was added to, each with one alert queued, as a month-end evaluation leaves them.</summary>
    private static async Task QueueAsync(IServiceProvider services, FakeTeamsConnector teams, int count)
    {
        var conversations = services.GetRequiredService<ConversationStore>();
        var outbox = services.GetRequiredService<OutboxStore>();
        var month = new YearMonth(2026, 10);
        for (var i = 1; i <= count; i++)
        {
            var id = $"19:fan-out-{i}@thread.tacv2";
            var reference = teams.ReferenceJson(id, "tenant-fan-out");
            var seen = new ConversationSeen("msteams", id, teams.ServiceUrl, "tenant-fan-out", "channel", $"Team {i}", null, reference);
            var conversation = await conversations.SeenAsync(seen, added: true);
            var summary = $"Alert {i}: M3 is more than 10% outside target in October 2026";
            var card = $$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"{{summary}}"}]}""";
            await outbox.EnqueueAsync(
                conversation.Id, month, [new DeliveryKey("alert", "M3", "red")], _ => (card, summary), "fan-out");
        }
    }
}
