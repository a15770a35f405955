namespace ScorecardBot.Storage.Entities;

/// <summary>
/// The latest save of one command's figures for one month, with a version that every save moves on by one. A form
/// carries the version it was drawn from; a save that expects an older one is refused (someone saved since), which the
/// database enforces with a conditional update, not a lock in the bot.
/// </summary>
public sealed class SubmissionHead
{
    public required string Command { get; set; }

    /// <summary>The month as yyyyMM.</summary>
    public int Month { get; set; }

    public long Version { get; set; }
    public required string UpdatedBy { get; set; }
    public required string UpdatedByName { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid SubmissionId { get; set; }
}

/// <summary>
/// An admin locking or unlocking a month. Rows are only ever added: a month is locked when its latest row says so,
/// every lock and unlock is kept (who, when), and the newest id tells the bot the locks have changed.
/// </summary>
public sealed class MonthLockChange
{
    public long Id { get; set; }

    /// <summary>The month as yyyyMM.</summary>
    public int Month { get; set; }

    public bool Locked { get; set; }
    public required string ChangedBy { get; set; }
    public required string ChangedByName { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>A person the bot has met in Teams: their AAD object id and the name Teams gave, so answers name people, never ids.</summary>
public sealed class Person
{
    public required string AadObjectId { get; set; }
    public required string Name { get; set; }
    public DateTime LastSeenUtc { get; set; }
}
