using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using ScorecardBot.Alerts;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.Core.Periods;
using ScorecardBot.FakeTeams;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// The real bot for outbox delivery: its own stores, sender and dispatcher, on the system clock (the fake connector
/// times sends on the real one, and Teams' windows are real seconds), with delivery settings a test chooses. Over a
/// folder the test may keep, so a second app on the same database is the bot after a restart.
/// </summary>
public sealed class DeliveryApp : BotApp
{
    public static readonly YearMonth Month = new(2026, 10);

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Dictionary<string, string?> _storage;

    private readonly bool _pollOutbox;

    /// <param name="pollOutbox">
    /// Whether the bot's own scheduled delivery runs. Off by default: a test runs the dispatcher itself and reads its
    /// report, and a poll in between would take its messages.
    /// </param>
    public DeliveryApp(IReadOnlyDictionary<string, string?>? settings = null, string? folder = null, StorageOptions? storage = null, bool pollOutbox = false)
        : base(folder ?? Directory.CreateTempSubdirectory("scorecardbot-delivery-").FullName, ownsFolder: folder is null)
    {
        _pollOutbox = pollOutbox;
        _settings = settings ?? new Dictionary<string, string?>();
        _storage = storage is null ? new Dictionary<string, string?>() : new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider.ToString(),
            ["ConnectionStrings:Scorecard"] = storage.ConnectionString,
            // The tests' databases start empty; in production the migration bundle runs first.
            ["Storage:MigrateOnStart"] = "true",
        };
    }

    protected override bool UsesFakeClock => false;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(_settings);

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();
    public OutboxStore Outbox => Services.GetRequiredService<OutboxStore>();
    public ConversationStore Conversations => Services.GetRequiredService<ConversationStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // After the base's sources, so another database (PostgreSQL) replaces the SQLite file.
        if (_storage.Count > 0) builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_storage));
    }

    protected override IReadOnlyList<TriggerKey> PausedTriggers => _pollOutbox ? [] : [AlertScheduling.OutboxPollTrigger];

    /// <summary>A team channel the bot was added to, in a tenant, whose serviceUrl is the fake connector.</summary>
    public async Task<ConversationRecord> AddConversationAsync(FakeTeamsConnector teams, string conversationId, string tenantId = "tenant-a")
    {
        var reference = teams.ReferenceJson(conversationId, tenantId);
        var seen = new ConversationSeen("msteams", conversationId, teams.ServiceUrl, tenantId, "channel", conversationId, null, reference);
        return await Conversations.SeenAsync(seen, added: true);
    }

    /// <summary>Queues one alert card to a conversation; the summary names it, so the connector's records can count it.</summary>
    public async Task QueueAsync(ConversationRecord conversation, string summary)
    {
        var card = $$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"{{summary}}","wrap":true}]}""";
        var queued = await Outbox.EnqueueAsync(conversation.Id, Month, [new DeliveryKey("alert", summary, "red")], _ => (card, summary), "test-run");
        Assert.Single(queued);
    }

    /// <summary>Each queued message with its tries, by summary.</summary>
    public async Task<IReadOnlyDictionary<string, (OutboxMessage Message, IReadOnlyList<OutboxAttempt> Attempts)>> LogAsync() =>
        (await Outbox.LogAsync(10_000)).ToDictionary(m => m.Message.Summary, m => (m.Message, m.Attempts));

    public static IReadOnlyDictionary<string, string?> Delivery(params (string Key, object Value)[] settings) =>
        settings.ToDictionary(s => $"Alerts:Delivery:{s.Key}", s => (string?)Convert.ToString(s.Value, System.Globalization.CultureInfo.InvariantCulture));
}
