using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Figures;

/// <summary>
/// The current figure for one component over one period. The period is a single month, or a block of months
/// known only as a total (a "balance": the seed's April–May, which the paper gives only inside FYTD).
/// </summary>
public sealed record Figure(string ComponentId, MonthRange Period, long Value, string? SubmittedBy = null, DateTime? SubmittedAtUtc = null)
{
    public bool IsBalance => !Period.IsSingleMonth;
}

/// <summary>A measure's free-text comment for one month.</summary>
public sealed record MeasureComment(int MeasureNumber, YearMonth Month, string Text, string? SubmittedBy = null, DateTime? SubmittedAtUtc = null);
