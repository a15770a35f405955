using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

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
    }

    /// <summary>When the app's clock starts; a subclass may start it elsewhere.</summary>
    protected virtual DateTimeOffset Start => Today;

    public FakeTimeProvider Clock { get; }

    public LogCapture Logs { get; } = new();

    public string DatabaseFile => Path.Combine(_folder, "scorecard.db");

    /// <summary>Settings over appsettings.json; subclasses add their own.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public BotClient CreateBotClient() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = $"Data Source={DatabaseFile}" }.Concat(Settings)));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
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

/// <summary>The bot with an app id: every request needs a Bot Framework token.</summary>
public sealed class AuthenticatedBotApp : BotApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("MicrosoftAppId", "5f2b1c9e-3d4a-4e6b-8c7d-9a0b1c2d3e4f"),
        new("MicrosoftAppPassword", "not-a-real-secret"),
        new("MicrosoftAppType", "MultiTenant"),
    ];
}

/// <summary>The bot serving one tenant only.</summary>
public sealed class SingleTenantBotApp : BotApp
{
    public const string AllowedTenant = "tenant-a";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Access:AllowedTenants:0", AllowedTenant)];
}

/// <summary>
/// The bot over the database in a folder the test owns: start one, dispose it, start another on the same folder, and
/// the second is the same bot after a restart. The folder is the test's to delete.
/// </summary>
public sealed class RestartableBotApp(string folder) : BotApp(folder, ownsFolder: false);
