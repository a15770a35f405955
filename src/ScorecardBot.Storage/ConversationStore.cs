using Microsoft.EntityFrameworkCore;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Storage;

/// <summary>What the bot knows of a conversation when it meets it: enough to write to it later.</summary>
public sealed record ConversationSeen(
    string ChannelId,
    string ConversationId,
    string ServiceUrl,
    string? TenantId,
    string ConversationType,
    string? Name,
    string? UserAadObjectId,
    string Reference);

/// <summary>
/// The conversations the bot is in. A team channel or group chat is subscribed to alerts when the bot is added; a
/// personal chat is not, but a lead's own chat receives their command's alerts. Written when something changes.
/// </summary>
public sealed class ConversationStore(ScorecardDatabase database, TimeProvider clock)
{
    /// <summary>Adds or refreshes a conversation, marking it active; a new team channel or group chat is subscribed.</summary>
    public async Task<ConversationRecord> SeenAsync(ConversationSeen seen, bool added, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        var record = await db.Conversations.FirstOrDefaultAsync(c => c.ChannelId == seen.ChannelId && c.ConversationId == seen.ConversationId, cancellationToken);
        if (record is null)
        {
            record = new ConversationRecord
            {
                ChannelId = seen.ChannelId, ConversationId = seen.ConversationId, ServiceUrl = seen.ServiceUrl, ConversationType = seen.ConversationType,
                Reference = seen.Reference, CreatedAtUtc = now, Subscribed = seen.ConversationType is "channel" or "groupChat",
            };
            db.Conversations.Add(record);
        }
        else if (added && !record.Active && record.ConversationType is "channel" or "groupChat")
        {
            // Added back after being removed: subscribed again, as on a first install.
            record.Subscribed = true;
        }
        record.ServiceUrl = seen.ServiceUrl;
        record.TenantId = seen.TenantId ?? record.TenantId;
        record.Name = seen.Name ?? record.Name;
        record.UserAadObjectId = seen.UserAadObjectId ?? record.UserAadObjectId;
        record.Reference = seen.Reference;
        record.Active = true;
        record.InactiveReason = null;
        record.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (record.Id == 0)
        {
            // Another instance recorded it at the same moment: theirs stands, and is refreshed on the next message.
            return await GetAsync(seen.ChannelId, seen.ConversationId, cancellationToken) ?? record;
        }
        return record;
    }

    public async Task<ConversationRecord?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ChannelId == channelId && c.ConversationId == conversationId, cancellationToken);
    }

    public async Task<ConversationRecord?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The bot was removed, or Teams says it is no longer there (403, 404): nothing more is sent.</summary>
    public async Task MarkInactiveAsync(long id, string reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        await db.Conversations.Where(c => c.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Active, false).SetProperty(c => c.InactiveReason, Trim(reason)).SetProperty(c => c.UpdatedAtUtc, now), cancellationToken);
    }

    public async Task MarkInactiveAsync(string channelId, string conversationId, string reason, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(channelId, conversationId, cancellationToken) is { } record) await MarkInactiveAsync(record.Id, reason, cancellationToken);
    }

    /// <summary>Turns alerts on or off for a conversation; false when it is not known.</summary>
    public async Task<bool> SetSubscribedAsync(string channelId, string conversationId, bool subscribed, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        return await db.Conversations.Where(c => c.ChannelId == channelId && c.ConversationId == conversationId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Subscribed, subscribed).SetProperty(c => c.UpdatedAtUtc, now), cancellationToken) > 0;
    }

    /// <summary>Active conversations that take alerts, and active personal chats of these people.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> RecipientsAsync(IReadOnlyCollection<string> people, CancellationToken cancellationToken = default)
    {
        var ids = people.Select(p => p.Trim().ToLowerInvariant()).ToList();
        await using var db = database.CreateContext();
        var active = await db.Conversations.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return active.Where(c => c.Subscribed || (c.ConversationType == "personal" && c.UserAadObjectId is { } u && ids.Contains(u.ToLowerInvariant()))).ToList();
    }

    public async Task<IReadOnlyList<ConversationRecord>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.Conversations.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    private static string Trim(string text) => text.Length <= 500 ? text : text[..500];
}
