using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// The real bot, hosted in the test on its own fresh SQLite file seeded on start, with a fixed clock so "last month"
/// always means October 2026, and every log entry captured.
/// </summary>
public class BotApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Today = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private readonly bool _ownsFolder;

    public BotApp() : this(Directory.CreateTempSubdirectory("scorecardbot-http-").FullName, ownsFolder: true)
    {
    }

    /// <summary>The bot over the database of a folder that outlives it, for another app to start on (a restart).</summary>
    protected BotApp(string folder, bool ownsFolder)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        Clock = new FakeTimeProvider(Start);
        Logs = new LogCapture(CapturedLevel);
    }

    /// <summary>When the app's clock starts; a subclass may start it elsewhere.</summary>
    protected virtual DateTimeOffset Start => Today;

    public FakeTimeProvider Clock { get; }

    public LogCapture Logs { get; }

    /// <summary>The least severe level <see cref="Logs"/> keeps; a subclass may keep more than warnings and errors.</summary>
    protected virtual LogLevel CapturedLevel => LogLevel.Warning;

    public string DatabaseFile => Path.Combine(_folder, "scorecard.db");

    /// <summary>
    /// Settings over appsettings.json; subclasses give their own. The tests run as "Testing", not Development, so a bot
    /// without an app id must say it means to run without authentication.
    /// </summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [new("Bot:AllowUnauthenticated", "true")];

    public BotClient CreateBotClient() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration =>
        {
            // A subclass's setting wins over the default database (a PostgreSQL app names its own).
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = $"Data Source={DatabaseFile}" };
            foreach (var (key, value) in Settings) settings[key] = value;
            configuration.AddInMemoryCollection(settings);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (UsesFakeClock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
            ConfigureTestServices(services);
        });
    }

    /// <summary>
    /// Whether the app's TimeProvider is <see cref="Clock"/>. Tests that measure real waits (HTTP timeouts and retries,
    /// which the resilience pipeline times with the app's TimeProvider) use the system clock instead.
    /// </summary>
    protected virtual bool UsesFakeClock => true;

    /// <summary>What a subclass changes in the real services (a substitute bot, a client that trusts a test certificate).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// The scheduled work paused as soon as the host is built, so it cannot run behind a test's back (the outbox's poll,
    /// the month-end evaluation); none by default. The first fire is a poll interval after the start at the soonest.
    /// </summary>
    protected virtual IReadOnlyList<TriggerKey> PausedTriggers => [];

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (PausedTriggers.Count == 0) return host;
        var scheduler = host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask().GetAwaiter().GetResult();
        foreach (var trigger in PausedTriggers) scheduler.PauseTrigger(trigger).AsTask().GetAwaiter().GetResult();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        if (!_ownsFolder) return;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>
/// The bot with an app id: every request needs a Bot Framework token. Its signing keys would be fetched from
/// <see cref="KeysUrl"/> (a loopback address by default, so nothing leaves the test).
/// </summary>
public class AuthenticatedBotApp : BotApp
{
    public const string AppId = "5f2b1c9e-3d4a-4e6b-8c7d-9a0b1c2d3e4f";

    /// <summary>32 bytes made for the tests only; real keys come from a secret store.</summary>
    public const string TestPackSigningKey = "dGVzdC1vbmx5IHBhY2sgc2lnbmluZyBrZXkgLSAzMiBi";

    private readonly string _keysUrl = $"https://127.0.0.1:9/{Guid.NewGuid():N}/.well-known/openidconfiguration";

    /// <summary>
    /// Where the OpenID metadata is fetched; nothing listens on port 9. The SDK keeps its key cache per URL for the
    /// whole process, so each app has its own.
    /// </summary>
    protected virtual string KeysUrl => _keysUrl;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("MicrosoftAppId", AppId),
        new("MicrosoftAppPassword", "not-a-real-secret"),
        new("MicrosoftAppTenantId", BotClient.Tenant),
        // In Teams, pack links need their own key and the bot's public address.
        new("Pack:SigningKey", TestPackSigningKey),
        new("Pack:PublicBaseUrl", "https://scorecard.example.org"),
        // The public cloud's settings, with the metadata URLs pointed at the test.
        new("ToBotFromChannelTokenIssuer", "https://api.botframework.com"),
        new("ToChannelFromBotOAuthScope", "https://api.botframework.com"),
        new("ToChannelFromBotLoginUrl", $"https://login.microsoftonline.com/{BotClient.Tenant}"),
        new("OAuthUrl", "https://api.botframework.com"),
        new("ToBotFromChannelOpenIdMetadataUrl", KeysUrl),
        new("ToBotFromEmulatorOpenIdMetadataUrl", KeysUrl + "/emulator"),
    ];
}

/// <summary>The bot serving one tenant only.</summary>
public sealed class SingleTenantBotApp : BotApp
{
    public const string AllowedTenant = BotClient.Tenant;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings.Append(new("Access:AllowedTenants:0", AllowedTenant));
}

/// <summary>
/// The bot over the database in a folder the test owns: start one, dispose it, start another on the same folder, and
/// the second is the same bot after a restart. The folder is the test's to delete.
/// </summary>
public sealed class RestartableBotApp(string folder) : BotApp(folder, ownsFolder: false);
