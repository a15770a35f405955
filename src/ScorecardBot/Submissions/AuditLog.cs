using ScorecardBot.Core.Submissions;

namespace ScorecardBot.Submissions;

/// <summary>
/// Who did what to the figures, and every refusal with its reason, in a log category of its own
/// ("ScorecardBot.Audit") so an operator can route it to a store of record. Never the figures' free text.
/// </summary>
public sealed class AuditLog(ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("ScorecardBot.Audit");

    public void Refused(Submitter who, string what, string why) =>
        _log.LogWarning("Audit: refused {What} by {UserId} ({UserName}): {Reason}", what, Id(who), who.Name, why);

    public void Saved(Submitter who, string what, Guid submissionId, int changes) =>
        _log.LogInformation("Audit: {UserId} ({UserName}) saved {What}, submission {SubmissionId}, {Changes} changes", Id(who), who.Name, what, submissionId, changes);

    public void Changed(Submitter who, string what) =>
        _log.LogInformation("Audit: {UserId} ({UserName}) {What}", Id(who), who.Name, what);

    private static string Id(Submitter who) => who.Id.Length == 0 ? "(no AAD object id)" : who.Id;
}
