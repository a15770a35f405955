namespace ScorecardBot.Core.Periods;

/// <summary>A twelve-month reporting year, April to March for the MPS ("2007/8").</summary>
public sealed record FinancialYear(string Label, YearMonth Start)
{
    public YearMonth End => Start.AddMonths(11);

    public MonthRange Months => new(Start, End);

    public bool Contains(YearMonth month) => Months.Contains(month);

    /// <summary>The month of this number within the year: for 2007/8, 9 is September 2007 and 1 is January 2008.</summary>
    public YearMonth MonthNumbered(int month) => new(month >= Start.Month ? Start.Year : Start.Year + 1, month);

    /// <summary>Financial year to date: from the year's first month through <paramref name="asOf"/>.</summary>
    public MonthRange ToDate(YearMonth asOf)
    {
        if (!Contains(asOf)) throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"{asOf} is outside financial year {Label}.");
        return new MonthRange(Start, asOf);
    }
}
