using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScorecardBot.Bot;
using ScorecardBot.Http.Tests.Support;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Extensions;

/// <summary>
/// The built bot started as an operator starts it, in Production: a setting that would let it answer the wrong people,
/// or answer nothing, stops it with exit code 2 and one line naming the setting, never a stack trace.
/// </summary>
public sealed class SettingsValidationTests(ITestOutputHelper output)
{
    private const string AppId = AuthenticatedBotApp.AppId;
    private const string Tenant = BotClient.Tenant;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, string> Refused_settings() => new()
    {
        { "no app id in Production", "", "MicrosoftAppId" },
        { "an unknown time zone", "Bot__AllowUnauthenticated=true;Scorecard__TimeZone=Mars/Olympus", "Scorecard:TimeZone" },
        { "a misspelt storage provider", "Bot__AllowUnauthenticated=true;Storage__Provider=Postgress", "Storage:Provider" },
        { "Postgres with a SQLite connection string", "Bot__AllowUnauthenticated=true;Storage__Provider=Postgres", "ConnectionStrings:Scorecard" },
        { "a connection string with a junk keyword", "Bot__AllowUnauthenticated=true;ConnectionStrings__Scorecard=Foo=bar", "ConnectionStrings:Scorecard" },
        { "a MigrateOnStart that is not true or false", "Bot__AllowUnauthenticated=true;Storage__MigrateOnStart=sometimes", "Storage:MigrateOnStart" },
        { "an in-memory SQLite database left to a bundle", "Bot__AllowUnauthenticated=true;ConnectionStrings__Scorecard=Data Source=:memory:;Storage__MigrateOnStart=false", "Storage:MigrateOnStart" },
        { "a missing definition file", "Bot__AllowUnauthenticated=true;Scorecard__DefinitionPath=nowhere.json", "Scorecard:DefinitionPath" },
        { "a missing seed file", "Bot__AllowUnauthenticated=true;Scorecard__SeedPath=nowhere.seed.json", "Scorecard:SeedPath" },
        { "a single-tenant app id without its tenant", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s", "MicrosoftAppTenantId" },
        { "an app id that is not a GUID", $"MicrosoftAppId=my-bot;MicrosoftAppPassword=s;MicrosoftAppTenantId={Tenant}", "MicrosoftAppId" },
        { "an app id without its secret", $"MicrosoftAppId={AppId};MicrosoftAppTenantId={Tenant}", "MicrosoftAppPassword" },
        { "a misspelt app type", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s;MicrosoftAppTenantId={Tenant};MicrosoftAppType=Multi", "MicrosoftAppType" },
        { "a multi-tenant app with no tenant to allow", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s;MicrosoftAppType=MultiTenant", "Access:AllowedTenants" },
        { "a blank allowed tenant", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s;MicrosoftAppTenantId={Tenant};Access__AllowedTenants__0= ", "Access:AllowedTenants:0" },
        { "an allowed tenant that is not a tenant id", "Bot__AllowUnauthenticated=true;Access__AllowedTenants__0=contoso", "Access:AllowedTenants:0" },
        { "no authentication asked for beside an app id", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s;MicrosoftAppTenantId={Tenant};Bot__AllowUnauthenticated=true", "Bot:AllowUnauthenticated" },
        { "a turn timeout that is not a time", "Bot__AllowUnauthenticated=true;Bot__TurnTimeout=ten seconds", "Bot:TurnTimeout" },
        { "a body limit too small for any activity", "Bot__AllowUnauthenticated=true;Bot__MaxRequestBodyBytes=10", "Bot:MaxRequestBodyBytes" },
        { "a key fetch timeout shorter than one attempt", "Bot__AllowUnauthenticated=true;Bot__SigningKeys__Timeout=00:00:01", "Bot:SigningKeys:Timeout" },
        { "a negative snapshot staleness", "Bot__AllowUnauthenticated=true;Snapshot__MaxStaleness=-00:00:01", "Snapshot:MaxStaleness" },
        { "a conversation memory that expires at once", "Bot__AllowUnauthenticated=true;Conversation__StateExpiry=00:00:00", "Conversation:StateExpiry" },
        { "a negative answer cache", "Bot__AllowUnauthenticated=true;Answers__CacheSize=-1", "Answers:CacheSize" },
        { "an admin that is not an AAD object id", "Bot__AllowUnauthenticated=true;Access__Admins__0=alice@example.org", "Access:Admins:0" },
        { "leads of a command the scorecard lacks", $"Bot__AllowUnauthenticated=true;Access__Leads__SO15__0={Tenant}", "Access:Leads:SO15" },
        { "a lead that is not an AAD object id", "Bot__AllowUnauthenticated=true;Access__Leads__CTC__0=lee", "Access:Leads:CTC:0" },
        { "an alerts schedule that is not a cron expression", "Bot__AllowUnauthenticated=true;Alerts__Schedule=0 0 25 * * ?", "Alerts:Schedule" },
        { "an alerts schedule in words", "Bot__AllowUnauthenticated=true;Alerts__Schedule=daily at nine", "Alerts:Schedule" },
        { "an unknown alerts time zone", "Bot__AllowUnauthenticated=true;Alerts__TimeZone=Europe/Londres", "Alerts:TimeZone" },
        { "a figures due day of 0", "Bot__AllowUnauthenticated=true;Alerts__FiguresDueDay=0", "Alerts:FiguresDueDay" },
        { "a figures due day of 29", "Bot__AllowUnauthenticated=true;Alerts__FiguresDueDay=29", "Alerts:FiguresDueDay" },
        { "a pack signing key shorter than 32 bytes", "Bot__AllowUnauthenticated=true;Pack__SigningKey=c2hvcnQta2V5LW9mLTI0LWJ5dGVzLi4uLi4u", "Pack:SigningKey" },
        { "a pack signing key that is not base64", "Bot__AllowUnauthenticated=true;Pack__SigningKey=not base64 at all!", "Pack:SigningKey" },
        { "an app id without a pack signing key", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s;MicrosoftAppTenantId={Tenant};Pack__SigningKey=", "Pack:SigningKey" },
        { "an app id without the bot's public address", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s;MicrosoftAppTenantId={Tenant};Pack__PublicBaseUrl=", "Pack:PublicBaseUrl" },
        { "a pack address over plain http in Teams", $"MicrosoftAppId={AppId};MicrosoftAppPassword=s;MicrosoftAppTenantId={Tenant};Pack__PublicBaseUrl=http://scorecard.example.org", "Pack:PublicBaseUrl" },
        { "a pack link that lives for days", "Bot__AllowUnauthenticated=true;Pack__LinkLifetime=2.00:00:00", "Pack:LinkLifetime" },
    };

    [Theory]
    [MemberData(nameof(Refused_settings))]
    public async Task A_bad_setting_stops_the_bot_with_exit_code_2_and_one_line_naming_it(string what, string settings, string setting)
    {
        await using var bot = BotProcess.Start(Parse(settings));

        var exitCode = await bot.ExitCodeAsync(ExitTimeout);

        output.WriteLine(bot.Output);
        Assert.True(exitCode == 2, $"{what}: exit code {exitCode}:\n{bot.Output}");
        var problems = bot.Output.Split('\n').Where(l => l.Contains("is invalid:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(problems);
        Assert.Contains($"Setting '{setting}' is invalid: ", line);
        Assert.DoesNotContain("   at ", bot.Output);
        Assert.DoesNotContain("Exception", bot.Output);
    }

    [Fact]
    public async Task Without_an_app_id_outside_Development_the_bot_starts_only_when_told_to_and_warns()
    {
        await using var bot = BotProcess.Start(Parse("Bot__AllowUnauthenticated=true"));
        using var http = new HttpClient();

        await bot.WaitUntilReadyAsync(http);

        Assert.Contains("Bot:AllowUnauthenticated is true", bot.Output);
    }

    [Fact]
    public async Task In_Development_the_bot_starts_with_no_settings_at_all()
    {
        await using var bot = BotProcess.Start(Parse("ASPNETCORE_ENVIRONMENT=Development;DOTNET_ENVIRONMENT=Development"));
        using var http = new HttpClient();

        await bot.WaitUntilReadyAsync(http);

        Assert.DoesNotContain("is invalid", bot.Output);
        Assert.Contains("No Pack:SigningKey: committee pack links are signed with a random key made for this process", bot.Output);
    }

    [Fact]
    public void The_app_type_defaults_to_single_tenant_and_the_allow_list_to_the_apps_own_tenant()
    {
        using var app = new AuthenticatedBotApp();
        using var client = app.CreateClient();
        var gate = app.Services.GetRequiredService<TenantGate>();

        Assert.Equal(MicrosoftAppType.SingleTenant, app.Services.GetRequiredService<IOptions<BotIdentityOptions>>().Value.MicrosoftAppType);
        Assert.True(gate.IsAllowed(Activity(BotClient.Tenant), out _));
        Assert.False(gate.IsAllowed(Activity(BotClient.OtherTenant), out _));
        Assert.False(gate.IsAllowed(Activity(null), out _));
    }

    private static Microsoft.Bot.Schema.Activity Activity(string? tenant) =>
        BotClient.Message("hello", tenant: tenant).ToObject<Microsoft.Bot.Schema.Activity>()!;

    private static Dictionary<string, string> Parse(string settings) =>
        settings.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
