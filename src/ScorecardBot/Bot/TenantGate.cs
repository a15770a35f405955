using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ScorecardBot.Bot;

/// <summary>Bound from "Access".</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Microsoft Entra tenant ids whose users may use the bot; empty allows any tenant.</summary>
    public List<string> AllowedTenants { get; set; } = [];
}

/// <summary>Refuses conversations from tenants outside the allow-list.</summary>
public sealed class TenantGate(IOptions<AccessOptions> options)
{
    public const string RefusalMessage = "Sorry, this scorecard bot is only available to its own organisation, so I can't answer here.";

    public bool IsAllowed(IActivity activity, out string? tenantId)
    {
        tenantId = TenantOf(activity);
        var allowed = options.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (allowed.Count == 0) return true;
        return tenantId is not null && allowed.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
    }

    private static string? TenantOf(IActivity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Conversation?.TenantId)) return activity.Conversation.TenantId;
        return activity.TryGetTeamsChannelData(out var data) ? data?.Tenant?.Id : null;
    }
}
