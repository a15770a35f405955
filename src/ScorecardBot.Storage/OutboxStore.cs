using Microsoft.EntityFrameworkCore;
using ScorecardBot.Core.Periods;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Storage;

/// <summary>One thing to tell a conversation once: an alert about a measure's status, or a reminder to a command.</summary>
public sealed record DeliveryKey(string Kind, string Subject, string Status);

/// <summary>A queued message and the conversation it goes to.</summary>
public sealed record OutboxItem(OutboxMessage Message, ConversationRecord Conversation);

/// <summary>
/// The durable queue of proactive messages. Queuing a message claims its deliveries first: the unique key on
/// (conversation, kind, subject, month, status) means a key already claimed, by an earlier run or another instance,
/// is never queued again. Each try at sending is recorded with Teams' answer.
/// </summary>
public sealed class OutboxStore(ScorecardDatabase database, TimeProvider clock)
{
    /// <summary>
    /// Queues one message to a conversation for the deliveries not yet made; returns the keys it was queued for,
    /// empty (and nothing queued) when every key was told before. All or nothing, in one transaction.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryKey>> EnqueueAsync(
        long conversationId, YearMonth month, IReadOnlyList<DeliveryKey> keys, Func<IReadOnlyList<DeliveryKey>, (string Card, string Summary)> draw,
        string runId, CancellationToken cancellationToken = default)
    {
        var monthKey = FigureStore.ToKey(month);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = database.CreateContext();
            var told = (await db.Deliveries.AsNoTracking()
                    .Where(d => d.ConversationRecordId == conversationId && d.Month == monthKey)
                    .Select(d => new { d.Kind, d.Subject, d.Status })
                    .ToListAsync(cancellationToken))
                .Select(d => new DeliveryKey(d.Kind, d.Subject, d.Status))
                .ToHashSet();
            var fresh = keys.Where(k => !told.Contains(k)).Distinct().ToList();
            if (fresh.Count == 0) return [];

            var (card, summary) = draw(fresh);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var message = new OutboxMessage
            {
                ConversationRecordId = conversationId, Kind = fresh[0].Kind, Month = monthKey, Card = card, Summary = Trim(summary, 2000),
                State = OutboxState.Pending, NextAttemptAtUtc = now, CreatedAtUtc = now, RunId = runId,
            };
            db.Outbox.Add(message);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Deliveries.AddRange(fresh.Select(k => new Delivery
                {
                    ConversationRecordId = conversationId, Kind = k.Kind, Subject = k.Subject, Month = monthKey, Status = k.Status,
                    OutboxMessageId = message.Id, CreatedAtUtc = now,
                }));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return fresh;
            }
            catch (DbUpdateException)
            {
                // Another run claimed some of these keys at the same moment: nothing of this one stands; look again.
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        return [];
    }

    /// <summary>The keys already told to a conversation for a month (what a preview leaves out).</summary>
    public async Task<IReadOnlySet<DeliveryKey>> ToldAsync(long conversationId, YearMonth month, CancellationToken cancellationToken = default)
    {
        var monthKey = FigureStore.ToKey(month);
        await using var db = database.CreateContext();
        return (await db.Deliveries.AsNoTracking()
                .Where(d => d.ConversationRecordId == conversationId && d.Month == monthKey)
                .Select(d => new { d.Kind, d.Subject, d.Status })
                .ToListAsync(cancellationToken))
            .Select(d => new DeliveryKey(d.Kind, d.Subject, d.Status))
            .ToHashSet();
    }

    /// <summary>Messages due to be tried now, oldest first, with their conversations.</summary>
    public async Task<IReadOnlyList<OutboxItem>> DueAsync(int limit, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        var due = await db.Outbox.AsNoTracking()
            .Where(o => (o.State == OutboxState.Pending || o.State == OutboxState.Retrying) && o.NextAttemptAtUtc <= now)
            .OrderBy(o => o.NextAttemptAtUtc).ThenBy(o => o.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = due.Select(o => o.ConversationRecordId).Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return due.Where(o => conversations.ContainsKey(o.ConversationRecordId)).Select(o => new OutboxItem(o, conversations[o.ConversationRecordId])).ToList();
    }

    /// <summary>
    /// Marks a message as leaving now, just before it is handed to Teams: if the process stops before the answer is
    /// recorded, the next run finds it <see cref="OutboxState.Sending"/> and settles it as in doubt rather than send it again.
    /// </summary>
    public async Task MarkSendingAsync(long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        await db.Outbox.Where(o => o.Id == messageId).ExecuteUpdateAsync(set => set.SetProperty(o => o.State, OutboxState.Sending), cancellationToken);
    }

    /// <summary>
    /// Settles the sends a stopped process left under way: each becomes <see cref="OutboxState.InDoubt"/>, with a try on
    /// record saying why, and is not sent again. Only for the start of a delivery run, when no other run is sending.
    /// Returns the messages settled.
    /// </summary>
    public async Task<IReadOnlyList<long>> SettleInterruptedAsync(CancellationToken cancellationToken = default)
    {
        const string reason = "The bot stopped while this was being sent, so whether Teams showed it is not known; it was not sent again.";
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        // Read before any transaction: nearly every run finds none, and no other run is marking messages meanwhile.
        var interrupted = await db.Outbox.Where(o => o.State == OutboxState.Sending).Select(o => o.Id).ToListAsync(cancellationToken);
        if (interrupted.Count == 0) return [];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OutboxAttempts.AddRange(interrupted.Select(id => new OutboxAttempt { OutboxMessageId = id, AttemptedAtUtc = now, Error = reason }));
        await db.SaveChangesAsync(cancellationToken);
        await db.Outbox.Where(o => interrupted.Contains(o.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(o => o.State, OutboxState.InDoubt)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.LastStatusCode, (int?)null)
            .SetProperty(o => o.LastError, reason), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return interrupted;
    }

    /// <summary>Records a try and where the message now stands, in one transaction.</summary>
    public async Task RecordAttemptAsync(
        long messageId, int? statusCode, string? error, TimeSpan elapsed, OutboxState state, DateTime? nextAttemptAtUtc, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OutboxAttempts.Add(new OutboxAttempt
        {
            OutboxMessageId = messageId, AttemptedAtUtc = now, StatusCode = statusCode, Error = error is null ? null : Trim(error, 1000),
            ElapsedMilliseconds = elapsed.TotalMilliseconds,
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.Outbox.Where(o => o.Id == messageId).ExecuteUpdateAsync(set => set
            .SetProperty(o => o.State, state)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.LastStatusCode, statusCode)
            .SetProperty(o => o.LastError, error == null ? null : Trim(error, 1000))
            .SetProperty(o => o.NextAttemptAtUtc, nextAttemptAtUtc ?? now)
            .SetProperty(o => o.SentAtUtc, state == OutboxState.Sent ? now : null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The bot is no longer in a conversation: every message still to go to it is closed as Gone, unsent, with the reason.
    /// Returns how many were closed.
    /// </summary>
    public async Task<int> CloseConversationAsync(long conversationId, string reason, CancellationToken cancellationToken = default)
    {
        var trimmed = Trim(reason, 1000);
        await using var db = database.CreateContext();
        return await db.Outbox
            .Where(o => o.ConversationRecordId == conversationId && (o.State == OutboxState.Pending || o.State == OutboxState.Retrying))
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.State, OutboxState.Gone).SetProperty(o => o.LastError, trimmed), cancellationToken);
    }

    /// <summary>Every message still to go (pending or waiting to retry): the backlog readiness watches.</summary>
    public async Task<int> BacklogAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.CountAsync(o => o.State == OutboxState.Pending || o.State == OutboxState.Retrying, cancellationToken);
    }

    /// <summary>
    /// Messages still to go that were due at or before <paramref name="dueBefore"/> (all of them when null), counted up
    /// to <paramref name="limit"/> only, over the (state, next attempt) index: cheap enough for a probe or a gauge.
    /// </summary>
    public async Task<int> CountWaitingAsync(DateTime? dueBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var waiting = db.Outbox.Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Retrying);
        if (dueBefore is { } before) waiting = waiting.Where(o => o.NextAttemptAtUtc <= before);
        return await waiting.Select(o => o.Id).Take(limit).CountAsync(cancellationToken);
    }

    /// <summary>The latest messages with their conversations and tries, newest first: the alerts log.</summary>
    public async Task<IReadOnlyList<(OutboxMessage Message, ConversationRecord Conversation, IReadOnlyList<OutboxAttempt> Attempts)>> LogAsync(
        int limit, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var messages = await db.Outbox.AsNoTracking().OrderByDescending(o => o.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = messages.Select(m => m.Id).ToList();
        var conversationIds = messages.Select(m => m.ConversationRecordId).Distinct().ToList();
        var attempts = (await db.OutboxAttempts.AsNoTracking().Where(a => ids.Contains(a.OutboxMessageId)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .ToLookup(a => a.OutboxMessageId);
        var conversations = await db.Conversations.AsNoTracking().Where(c => conversationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return messages.Where(m => conversations.ContainsKey(m.ConversationRecordId))
            .Select(m => (m, conversations[m.ConversationRecordId], (IReadOnlyList<OutboxAttempt>)attempts[m.Id].ToList()))
            .ToList();
    }

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length];
}
