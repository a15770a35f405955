namespace ScorecardBot.Storage.Entities;

/// <summary>
/// A conversation the bot is in (a team channel, a group chat or a personal chat), kept so it can be written to
/// later: its Bot Framework conversation reference, whether the bot is still there, and whether it takes alerts.
/// </summary>
public sealed class ConversationRecord
{
    public long Id { get; set; }
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? TenantId { get; set; }

    /// <summary>personal, groupChat or channel, as Teams says.</summary>
    public required string ConversationType { get; set; }

    public string? Name { get; set; }

    /// <summary>For a personal chat, the person's AAD object id: a lead's own chat receives their command's alerts.</summary>
    public string? UserAadObjectId { get; set; }

    /// <summary>The Bot Framework conversation reference as JSON, written by the bot.</summary>
    public required string Reference { get; set; }

    public bool Active { get; set; }
    public bool Subscribed { get; set; }
    public string? InactiveReason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// That a conversation has been told something, once: an alert about a measure in a status for a month, or a reminder
/// to a command for a month. Its unique key (conversation, kind, subject, month, status) is what makes a second
/// telling impossible, across re-runs, restarts and instances.
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public long ConversationRecordId { get; set; }

    /// <summary>"alert" or "reminder".</summary>
    public required string Kind { get; set; }

    /// <summary>The measure number for an alert, the command code for a reminder.</summary>
    public required string Subject { get; set; }

    /// <summary>The month as yyyyMM.</summary>
    public int Month { get; set; }

    /// <summary>The status alerted about; "due" for a reminder.</summary>
    public required string Status { get; set; }

    public long OutboxMessageId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A message waiting to go to one conversation, and where its delivery stands.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long ConversationRecordId { get; set; }
    public required string Kind { get; set; }
    public int Month { get; set; }

    /// <summary>The Adaptive Card as drawn when the message was queued.</summary>
    public required string Card { get; set; }

    public required string Summary { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    /// <summary>The evaluation that queued it (a scheduled run, or an admin's "run alerts").</summary>
    public required string RunId { get; set; }
}

public enum OutboxState
{
    Pending = 0,
    Retrying = 1,
    Sent = 2,
    Failed = 3,
    /// <summary>The bot is no longer in the conversation (403 or 404).</summary>
    Gone = 4,

    /// <summary>A send is under way: marked just before the message leaves, replaced by what Teams answers.</summary>
    Sending = 5,

    /// <summary>
    /// A process stopped (killed, or out of time at shutdown) while this message was being sent, so whether Teams showed
    /// it is not known. It is not sent again: a card that may be in the chat already is never sent twice.
    /// </summary>
    InDoubt = 6,
}

/// <summary>One try at sending an outbox message: when, and what Teams answered.</summary>
public sealed class OutboxAttempt
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public DateTime AttemptedAtUtc { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public double ElapsedMilliseconds { get; set; }
}
