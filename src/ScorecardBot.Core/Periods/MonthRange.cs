namespace ScorecardBot.Core.Periods;

/// <summary>An inclusive run of months: one month, a quarter, a financial year to date.</summary>
public readonly record struct MonthRange
{
    public MonthRange(YearMonth from, YearMonth to)
    {
        if (to < from) throw new ArgumentException($"A range cannot end ({to}) before it starts ({from}).", nameof(to));
        From = from;
        To = to;
    }

    public YearMonth From { get; }
    public YearMonth To { get; }

    public int Length => To.Index - From.Index + 1;
    public bool IsSingleMonth => From == To;

    public static MonthRange Single(YearMonth month) => new(month, month);

    public bool Contains(YearMonth month) => month >= From && month <= To;
    public bool Contains(MonthRange other) => other.From >= From && other.To <= To;
    public bool Overlaps(MonthRange other) => other.From <= To && other.To >= From;

    public IEnumerable<YearMonth> Months()
    {
        for (var i = From.Index; i <= To.Index; i++) yield return YearMonth.FromIndex(i);
    }

    public override string ToString() => IsSingleMonth ? From.ToString() : $"{From}..{To}";

    public string ToLongLabel() => IsSingleMonth ? From.ToLongLabel() : $"{From.ToLongLabel()} to {To.ToLongLabel()}";
}
