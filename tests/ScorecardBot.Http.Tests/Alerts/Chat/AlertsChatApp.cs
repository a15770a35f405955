using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json.Linq;
using Quartz;
using ScorecardBot.Alerts;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.Http.Tests.Submissions;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Http.Tests.Alerts.Chat;

/// <summary>
/// The real bot with roles (the ids of <see cref="RolesBotApp"/>: the test's usual user leads CTC), on the fixed clock,
/// with its scheduled work paused and the outbox's "send now" counted instead of started, so what a turn queued stays
/// queued until the test runs the real dispatcher itself.
/// </summary>
public sealed class AlertsChatApp : BotApp
{
    public OutboxTriggers Triggers { get; } = new();

    public ConversationStore Conversations => Services.GetRequiredService<ConversationStore>();
    public OutboxStore Outbox => Services.GetRequiredService<OutboxStore>();
    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
    [
        new("Access:Admins:0", RolesBotApp.Admin),
        new("Access:Leads:CTC:0", RolesBotApp.CtcLead),
        new("Access:Leads:SO14:0", RolesBotApp.So14Lead),
    ]);

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<IOutboxTrigger>();
        services.AddSingleton<IOutboxTrigger>(Triggers);
    }

    // Neither the month-end evaluation nor the outbox's poll may run behind a test's back.
    protected override IReadOnlyList<TriggerKey> PausedTriggers => [AlertScheduling.OutboxPollTrigger, AlertScheduling.MonthEndTrigger];

    public Task<ConversationRecord?> ConversationAsync(string conversationId) => Conversations.GetAsync("msteams", conversationId);

    /// <summary>Everything the outbox holds, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> QueuedAsync() => (await Outbox.LogAsync(1000)).Select(e => e.Message).ToList();

    /// <summary>The audit's refusals, as an operator reads them.</summary>
    public IReadOnlyList<string> AuditRefusals => Logs.Entries
        .Where(e => e.Category == "ScorecardBot.Audit" && e.Message.Contains("refused", StringComparison.Ordinal))
        .Select(e => e.Message).ToList();
}

/// <summary>Counts each "send now" a turn asks of the outbox; sends nothing.</summary>
public sealed class OutboxTriggers : IOutboxTrigger
{
    private int _count;

    public int Count => _count;

    public Task TriggerAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }
}

/// <summary>What Teams sends when the bot is installed, added or removed, and messages in the conversations it is in.</summary>
public static class TeamsActivities
{
    public const string TeamName = "Specialist Operations";
    public const string ChannelName = "Performance";
    public const string GroupChatName = "SMT weekly";

    public static string NewChannelId() => $"19:{Guid.NewGuid():N}@thread.tacv2";

    public static string NewGroupChatId() => $"19:{Guid.NewGuid():N}@thread.v2";

    public static string NewPersonalId() => $"a:{Guid.NewGuid():N}";

    /// <summary>installationUpdate with action "add" or "remove", in a conversation of the given kind.</summary>
    public static JObject Installation(string action, string conversationType, string conversationId, string serviceUrl)
    {
        var activity = In(BotClient.Activity("installationUpdate", conversationType, conversationId: conversationId), serviceUrl);
        activity["action"] = action;
        return activity;
    }

    /// <summary>conversationUpdate naming the bot among the members added or removed.</summary>
    public static JObject BotMembership(bool added, string conversationType, string conversationId, string serviceUrl)
    {
        var activity = In(BotClient.Activity("conversationUpdate", conversationType, conversationId: conversationId), serviceUrl);
        activity[added ? "membersAdded" : "membersRemoved"] = new JArray(new JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName });
        if (conversationType == "channel") activity["channelData"]!["eventType"] = added ? "teamMemberAdded" : "teamMemberRemoved";
        return activity;
    }

    /// <summary>
    /// A message to the bot as Teams sends it: in a channel or group chat it @mentions the bot, and in a channel its
    /// conversation id names the thread (";messageid=") the message starts or is posted in.
    /// </summary>
    public static JObject Message(
        string text, string conversationType, string conversationId, string serviceUrl, (string AadObjectId, string Name)? from = null)
    {
        var thread = $"{conversationId};messageid={Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        var activity = conversationType switch
        {
            "channel" => BotClient.MentioningBot(text, conversationType, conversationId: thread),
            "groupChat" => BotClient.MentioningBot(text, conversationType, conversationId: conversationId),
            _ => BotClient.Message(text, conversationType, conversationId: conversationId),
        };
        if (from is { } person)
            activity["from"] = new JObject { ["id"] = "29:" + person.AadObjectId, ["name"] = person.Name, ["aadObjectId"] = person.AadObjectId };
        return In(activity, serviceUrl);
    }

    private static JObject In(JObject activity, string serviceUrl)
    {
        activity["serviceUrl"] = serviceUrl;
        var type = (string)activity["conversation"]!["conversationType"]!;
        var data = new JObject { ["tenant"] = new JObject { ["id"] = BotClient.Tenant } };
        if (type == "channel")
        {
            var channel = ((string)activity["conversation"]!["id"]!).Split(';')[0];
            data["team"] = new JObject { ["id"] = channel, ["name"] = TeamName };
            data["channel"] = new JObject { ["id"] = channel, ["name"] = ChannelName };
        }
        if (type == "groupChat") activity["conversation"]!["name"] = GroupChatName;
        activity["channelData"] = data;
        return activity;
    }
}
