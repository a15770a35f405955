using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;

namespace ScorecardBot.Submissions;

/// <summary>
/// A command's figures for a month as a form: a value per component (the stored figure, or what the lead typed), a
/// comment per measure, the months that may be chosen, and what is wrong or needs confirming beside each field. It
/// carries the version it was drawn from and a submission id, so a stale or repeated submit is recognised.
/// </summary>
public sealed record FormView(
    SubmissionForm Form,
    IReadOnlyList<YearMonth> OpenMonths,
    IReadOnlyDictionary<string, string> Values,
    long Version,
    Guid SubmissionId,
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<FieldError> Warnings,
    string? Notice,
    bool Locked) : IAnswerView
{
    public string? Note => Notice;

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);

    public IEnumerable<string> WarningsFor(string field) => Warnings.Where(e => e.Field == field).Select(e => e.Message);
}

/// <summary>An admin chooses which command's figures to submit.</summary>
public sealed record CommandChoiceView(IReadOnlyList<Command> Commands, YearMonth? Month) : IAnswerView
{
    public string? Note => null;
}

/// <summary>Saved: each measure touched, recomputed, with a clear line for any now outside its band.</summary>
public sealed record ConfirmationView(
    SubmissionForm Form,
    IReadOnlyList<MeasureResult> Results,
    IReadOnlyList<Revision> Changes,
    string SavedBy,
    DateTime SavedAtUtc,
    bool AlreadySaved) : IAnswerView
{
    public string? Note => null;

    public IEnumerable<MeasureResult> NowOutside => Results.Where(r => r.Status == Status.OutsideTolerance);
}

/// <summary>Someone without the role asked: who can submit instead.</summary>
public sealed record NotAllowedView(string Why, IReadOnlyList<CommandPeople> WhoCan) : IAnswerView
{
    public string? Note => null;
}

/// <summary>"Who can submit for CTC?": each command's leads, and the admins, by name.</summary>
public sealed record WhoCanSubmitView(IReadOnlyList<CommandPeople> Commands, People Admins) : IAnswerView
{
    public string? Note => null;
}

/// <summary>A command and the people who may submit for it.</summary>
public sealed record CommandPeople(Command Command, People Leads);

/// <summary>People by the names Teams gave them, and how many have not been seen in Teams yet (never their ids).</summary>
public sealed record People(IReadOnlyList<string> Names, int NotYetSeen)
{
    public bool IsEmpty => Names.Count == 0 && NotYetSeen == 0;

    public override string ToString()
    {
        var parts = Names.ToList();
        if (NotYetSeen > 0) parts.Add(NotYetSeen == 1 ? "one person not yet seen in Teams" : $"{NotYetSeen} people not yet seen in Teams");
        return parts.Count == 0 ? "nobody" : parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
    }
}

/// <summary>Every saved change to a measure's figures and comment for a month: who, when, old → new.</summary>
public sealed record HistoryView(Measure Measure, YearMonth Month, IReadOnlyList<Revision> Revisions) : IAnswerView
{
    public string? Note => null;
}

/// <summary>A month locked or unlocked, or why not.</summary>
public sealed record LockView(YearMonth Month, bool Locked, bool Changed, string? Why) : IAnswerView
{
    public string? Note => null;
}
