using System.Globalization;

namespace ScorecardBot.Core.Periods;

/// <summary>A calendar month, the unit every figure is reported in.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1 to 12.");
        if (year is < 1900 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be 1900 to 9999.");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    /// <summary>Months since year 0: makes ranges and arithmetic plain integer work.</summary>
    public int Index => Year * 12 + Month - 1;

    public static YearMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public static YearMonth FromDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new YearMonth(local.Year, local.Month);
    }

    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    /// <summary>"2007-06", the storage and CSV form.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>"Jun-07", as the committee paper heads its columns.</summary>
    public string ToPaperLabel() => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(Month)}-{Year % 100:D2}";

    /// <summary>"July 2007".</summary>
    public string ToLongLabel() => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month)} {Year}";

    public static YearMonth Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a month in the form yyyy-MM.");

    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return false;
        if (month is < 1 or > 12 || year < 1900) return false;
        value = new YearMonth(year, month);
        return true;
    }
}
