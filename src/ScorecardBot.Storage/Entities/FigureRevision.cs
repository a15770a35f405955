namespace ScorecardBot.Storage.Entities;

/// <summary>
/// One saved value of one component for one period. Rows are only ever added: the current figure is the latest
/// revision for its (component, period), and every older value stays.
/// </summary>
public sealed class FigureRevision
{
    public long Id { get; set; }
    public required string ComponentId { get; set; }

    /// <summary>First month of the period as yyyyMM; equal to <see cref="PeriodEnd"/> for a month, earlier for a balance.</summary>
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }

    public long Value { get; set; }
    public long? PreviousValue { get; set; }

    public required string SubmittedBy { get; set; }
    public required string SubmittedByName { get; set; }
    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>Groups the revisions one submission made; unique per change so a retried submission cannot save twice.</summary>
    public Guid SubmissionId { get; set; }
}

/// <summary>One saved text of a measure's comment for one month; null text clears it.</summary>
public sealed class CommentRevision
{
    public long Id { get; set; }
    public int MeasureNumber { get; set; }
    public int Month { get; set; }
    public string? Text { get; set; }
    public string? PreviousText { get; set; }
    public required string SubmittedBy { get; set; }
    public required string SubmittedByName { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public Guid SubmissionId { get; set; }
}
