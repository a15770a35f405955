using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using ScorecardBot.Bot;
using ScorecardBot.Storage;

namespace ScorecardBot.Alerts;

/// <summary>
/// Keeps the conversations the bot is in, so month-end alerts can reach them: recorded when the bot is installed or
/// added (team channels and group chats are subscribed then), refreshed on later messages (written only when something
/// changed), and marked inactive when the bot is removed.
/// </summary>
public sealed class ConversationDirectory(ConversationStore store, ILogger<ConversationDirectory> logger)
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
        await Guarded(() => store.MarkInactiveAsync(activity.ChannelId, ConversationIdOf(activity), "the bot was removed", cancellationToken));
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
        // A thread's message: the channel is kept, so a proactive card is a new post in it, not a reply in the thread.
        // A copy, since the reference shares the activity's account and the turn's replies still go to the thread.
        var id = ConversationIdOf(activity);
        if (id != activity.Conversation.Id)
        {
            conversation.Conversation = JsonConvert.DeserializeObject<ConversationAccount>(JsonConvert.SerializeObject(activity.Conversation))!;
            conversation.Conversation.Id = id;
        }
        var reference = JsonConvert.SerializeObject(conversation, Formatting.None);
        var key = Key(activity);
        // Already written as it is now: a message costs no database write.
        if (!added && _written.TryGetValue(key, out var known) && known == reference) return;
        var type = activity.Conversation.ConversationType ?? "personal";
        var seen = new ConversationSeen(activity.ChannelId, id, activity.ServiceUrl, TenantOf(activity), type, NameOf(activity, type),
            type == "personal" ? activity.From?.AadObjectId : null, reference);
        if (await Guarded(() => store.SeenAsync(seen, added, cancellationToken))) _written[key] = reference;
    }

    /// <summary>
    /// The conversation as the directory keeps it. In a team channel Teams sends each thread's messages with the
    /// channel's id and ";messageid=" the thread's root, and installs and member updates with the channel's id alone:
    /// they are one channel, with one subscription, told each alert once.
    /// </summary>
    public static string ConversationIdOf(IActivity activity)
    {
        var id = activity.Conversation!.Id;
        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? id : id[..thread];
    }

    private static string Key(IActivity activity) => activity.ChannelId + "|" + ConversationIdOf(activity);

    private static string? TenantOf(IActivity activity) =>
        activity.Conversation?.TenantId ?? (activity.TryGetTeamsChannelData(out var data) ? data?.Tenant?.Id : null);

    private static string? NameOf(IActivity activity, string type)
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
            logger.LogWarning(e, "Could not record a conversation the bot is in");
            return false;
        }
    }
}
