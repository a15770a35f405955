using ScorecardBot.Core.Submissions;

namespace ScorecardBot.Submissions;

/// <summary>
/// Who did what to the figures, and every refusal with its reason, in a log category of its own
/// ("ScorecardBot.Audit") so an operator can route it to a store of record. Never the figures' free text.
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("ScorecardBot.Audit");

    public void Refused(Submitter who, string what, string why) => Log.Refused(_log, what, Id(who), who.Name, why);

    public void Saved(Submitter who, string what, Guid submissionId, int changes) =>
        Log.Saved(_log, Id(who), who.Name, what, submissionId, changes);

    public void Changed(Submitter who, string what) => Log.Changed(_log, Id(who), who.Name, what);

    private static string Id(Submitter who) => who.Id.Length == 0 ? "(no AAD object id)" : who.Id;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Audit: refused {What} by {UserId} ({UserName}): {Reason}")]
        public static partial void Refused(ILogger logger, string what, string userId, string userName, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {UserId} ({UserName}) saved {What}, submission {SubmissionId}, {Changes} changes")]
        public static partial void Saved(ILogger logger, string userId, string userName, string what, Guid submissionId, int changes);

        [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {UserId} ({UserName}) {What}")]
        public static partial void Changed(ILogger logger, string userId, string userName, string what);
    }
}
