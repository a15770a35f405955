using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ScorecardBot.Extensions;

namespace ScorecardBot.Bot;

/// <summary>Bound from "Access".</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// Microsoft Entra tenant ids whose users may use the bot. Empty means the app's own tenant when the bot has an
    /// app id, and any tenant only without one (local use).
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];
}

public sealed class AccessSettingsValidator(IOptions<BotIdentityOptions> identity) : SettingsValidator<AccessOptions>
{
    protected override void Check(AccessOptions options, SettingsProblems problems)
    {
        for (var i = 0; i < options.AllowedTenants.Count; i++)
        {
            var tenant = options.AllowedTenants[i];
            var setting = $"{AccessOptions.Section}:AllowedTenants:{i}";
            if (string.IsNullOrWhiteSpace(tenant)) problems.Add(setting, "it is blank; list tenant ids only.");
            else BotIdentityValidator.CheckGuid(tenant, setting, "an Entra tenant id", problems);
        }
        var app = identity.ValidOrNull();
        var noTenant = options.AllowedTenants.Count == 0 && string.IsNullOrWhiteSpace(app?.MicrosoftAppTenantId);
        if (app is { AuthenticationIsOn: true } && noTenant)
            problems.Add($"{AccessOptions.Section}:AllowedTenants", "it is empty and MicrosoftAppTenantId is not set, so no tenant "
                + "is known to allow; list the tenants whose users may use the bot.");
    }
}

/// <summary>
/// Bot Framework middleware on the adapter, so every kind of activity passes it before any handler: refuses
/// activities from tenants outside the allow-list, and those that name no tenant when there is a list.
/// </summary>
public sealed partial class TenantGate(IOptions<AccessOptions> access, IOptions<BotIdentityOptions> identity, ILogger<TenantGate> logger)
    : Microsoft.Bot.Builder.IMiddleware
{
    public const string RefusalMessage = "Sorry, this scorecard bot is only available to its own organisation, so I can't answer here.";

    private readonly Lazy<HashSet<string>> _allowed = new(() => AllowedTenants(access.Value, identity.Value));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (IsAllowed(activity, out var tenantId))
        {
            await next(cancellationToken);
            return;
        }
        Log.TenantRefused(logger, activity.Type, tenantId ?? "(none)");
        if (activity.Type == ActivityTypes.Message)
            await turnContext.SendActivityAsync(MessageFactory.Text(RefusalMessage), cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
            await turnContext.SendActivityAsync(InvokeReply(StatusCodes.Status403Forbidden), cancellationToken);
    }

    public bool IsAllowed(IActivity activity, out string? tenantId)
    {
        tenantId = TenantOf(activity);
        return IsAllowed(tenantId);
    }

    /// <summary>The same rule for a tenant named elsewhere (a committee pack link carries the tenant it was issued to).</summary>
    public bool IsAllowed(string? tenantId)
    {
        var allowed = _allowed.Value;
        return allowed.Count == 0 || (!string.IsNullOrEmpty(tenantId) && allowed.Contains(tenantId));
    }

    /// <summary>An invoke's answer: without one the SDK answers 501.</summary>
    public static Activity InvokeReply(int status) =>
        new() { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = status } };

    private static HashSet<string> AllowedTenants(AccessOptions access, BotIdentityOptions identity)
    {
        var listed = access.AllowedTenants.Count > 0 ? access.AllowedTenants
            : identity.AuthenticationIsOn ? [identity.MicrosoftAppTenantId!] : [];
        return listed.Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static string? TenantOf(IActivity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Conversation?.TenantId)) return activity.Conversation.TenantId;
        return activity.TryGetTeamsChannelData(out var data) ? data?.Tenant?.Id : null;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} activity from tenant {TenantId}, which is not in Access:AllowedTenants")]
        public static partial void TenantRefused(ILogger logger, string? activityType, string tenantId);
    }
}
