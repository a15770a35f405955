using System.Globalization;
using System.Text.RegularExpressions;

namespace ScorecardBot.Questions;

/// <summary>
/// Finds the period in a question: "July", "Jul-07", "July 2007", "2007-07", "June to August", "year to date",
/// "2007/8", "last month", "latest", "Q2". Marks the words it used so they are not read as measure names.
/// </summary>
public static partial class PeriodParser
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12]
        .Select(n => n.ToLowerInvariant()).ToArray();

    // Words a typo-tolerant month match must never swallow.
    private static readonly HashSet<string> NotMonths = ["match", "mach", "made", "make", "mayor", "just", "junk", "juice", "marc", "mars", "maybe", "jane", "june's"];

    /// <summary>Spans of the financial year people name: halves, and the summer months the committee paper covers.</summary>
    private static readonly (string[] Phrase, int From, int To)[] NamedSpans =
    [
        (["first", "half"], 4, 9), (["1st", "half"], 4, 9), (["second", "half"], 10, 3), (["2nd", "half"], 10, 3),
        (["summer", "months"], 6, 8), (["the", "summer"], 6, 8), (["summer"], 6, 8),
    ];

    public static int? MonthNumber(string token)
    {
        if (token.Length < 3 || NotMonths.Contains(token)) return null;
        for (var i = 0; i < 12; i++)
        {
            var name = MonthNames[i];
            if (token == name || (token.Length >= 3 && name.StartsWith(token, StringComparison.Ordinal) && (token.Length == 3 || token == "sept"))) return i + 1;
        }
        // "jly", "jne": a four-letter month with one letter dropped.
        if (token.Length == 3)
        {
            for (var i = 5; i <= 6; i++)
            {
                if (token[0] == MonthNames[i][0] && Words.Distance(token, MonthNames[i], 1) == 1) return i + 1;
            }
            return null;
        }
        for (var i = 0; i < 12; i++)
        {
            if (Words.Similar(token, MonthNames[i])) return i + 1;
        }
        return null;
    }

    public static PeriodSpec Parse(IReadOnlyList<string> tokens, bool[] used)
    {
        var text = string.Join(' ', tokens);

        // Compound tokens first: they are unambiguous.
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            // "31/07/2007", "31.08.07": a day's date names its month.
            if (DayDate().Match(t) is { Success: true } day && int.Parse(day.Groups[2].Value) is >= 1 and <= 12 and var dayMonth && int.Parse(day.Groups[1].Value) is >= 1 and <= 31)
            {
                used[i] = true;
                return Extend(new PeriodSpec(PeriodKind.Month, t) { Month = dayMonth, Year = FullYear(day.Groups[3].Value) }, tokens, used, i, i);
            }
            // "FY 2007-08", "financial year 2007-08": a year, though "2007-08" alone is August 2007.
            if (i > 0 && tokens[i - 1] is "fy" or "fiscal" or "financial" or "year" && FinancialYear().Match(t) is { Success: true } named
                && IsNextYear(named.Groups[1].Value, named.Groups[2].Value))
            {
                used[i] = used[i - 1] = true;
                return new PeriodSpec(PeriodKind.YearToDate, t) { FinancialYearStart = int.Parse(named.Groups[1].Value) };
            }
            if (IsoMonth().Match(t) is { Success: true } iso && int.Parse(iso.Groups[2].Value) is >= 1 and <= 12 and var isoMonth)
            {
                used[i] = true;
                return Extend(new PeriodSpec(PeriodKind.Month, t) { Month = isoMonth, Year = int.Parse(iso.Groups[1].Value) }, tokens, used, i, i);
            }
            if (FinancialYear().Match(t) is { Success: true } fy && IsNextYear(fy.Groups[1].Value, fy.Groups[2].Value))
            {
                used[i] = true;
                return new PeriodSpec(PeriodKind.YearToDate, t) { FinancialYearStart = int.Parse(fy.Groups[1].Value) };
            }
            // "07/08" with consecutive years is a financial year; a month would be "07/2008".
            if (ShortFinancialYear().Match(t) is { Success: true } sfy && IsNextYear(sfy.Groups[1].Value, sfy.Groups[2].Value))
            {
                used[i] = true;
                return new PeriodSpec(PeriodKind.YearToDate, t) { FinancialYearStart = 2000 + int.Parse(sfy.Groups[1].Value) };
            }
            if (NamedMonthYear().Match(t) is { Success: true } nmy && MonthNumber(nmy.Groups[1].Value) is { } m1)
            {
                used[i] = true;
                return Extend(new PeriodSpec(PeriodKind.Month, t) { Month = m1, Year = FullYear(nmy.Groups[2].Value) }, tokens, used, i, i);
            }
            if (MonthSlashYear().Match(t) is { Success: true } msy && int.Parse(msy.Groups[1].Value) is >= 1 and <= 12 and var m2)
            {
                used[i] = true;
                return Extend(new PeriodSpec(PeriodKind.Month, t) { Month = m2, Year = int.Parse(msy.Groups[2].Value) }, tokens, used, i, i);
            }
            if (MonthToMonth().Match(t) is { Success: true } mm && MonthNumber(mm.Groups[1].Value) is { } from && MonthNumber(mm.Groups[2].Value) is { } to)
            {
                used[i] = true;
                return new PeriodSpec(PeriodKind.Range, t) { Month = from, EndMonth = to };
            }
            if (Quarter().Match(t) is { Success: true } q)
            {
                used[i] = true;
                // "Q1 2007/08": the financial year named after it is the quarter's, not another period.
                if (i + 1 < tokens.Count && (FinancialYear().Match(tokens[i + 1]) is { Success: true } qfy && IsNextYear(qfy.Groups[1].Value, qfy.Groups[2].Value)
                    || ShortFinancialYear().Match(tokens[i + 1]).Success))
                {
                    used[i + 1] = true;
                }
                return FinancialQuarter(int.Parse(q.Groups[1].Value), t);
            }
            // "H1", "H2": the financial year's halves.
            if (t is "h1" or "h2")
            {
                used[i] = true;
                return t == "h1" ? new PeriodSpec(PeriodKind.Range, t) { Month = 4, EndMonth = 9 } : new PeriodSpec(PeriodKind.Range, t) { Month = 10, EndMonth = 3 };
            }
            // "june-july-august": three months joined, first to last.
            if (ThreeMonths().Match(t) is { Success: true } three && MonthNumber(three.Groups[1].Value) is { } first3 && MonthNumber(three.Groups[3].Value) is { } last3 && MonthNumber(three.Groups[2].Value) is not null)
            {
                used[i] = true;
                return new PeriodSpec(PeriodKind.Range, t) { Month = first3, EndMonth = last3 };
            }
        }

        // "the summer", "first half of the year", "this quarter": spans of the financial year by name.
        foreach (var (phrase, from, to) in NamedSpans)
        {
            if (FindPhrase(tokens, used, phrase)) return new PeriodSpec(PeriodKind.Range, string.Join(' ', phrase)) { Month = from, EndMonth = to };
        }
        if (FindPhrase(tokens, used, ["this", "quarter"]) || FindPhrase(tokens, used, ["current", "quarter"]) || FindPhrase(tokens, used, ["the", "quarter"]))
        {
            return new PeriodSpec(PeriodKind.ThisQuarter, "this quarter");
        }
        // "the three months to August": the months ending then.
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            if (used[i] || Words.Number(tokens[i]) is not { } n || n is < 1 or > 12 || tokens[i + 1] is not ("months" or "month") || tokens[i + 2] is not ("to" or "until" or "ending" or "till")
                || MonthNumber(tokens[i + 3]) is not { } end) continue;
            for (var k = i; k <= i + 3; k++) used[k] = true;
            var start = (end - n + 12) % 12 + 1;
            return new PeriodSpec(PeriodKind.Range, $"{n} months to {tokens[i + 3]}") { Month = start, EndMonth = end };
        }

        // "Last year": the financial year before this scorecard's, which it does not hold; said so rather than ignored.
        if (FindPhrase(tokens, used, ["last", "financial", "year"]) || FindPhrase(tokens, used, ["last", "year"]) || FindPhrase(tokens, used, ["previous", "year"])
            || FindPhrase(tokens, used, ["prior", "year"]))
        {
            return new PeriodSpec(PeriodKind.YearToDate, "last year") { Offset = -1 };
        }

        // Year to date. "June to date" and "since June so far" are June onwards, read with the month below.
        var fromMonth = OpensFromMonth(tokens);
        // "How up to date are the figures" asks about freshness, not the year to date.
        var upToDate = Enumerable.Range(0, Math.Max(0, tokens.Count - 2)).Any(i => tokens[i] == "up" && tokens[i + 1] == "to" && tokens[i + 2] == "date");
        if (FindPhrase(tokens, used, ["year", "to", "date"]) || FindPhrase(tokens, used, ["ytd"]) || FindPhrase(tokens, used, ["fytd"])
            || FindPhrase(tokens, used, ["this", "financial", "year"]) || FindPhrase(tokens, used, ["financial", "year"])
            || FindPhrase(tokens, used, ["this", "year"]) || FindPhrase(tokens, used, ["year", "so", "far"]) || (!fromMonth && FindPhrase(tokens, used, ["so", "far"]))
            || (!fromMonth && !upToDate && FindPhrase(tokens, used, ["to", "date"])) || FindPhrase(tokens, used, ["fy"]) || FindPhrase(tokens, used, ["cumulative"])
            || FindPhrase(tokens, used, ["whole", "year"]) || FindPhrase(tokens, used, ["full", "year"])
            || FindPhrase(tokens, used, ["fiscal", "year"]) || FindPhrase(tokens, used, ["for", "the", "year"]))
        {
            // "financial year to date", "fiscal ytd": the qualifier is part of the period, not a measure word.
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i] is "financial" or "fiscal" or "fy") used[i] = true;
            }
            // "FYTD as at June", "year to date to the end of July": the year to date as it stood then.
            for (var i = 0; i < tokens.Count; i++)
            {
                if (used[i] || MonthNumber(tokens[i]) is not { } asOf || (tokens[i] == "may" && i + 1 < tokens.Count && tokens[i + 1] is "i" or "we" or "you")) continue;
                used[i] = true;
                int? asOfYear = i + 1 < tokens.Count && YearToken(tokens[i + 1]) is { } y ? y : null;
                if (asOfYear is not null) used[i + 1] = true;
                for (var b = Math.Max(0, i - 3); b < i; b++)
                {
                    if (tokens[b] is "as" or "at" or "of" or "end" or "to" or "until" or "till" or "up") used[b] = true;
                }
                return new PeriodSpec(PeriodKind.YearToDate, text) { Month = asOf, Year = asOfYear };
            }
            return new PeriodSpec(PeriodKind.YearToDate, text);
        }

        // Relative to today.
        foreach (var (phrase, offset) in new (string[], int)[]
                 {
                     (["month", "before", "last"], 2), (["last", "month", "but", "one"], 2), (["next", "month"], -1), (["following", "month"], -1),
                     (["last", "month"], 1), (["previous", "month"], 1), (["past", "month"], 1), (["prior", "month"], 1),
                     (["this", "month"], 0), (["current", "month"], 0),
                 })
        {
            if (FindPhrase(tokens, used, phrase)) return new PeriodSpec(PeriodKind.RelativeMonth, string.Join(' ', phrase)) { Offset = offset };
        }

        // "two months ago", "3 months ago": relative to today, like "last month".
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (used[i] || Words.Number(tokens[i]) is not { } back || back is < 1 or > 24 || tokens[i + 1] is not ("month" or "months") || tokens[i + 2] != "ago") continue;
            used[i] = used[i + 1] = used[i + 2] = true;
            return new PeriodSpec(PeriodKind.RelativeMonth, $"{tokens[i]} {tokens[i + 1]} ago") { Offset = back };
        }

        // "last 3 months", "past three months", "last quarter", "last 2 quarters": the latest months with figures.
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (used[i] || tokens[i] is not ("last" or "past" or "previous" or "prior")) continue;
            var count = 1;
            var unit = i + 1;
            if (Words.Number(tokens[i + 1]) is { } n and >= 1)
            {
                count = n;
                unit = i + 2;
            }
            if (unit >= tokens.Count) continue;
            var months = tokens[unit] switch
            {
                "months" or "month" when unit == i + 2 => count,
                "quarter" or "quarters" => count * 3,
                _ => 0,
            };
            if (months == 0) continue;
            for (var k = i; k <= unit; k++) used[k] = true;
            return new PeriodSpec(PeriodKind.LastMonths, $"last {months} months") { Offset = months };
        }

        // "first quarter", "1st quarter", "quarter 2": financial quarters, like "Q1".
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (ordinal, word) = (tokens[i], tokens[i + 1]);
            if (word is "quarter" or "qtr" && QuarterNumber(ordinal) is { } q1 && !used[i])
            {
                used[i] = used[i + 1] = true;
                return FinancialQuarter(q1, ordinal + " " + word);
            }
            if (ordinal is "quarter" && QuarterNumber(word) is { } q2 && !used[i])
            {
                used[i] = used[i + 1] = true;
                return FinancialQuarter(q2, ordinal + " " + word);
            }
        }

        // Month names, with an optional year after them, and ranges between two of them.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || MonthNumber(tokens[i]) is not { } month) continue;
            // "may" is a month only when nothing else reads it as a verb ("may I see…").
            if (tokens[i] == "may" && i + 1 < tokens.Count && tokens[i + 1] is "i" or "we" or "you") continue;
            used[i] = true;
            var first = i;
            var spec = new PeriodSpec(PeriodKind.Month, tokens[i]) { Month = month };
            if (i + 1 < tokens.Count && YearToken(tokens[i + 1]) is { } year)
            {
                used[i + 1] = true;
                spec = spec with { Year = year, Text = tokens[i] + " " + tokens[i + 1] };
                i++;
            }
            return Extend(spec, tokens, used, first, i);
        }

        foreach (var word in new[] { "latest", "current", "recent", "newest", "now", "today", "currently", "atm", "presently" })
        {
            var at = IndexOf(tokens, word);
            if (at < 0) continue;
            used[at] = true;
            return new PeriodSpec(PeriodKind.Latest, word);
        }
        return PeriodSpec.Unspecified;
    }

    /// <summary>Quarter n of a financial year that starts in April: Q1 is April to June.</summary>
    private static PeriodSpec FinancialQuarter(int quarter, string text)
    {
        var start = 4 + (quarter - 1) * 3;
        return new PeriodSpec(PeriodKind.Range, text) { Month = (start - 1) % 12 + 1, EndMonth = (start + 1) % 12 + 1 };
    }

    private static int? QuarterNumber(string token) => token switch
    {
        "1" or "1st" or "first" or "one" => 1,
        "2" or "2nd" or "second" or "two" => 2,
        "3" or "3rd" or "third" or "three" => 3,
        "4" or "4th" or "fourth" or "four" => 4,
        _ => null,
    };

    /// <summary>
    /// Turns "June" into "June to August" when a range follows (to, until, through, -, and after between), or into
    /// "June onwards" when it is open ("since June", "June onwards", "June to date").
    /// </summary>
    private static PeriodSpec Extend(PeriodSpec start, IReadOnlyList<string> tokens, bool[] used, int first, int last)
    {
        // A list of months ("jun, jul and aug", "june july august") covers the first to the last of them.
        var end = last;
        for (var j = last + 1; j < tokens.Count; j++)
        {
            if (tokens[j] is "and" or "&" && j + 1 < tokens.Count && MonthNumber(tokens[j + 1]) is not null) continue;
            if (MonthNumber(tokens[j]) is null || (j > last + 1 && tokens[j - 1] is not ("and" or "&") && MonthNumber(tokens[j - 1]) is null)) break;
            end = j;
        }
        if (end > last)
        {
            for (var j = last + 1; j <= end; j++) used[j] = true;
            MarkRangeOpeners(tokens, used, last);
            return new PeriodSpec(PeriodKind.Range, start.Text + " to " + tokens[end]) { Month = start.Month, Year = start.Year, EndMonth = MonthNumber(tokens[end])!.Value };
        }

        var i = last + 1;
        if (i < tokens.Count && tokens[i] is "to" or "until" or "till" or "til" or "through" or "thru" or "and" or "-" or "upto")
        {
            var j = i + 1;
            // "between 1 June and 31 August": the day before a month is not the range's end.
            if (j + 1 < tokens.Count && IsDayOfMonth(tokens[j]) && MonthOrCompound(tokens[j + 1]).Month > 0)
            {
                used[j] = true;
                j++;
            }
            if (j < tokens.Count && MonthOrCompound(tokens[j]) is var (endMonth, endYear) && endMonth > 0)
            {
                used[i] = used[j] = true;
                if (endYear is null && j + 1 < tokens.Count && YearToken(tokens[j + 1]) is { } y)
                {
                    used[j + 1] = true;
                    endYear = y;
                }
                MarkRangeOpeners(tokens, used, last);
                return new PeriodSpec(PeriodKind.Range, start.Text + " to " + tokens[j]) { Month = start.Month, Year = start.Year, EndMonth = endMonth, EndYear = endYear };
            }
        }
        return OpenEnded(start, tokens, used, first, last) ?? start;
    }

    /// <summary>Whether a month opens a period that runs to now: "since June", "June to date", "June onwards".</summary>
    private static bool OpensFromMonth(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (MonthOrCompound(tokens[i]).Month == 0) continue;
            var next = i + 1 < tokens.Count && YearToken(tokens[i + 1]) is not null ? i + 2 : i + 1;
            if (i > 0 && IsSince(tokens[i - 1])) return true;
            if (next < tokens.Count && IsOnwards(tokens[next])) return true;
            if (next + 1 < tokens.Count && IsUntilNow(tokens[next], tokens[next + 1])) return true;
        }
        return false;
    }

    /// <summary>
    /// "since June", "from June", "June onwards", "June to date", "June till now": June to the latest month with
    /// figures. "before August", "after June" and "up to July" are read here too.
    /// </summary>
    private static PeriodSpec? OpenEnded(PeriodSpec start, IReadOnlyList<string> tokens, bool[] used, int first, int last)
    {
        var before = first > 0 && !used[first - 1] ? tokens[first - 1] : null;
        // "before August": the year's months until then; "after June": from the month after; "up to July": the year to date then.
        if (before is "before" or "prior")
        {
            used[first - 1] = true;
            return new PeriodSpec(PeriodKind.Before, "before " + start.Text) { Month = start.Month, Year = start.Year };
        }
        if (before is "after")
        {
            used[first - 1] = true;
            var next = start.Month % 12 + 1;
            return new PeriodSpec(PeriodKind.Since, "after " + start.Text) { Month = next, Year = start.Year is { } y && next == 1 ? y + 1 : start.Year };
        }
        if (before is "until" or "till" or "til" or "upto" || (before is "to" && first > 1 && tokens[first - 2] == "up"))
        {
            used[first - 1] = true;
            if (before == "to") used[first - 2] = true;
            return new PeriodSpec(PeriodKind.YearToDate, "up to " + start.Text) { Month = start.Month, Year = start.Year };
        }
        var since = before is not null && (IsSince(before) || before == "from");
        var after = last + 1 < tokens.Count && !used[last + 1] ? tokens[last + 1] : null;
        var then = last + 2 < tokens.Count && !used[last + 2] ? tokens[last + 2] : null;
        var closing = after switch
        {
            not null when IsOnwards(after) => 1,
            "on" when first > 0 && tokens[first - 1] == "from" => 1,
            not null when IsUntilNow(after, then) => 2,
            _ => 0,
        };
        if (!since && closing == 0) return null;
        if (since) used[first - 1] = true;
        for (var k = 1; k <= closing; k++) used[last + k] = true;
        return new PeriodSpec(PeriodKind.Since, (since ? before + " " : "") + start.Text + (closing > 0 ? " " + string.Join(' ', tokens.Skip(last + 1).Take(closing)) : ""))
        {
            Month = start.Month,
            Year = start.Year,
        };
    }

    private static bool IsSince(string token) => token is "since" or "sinse" or "snce";

    private static bool IsOnwards(string token) => token is "onwards" or "onward" or "forward" or "forwards";

    /// <summary>"to date", "till now", "until today".</summary>
    private static bool IsUntilNow(string until, string? now) => until is "to" or "till" or "til" or "until" && now is "date" or "now" or "today";

    /// <summary>"1", "31st": a day of the month, written before the month's name.</summary>
    private static bool IsDayOfMonth(string token) =>
        (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || Words.Ordinal(token) is { } ordinal && (day = ordinal) > 0) && day is >= 1 and <= 31;

    /// <summary>"from" and "between" belong to the range they open.</summary>
    private static void MarkRangeOpeners(IReadOnlyList<string> tokens, bool[] used, int before)
    {
        for (var b = 0; b < before; b++)
        {
            if (tokens[b] is "from" or "between") used[b] = true;
        }
    }

    private static (int Month, int? Year) MonthOrCompound(string token)
    {
        if (MonthNumber(token) is { } m) return (m, null);
        if (NamedMonthYear().Match(token) is { Success: true } nmy && MonthNumber(nmy.Groups[1].Value) is { } m2) return (m2, FullYear(nmy.Groups[2].Value));
        if (IsoMonth().Match(token) is { Success: true } iso && int.Parse(iso.Groups[2].Value) is >= 1 and <= 12 and var m3) return (m3, int.Parse(iso.Groups[1].Value));
        return (0, null);
    }

    private static int? YearToken(string token)
    {
        var t = token.TrimStart('\'');
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100) return y;
        if (token.StartsWith('\'') && t.Length == 2 && int.TryParse(t, out var yy)) return 2000 + yy;
        if (t.Length == 2 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y2) && y2 is >= 0 and <= 40) return 2000 + y2;
        return null;
    }

    private static int FullYear(string digits) => digits.Length == 2 ? 2000 + int.Parse(digits) : int.Parse(digits);

    private static bool IsNextYear(string start, string end)
    {
        var s = int.Parse(start);
        var e = int.Parse(end);
        return end.Length switch
        {
            1 => (s + 1) % 10 == e,
            2 => (s + 1) % 100 == e,
            4 => s + 1 == e,
            _ => false,
        };
    }

    private static int IndexOf(IReadOnlyList<string> tokens, string word)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == word) return i;
        }
        return -1;
    }

    private static bool FindPhrase(IReadOnlyList<string> tokens, bool[] used, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
        {
            var match = true;
            for (var k = 0; k < phrase.Length && match; k++) match = !used[i + k] && tokens[i + k] == phrase[k];
            if (!match) continue;
            for (var k = 0; k < phrase.Length; k++) used[i + k] = true;
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?:fy)?(\d{2})/(\d{2})$")]
    private static partial Regex ShortFinancialYear();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})$")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"^(?:fy)?(\d{4})[/-](\d{1}|\d{2}|\d{4})$")]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^([a-z]{3,9})[-/']?(\d{2,4})$")]
    private static partial Regex NamedMonthYear();

    [GeneratedRegex(@"^(\d{1,2})[/-](\d{4})$")]
    private static partial Regex MonthSlashYear();

    [GeneratedRegex(@"^([a-z]{3,9})[-/]([a-z]{3,9})$")]
    private static partial Regex MonthToMonth();

    [GeneratedRegex(@"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")]
    private static partial Regex DayDate();

    [GeneratedRegex(@"^([a-z]{3,9})-([a-z]{3,9})-([a-z]{3,9})$")]
    private static partial Regex ThreeMonths();

    [GeneratedRegex(@"^q([1-4])$")]
    private static partial Regex Quarter();
}
