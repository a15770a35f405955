using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Bot;
using ScorecardBot.Storage;

namespace ScorecardBot.Alerts;

/// <summary>
/// Keeps the conversations the bot is in, so month-end alerts can reach them: recorded when the bot is installed or
/// added (team channels and group chats are subscribed then), refreshed on later messages (written only when something
/// changed), and marked inactive when the bot is removed.
/// </summary>
public sealed partial class ConversationDirectory(ConversationStore store, ILogger<ConversationDirectory> logger)
{
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    /// <summary>The bot was installed or added to this conversation.</summary>
    public Task AddedAsync(ITurnContext turn, CancellationToken cancellationToken) => SeenAsync(turn, added: true, cancellationToken);

    /// <summary>A message in a conversation the bot is in: its reference is kept fresh (Teams may move a service URL).</summary>
    public Task MessageAsync(ITurnContext turn, CancellationToken cancellationToken) => SeenAsync(turn, added: false, cancellationToken);

    /// <summary>The bot was removed from this conversation (uninstalled, removed from the team or chat).</summary>
    public async Task RemovedAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id)) return;
        await Guarded(() => store.MarkInactiveAsync(activity.ChannelId, IdOf(activity), "the bot was removed", cancellationToken));
        _written.TryRemove(Key(activity), out _);
    }

    private async Task SeenAsync(ITurnContext turn, bool added, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.ServiceUrl)) return;
        // Without the message's own id, which changes every message: the reference is the same until the conversation's
        // address does, so a message writes nothing, and a proactive card is a new message rather than a reply to one.
        var conversation = activity.GetConversationReference();
        conversation.ActivityId = null;
        if (IdOf(activity) is var id && id != activity.Conversation.Id)
        {
            // The channel, not the thread the message is in: a copy, as the turn still replies in the thread.
            conversation.Conversation = JObject.FromObject(activity.Conversation).ToObject<ConversationAccount>()!;
            conversation.Conversation.Id = id;
        }
        var reference = JsonConvert.SerializeObject(conversation, Formatting.None);
        var key = Key(activity);
        // Already written as it is now: a message costs no database write.
        if (!added && _written.TryGetValue(key, out var known) && known == reference) return;
        var type = activity.Conversation.ConversationType ?? "personal";
        var seen = new ConversationSeen(activity.ChannelId, IdOf(activity), activity.ServiceUrl, TenantOf(activity), type, NameOf(activity, type),
            type == "personal" ? activity.From?.AadObjectId : null, reference);
        if (await Guarded(() => store.SeenAsync(seen, added, cancellationToken))) _written[key] = reference;
    }

    private static string Key(Activity activity) => activity.ChannelId + "|" + IdOf(activity);

    /// <summary>
    /// The conversation as the directory knows it. Teams names the thread in a channel message's conversation id
    /// ("19:…@thread.tacv2;messageid=…"); the channel is the conversation that subscribes and that alerts are posted to.
    /// </summary>
    public static string IdOf(IActivity activity)
    {
        var id = activity.Conversation!.Id;
        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return activity.Conversation.ConversationType == "channel" && thread > 0 ? id[..thread] : id;
    }

    private static string? TenantOf(Activity activity) =>
        activity.Conversation?.TenantId ?? (activity.TryGetTeamsChannelData(out var data) ? data?.Tenant?.Id : null);

    private static string? NameOf(Activity activity, string type)
    {
        if (!activity.TryGetTeamsChannelData(out var data)) return activity.Conversation?.Name;
        return type switch
        {
            "channel" => string.Join(" · ", new[] { data?.Team?.Name, data?.Channel?.Name }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : activity.Conversation?.Name,
            "personal" => activity.From?.Name is { } person ? $"chat with {person}" : null,
            _ => activity.Conversation?.Name,
        };
    }

    /// <summary>The directory is kept alongside answering: a failure to write it is logged, never a failed turn.</summary>
    private async Task<bool> Guarded(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or StorageUnavailableException)
        {
            Log.NotRecorded(logger, e);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a conversation the bot is in")]
        public static partial void NotRecorded(ILogger logger, Exception exception);
    }
}
