using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Figures;

public enum RevisionKind { Figure, Comment }

/// <summary>
/// One saved change, as plain data from the store's append-only history: a component's figure (old → new value) or
/// a measure's comment (old → new text), with who saved it, when (UTC) and in which submission.
/// </summary>
public sealed record Revision(
    RevisionKind Kind,
    MonthRange Period,
    string? ComponentId,
    int? MeasureNumber,
    long? OldValue,
    long? NewValue,
    string? OldText,
    string? NewText,
    string SubmittedBy,
    string SubmittedByName,
    DateTime SubmittedAtUtc,
    Guid SubmissionId)
{
    public static Revision OfFigure(string componentId, MonthRange period, long? oldValue, long newValue, string by, DateTime atUtc,
        Guid submissionId, string? byName = null) =>
        new(RevisionKind.Figure, period, componentId, null, oldValue, newValue, null, null, by, byName ?? by, atUtc, submissionId);

    public static Revision OfComment(int measureNumber, YearMonth month, string? oldText, string? newText, string by, DateTime atUtc,
        Guid submissionId, string? byName = null) =>
        new(RevisionKind.Comment, MonthRange.Single(month), null, measureNumber, null, null, oldText, newText, by, byName ?? by, atUtc,
            submissionId);
}
