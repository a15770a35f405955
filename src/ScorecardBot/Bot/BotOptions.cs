using Microsoft.Extensions.Options;
using ScorecardBot.Extensions;

namespace ScorecardBot.Bot;

/// <summary>How the bot's Entra app signs in; the names are the SDK's own.</summary>
public enum MicrosoftAppType { MultiTenant, SingleTenant, UserAssignedMsi }

/// <summary>The Entra app the bot is, bound from the configuration's root keys that the Bot Framework SDK reads.</summary>
public sealed class BotIdentityOptions
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Single-tenant by default: Azure no longer creates multi-tenant bots.</summary>
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.SingleTenant;

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>With an app id every request needs a valid Bot Framework token.</summary>
    public bool AuthenticationIsOn => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>Bound from "Bot": what a request and a turn may cost, and whether the bot may run without a token.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Outside Development, running without an app id needs this said out loud (load tests only).</summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>A Teams activity is a few KB; 256 KB leaves room for any of them and none for a flood.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>A turn still running after this is cancelled and the user told so.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public SigningKeysOptions SigningKeys { get; set; } = new();
}

/// <summary>The HTTP client that fetches the Bot Framework's token signing keys.</summary>
public sealed class SigningKeysOptions
{
    /// <summary>All attempts together: a request whose token needs keys gets 503 within about this long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int Retries { get; set; } = 2;
}

public sealed class BotIdentityValidator : SettingsValidator<BotIdentityOptions>
{
    protected override void Check(BotIdentityOptions options, SettingsProblems problems)
    {
        CheckGuid(options.MicrosoftAppId, "MicrosoftAppId", "an Entra app (client) id", problems);
        CheckGuid(options.MicrosoftAppTenantId, "MicrosoftAppTenantId", "an Entra tenant id", problems);
        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        if (!options.AuthenticationIsOn)
        {
            if (hasPassword) problems.Add("MicrosoftAppPassword", "it is set but MicrosoftAppId is not; set both or neither.");
            return;
        }
        var type = options.MicrosoftAppType;
        if (type != MicrosoftAppType.MultiTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            problems.Add("MicrosoftAppTenantId", $"a {type} app needs the id of the tenant it belongs to.");
        if (type == MicrosoftAppType.UserAssignedMsi && hasPassword)
            problems.Add("MicrosoftAppPassword", "a UserAssignedMsi app signs in with its managed identity, not a password.");
        if (type != MicrosoftAppType.UserAssignedMsi && !hasPassword)
            problems.Add("MicrosoftAppPassword", $"a {type} app needs its client secret (from a secret store).");
    }

    public static void CheckGuid(string? value, string setting, string what, SettingsProblems problems)
    {
        if (value is null || value.Length == 0) return;
        if (!Guid.TryParse(value, out _)) problems.Add(setting, $"'{value}' is not {what} (a GUID).");
    }
}

public sealed class BotSettingsValidator(IHostEnvironment environment, IOptions<BotIdentityOptions> identity)
    : SettingsValidator<BotOptions>
{
    protected override void Check(BotOptions options, SettingsProblems problems)
    {
        var app = identity.ValidOrNull();
        var authenticated = app?.AuthenticationIsOn ?? true;
        if (app is not null && !authenticated && !options.AllowUnauthenticated && !environment.IsDevelopment())
            problems.Add("MicrosoftAppId", $"it is required outside Development (this is {environment.EnvironmentName}): without it "
                + "anyone could talk to the bot. Set Bot:AllowUnauthenticated=true only for a load test.");
        if (app is not null && authenticated && options.AllowUnauthenticated)
            problems.Add("Bot:AllowUnauthenticated", "it is true while MicrosoftAppId is set; remove one of them.");
        if (options.MaxRequestBodyBytes is < 4096 or > 30_000_000)
            problems.Add("Bot:MaxRequestBodyBytes", $"{options.MaxRequestBodyBytes} is outside 4096–30000000 bytes.");
        CheckSpan(options.TurnTimeout, "Bot:TurnTimeout", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), problems);
        var keys = options.SigningKeys;
        var (shortest, longest) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        CheckSpan(keys.AttemptTimeout, "Bot:SigningKeys:AttemptTimeout", shortest, longest, problems);
        CheckSpan(keys.Timeout, "Bot:SigningKeys:Timeout", TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(2), problems);
        if (keys.Timeout <= keys.AttemptTimeout)
            problems.Add("Bot:SigningKeys:Timeout",
                $"{keys.Timeout} must be longer than Bot:SigningKeys:AttemptTimeout ({keys.AttemptTimeout}).");
        if (keys.Retries is < 1 or > 5) problems.Add("Bot:SigningKeys:Retries", $"{keys.Retries} is outside 1–5.");
    }

    public static void CheckSpan(TimeSpan value, string setting, TimeSpan min, TimeSpan max, SettingsProblems problems)
    {
        if (value < min || value > max) problems.Add(setting, $"{value} is outside {min}–{max}.");
    }
}
