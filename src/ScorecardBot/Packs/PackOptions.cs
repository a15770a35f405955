using Microsoft.Extensions.Options;
using ScorecardBot.Bot;
using ScorecardBot.Extensions;

namespace ScorecardBot.Packs;

/// <summary>Bound from "Pack": where the committee pack is downloaded from, and how its links are signed.</summary>
public sealed class PackOptions
{
    public const string Section = "Pack";

    /// <summary>The least key HMAC-SHA256 is given: its own output size.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// The bot's address as people's browsers reach it (https://scorecard.example.org). Unset, a link is built from the
    /// address the chat message came to, which is right for local use and the Agents Playground.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Base64, at least 32 bytes, from a secret store. Unset without authentication: a random key per process.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// In Teams (MicrosoftAppId set) a link must reach people's browsers and still verify after a restart or on another
/// instance, so the address and the key are required there; without authentication (local use, the Playground,
/// tests, load tests) both may be left out.
/// </summary>
public sealed class PackSettingsValidator(IOptions<BotIdentityOptions> identity) : SettingsValidator<PackOptions>
{
    protected override void Check(PackOptions options, SettingsProblems problems)
    {
        var inTeams = identity.ValidOrNull()?.AuthenticationIsOn ?? false;
        CheckKey(options.SigningKey, inTeams, problems);
        CheckAddress(options.PublicBaseUrl, inTeams, problems);
        BotSettingsValidator.CheckSpan(options.LinkLifetime, "Pack:LinkLifetime", TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), problems);
    }

    // The key itself is never repeated in a message: only what is wrong with it.
    private static void CheckKey(string? key, bool required, SettingsProblems problems)
    {
        const string setting = "Pack:SigningKey";
        if (string.IsNullOrWhiteSpace(key))
        {
            if (required) problems.Add(setting, "it is required when MicrosoftAppId is set: a base64 key of at least "
                + $"{PackOptions.MinKeyBytes} random bytes (e.g. openssl rand -base64 32) from your secret store, the same on every instance.");
            return;
        }
        var bytes = new byte[key.Length];
        if (!Convert.TryFromBase64String(key.Trim(), bytes, out var length))
            problems.Add(setting, "it is not base64 (e.g. openssl rand -base64 32).");
        else if (length < PackOptions.MinKeyBytes)
            problems.Add(setting, $"it is {length} bytes; it needs at least {PackOptions.MinKeyBytes} (e.g. openssl rand -base64 32).");
    }

    private static void CheckAddress(string? address, bool required, SettingsProblems problems)
    {
        const string setting = "Pack:PublicBaseUrl";
        if (string.IsNullOrWhiteSpace(address))
        {
            if (required) problems.Add(setting, "it is required when MicrosoftAppId is set: the bot's https address as people's "
                + "browsers reach it (e.g. https://scorecard.example.org), where pack links point.");
            return;
        }
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problems.Add(setting, $"'{address}' is not an http(s) address.");
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            problems.Add(setting, $"'{address}' must be a plain address, without a query, fragment or user name.");
        else if (required && uri.Scheme != "https")
            problems.Add(setting, $"'{address}' must be https when MicrosoftAppId is set.");
    }
}
