using System.Globalization;
using System.Text.RegularExpressions;
using ScorecardBot.Questions.Language;

namespace ScorecardBot.Questions.Periods;

/// <summary>
/// Finds the period in a question: "July", "Jul-07", "July 2007", "2007-07", "June to August", "year to date",
/// "2007/8", "last month", "latest", "Q2". Each form is a small named pattern, tried in order; the words a pattern reads
/// are marked used so they are not read as measure names. Quarters and halves are the scorecard's financial year's,
/// resolved against its start later, not fixed months here.
/// </summary>
public sealed partial class PeriodReader(LanguageWords language, ScorecardWords scorecard)
{
    private delegate PeriodSpec? TokenPattern(Reading r, int i);

    private delegate PeriodSpec? PhrasePattern(Reading r);

    /// <summary>A question's words while its period is read, and the words used so far.</summary>
    /// <param name="Separate">Two periods are being compared ("June to August" as "June against August"): months are
    /// not joined into a range by "and", "to", "vs" or a list, only by "through", "until" or a dash.</param>
    private sealed record Reading(IReadOnlyList<string> Tokens, bool[] Used, LanguageWords Language, bool Separate)
    {
        public int Count => Tokens.Count;

        public string this[int i] => Tokens[i];

        public void Use(int from, int to)
        {
            for (var k = from; k <= to; k++) Used[k] = true;
        }

        public bool Phrase(params string[] phrase)
        {
            for (var i = 0; i + phrase.Length <= Tokens.Count; i++)
            {
                var match = true;
                for (var k = 0; k < phrase.Length && match; k++) match = !Used[i + k] && Tokens[i + k] == phrase[k];
                if (!match) continue;
                Use(i, i + phrase.Length - 1);
                return true;
            }
            return false;
        }
    }

    public PeriodSpec Read(IReadOnlyList<string> tokens, bool[] used, bool separate = false)
    {
        var r = new Reading(tokens, used, language, separate);
        // Compound tokens first, word by word: they are unambiguous ("Q1 2007/08" is a quarter, not a year).
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i]) continue;
            foreach (var pattern in TokenPatterns)
            {
                if (pattern(r, i) is { } found) return found;
            }
        }
        foreach (var pattern in PhrasePatterns(r))
        {
            if (pattern(r) is { } found) return found;
        }
        return PeriodSpec.Unspecified;
    }

    private static readonly TokenPattern[] TokenPatterns =
    [
        DayDate, NamedFinancialYear, IsoMonth, FinancialYearToken, ShortFinancialYearToken, MonthWithYearToken,
        MonthSlashYearToken, MonthToMonthToken, QuarterToken, HalfToken, ThreeMonthsToken,
    ];

    private IEnumerable<PhrasePattern> PhrasePatterns(Reading r) =>
    [
        NamedSpans, Halves, ThisQuarter, MonthsTo, LastYear, YearToDate, RelativeMonth, MonthsAgo, LastQuarters, LastMonths,
        OrdinalQuarter, MonthNames, Latest,
    ];

    // ── Compound tokens ──────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>"31/07/2007", "31.08.07": a day's date names its month.</summary>
    private static PeriodSpec? DayDate(Reading r, int i)
    {
        if (DayDatePattern().Match(r[i]) is not { Success: true } day) return null;
        if (int.Parse(day.Groups[2].Value, CultureInfo.InvariantCulture) is not (>= 1 and <= 12 and var month)) return null;
        if (int.Parse(day.Groups[1].Value, CultureInfo.InvariantCulture) is not (>= 1 and <= 31)) return null;
        r.Use(i, i);
        return Extend(r, new PeriodSpec(PeriodKind.Month, r[i]) { Month = month, Year = FullYear(day.Groups[3].Value) }, i, i);
    }

    /// <summary>"FY 2007-08", "financial year 2007-08": a year, though "2007-08" alone is August 2007.</summary>
    private static PeriodSpec? NamedFinancialYear(Reading r, int i)
    {
        if (i == 0 || r[i - 1] is not ("fy" or "fiscal" or "financial" or "year")) return null;
        if (FinancialYearPattern().Match(r[i]) is not { Success: true } named || !IsNextYear(named.Groups[1].Value, named.Groups[2].Value)) return null;
        r.Use(i - 1, i);
        return new PeriodSpec(PeriodKind.YearToDate, r[i]) { FinancialYearStart = int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture) };
    }

    private static PeriodSpec? IsoMonth(Reading r, int i)
    {
        if (IsoMonthPattern().Match(r[i]) is not { Success: true } iso) return null;
        if (int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture) is not (>= 1 and <= 12 and var month)) return null;
        r.Use(i, i);
        return Extend(r, new PeriodSpec(PeriodKind.Month, r[i]) { Month = month, Year = int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture) }, i, i);
    }

    /// <summary>"2007/8", "2007/2008", "fy2007/08".</summary>
    private static PeriodSpec? FinancialYearToken(Reading r, int i)
    {
        if (FinancialYearPattern().Match(r[i]) is not { Success: true } fy || !IsNextYear(fy.Groups[1].Value, fy.Groups[2].Value)) return null;
        r.Use(i, i);
        return new PeriodSpec(PeriodKind.YearToDate, r[i]) { FinancialYearStart = int.Parse(fy.Groups[1].Value, CultureInfo.InvariantCulture) };
    }

    /// <summary>"07/08" with consecutive years is a financial year; a month would be "07/2008".</summary>
    private static PeriodSpec? ShortFinancialYearToken(Reading r, int i)
    {
        if (ShortFinancialYearPattern().Match(r[i]) is not { Success: true } sfy || !IsNextYear(sfy.Groups[1].Value, sfy.Groups[2].Value)) return null;
        r.Use(i, i);
        return new PeriodSpec(PeriodKind.YearToDate, r[i]) { FinancialYearStart = 2000 + int.Parse(sfy.Groups[1].Value, CultureInfo.InvariantCulture) };
    }

    /// <summary>"jul-07", "july'07", "aug2007".</summary>
    private static PeriodSpec? MonthWithYearToken(Reading r, int i)
    {
        if (NamedMonthYearPattern().Match(r[i]) is not { Success: true } nmy || MonthNumber(nmy.Groups[1].Value) is not { } month) return null;
        r.Use(i, i);
        return Extend(r, new PeriodSpec(PeriodKind.Month, r[i]) { Month = month, Year = FullYear(nmy.Groups[2].Value) }, i, i);
    }

    /// <summary>"07/2007", "7-2007".</summary>
    private static PeriodSpec? MonthSlashYearToken(Reading r, int i)
    {
        if (MonthSlashYearPattern().Match(r[i]) is not { Success: true } msy) return null;
        if (int.Parse(msy.Groups[1].Value, CultureInfo.InvariantCulture) is not (>= 1 and <= 12 and var month)) return null;
        r.Use(i, i);
        return Extend(r, new PeriodSpec(PeriodKind.Month, r[i]) { Month = month, Year = int.Parse(msy.Groups[2].Value, CultureInfo.InvariantCulture) }, i, i);
    }

    /// <summary>"jun-aug".</summary>
    private static PeriodSpec? MonthToMonthToken(Reading r, int i)
    {
        if (MonthToMonthPattern().Match(r[i]) is not { Success: true } mm) return null;
        if (MonthNumber(mm.Groups[1].Value) is not { } from || MonthNumber(mm.Groups[2].Value) is not { } to) return null;
        r.Use(i, i);
        return new PeriodSpec(PeriodKind.Range, r[i]) { Month = from, EndMonth = to };
    }

    /// <summary>"Q2", and "Q1 2007/08", whose financial year is the quarter's, not another period.</summary>
    private static PeriodSpec? QuarterToken(Reading r, int i)
    {
        if (QuarterPattern().Match(r[i]) is not { Success: true } q) return null;
        r.Use(i, i);
        int? year = null;
        if (i + 1 < r.Count && FinancialYearPattern().Match(r[i + 1]) is { Success: true } qfy && IsNextYear(qfy.Groups[1].Value, qfy.Groups[2].Value))
            year = int.Parse(qfy.Groups[1].Value, CultureInfo.InvariantCulture);
        else if (i + 1 < r.Count && ShortFinancialYearPattern().Match(r[i + 1]) is { Success: true } sfy && IsNextYear(sfy.Groups[1].Value, sfy.Groups[2].Value))
            year = 2000 + int.Parse(sfy.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is not null) r.Use(i + 1, i + 1);
        return Quarter(int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture), r[i]) with { FinancialYearStart = year };
    }

    /// <summary>"H1", "H2": the financial year's halves.</summary>
    private static PeriodSpec? HalfToken(Reading r, int i)
    {
        if (r[i] is not ("h1" or "h2")) return null;
        r.Use(i, i);
        return new PeriodSpec(PeriodKind.Half, r[i]) { Offset = r[i] == "h1" ? 1 : 2 };
    }

    /// <summary>"june-july-august": three months joined, first to last.</summary>
    private static PeriodSpec? ThreeMonthsToken(Reading r, int i)
    {
        if (ThreeMonthsPattern().Match(r[i]) is not { Success: true } three) return null;
        if (MonthNumber(three.Groups[1].Value) is not { } first || MonthNumber(three.Groups[3].Value) is not { } last || MonthNumber(three.Groups[2].Value) is null) return null;
        r.Use(i, i);
        return new PeriodSpec(PeriodKind.Range, r[i]) { Month = first, EndMonth = last };
    }

    // ── Phrases ──────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Spans the scorecard's readers name ("the summer"), from its own words file.</summary>
    private PeriodSpec? NamedSpans(Reading r)
    {
        foreach (var span in scorecard.NamedSpans)
        {
            if (r.Phrase(span.Phrase.Split(' '))) return new PeriodSpec(PeriodKind.Range, span.Phrase) { Month = span.From, EndMonth = span.To };
        }
        return null;
    }

    /// <summary>"first half of the year", "2nd half".</summary>
    private static PeriodSpec? Halves(Reading r)
    {
        foreach (var (phrase, half) in new (string[], int)[] { (["first", "half"], 1), (["1st", "half"], 1), (["second", "half"], 2), (["2nd", "half"], 2) })
        {
            if (r.Phrase(phrase)) return new PeriodSpec(PeriodKind.Half, string.Join(' ', phrase)) { Offset = half };
        }
        return null;
    }

    private static PeriodSpec? ThisQuarter(Reading r) =>
        r.Phrase("this", "quarter") || r.Phrase("current", "quarter") || r.Phrase("the", "quarter") ? new PeriodSpec(PeriodKind.ThisQuarter, "this quarter") : null;

    /// <summary>"the three months to August": the months ending then.</summary>
    private static PeriodSpec? MonthsTo(Reading r)
    {
        for (var i = 0; i + 3 < r.Count; i++)
        {
            if (r.Used[i] || r.Language.Number(r[i]) is not { } n || n is < 1 or > 12 || r[i + 1] is not ("months" or "month")
                || r[i + 2] is not ("to" or "until" or "ending" or "till") || MonthNumber(r[i + 3]) is not { } end) continue;
            r.Use(i, i + 3);
            return new PeriodSpec(PeriodKind.Range, $"{n} months to {r[i + 3]}") { Month = (end - n + 12) % 12 + 1, EndMonth = end };
        }
        return null;
    }

    /// <summary>"Last year": the year before this scorecard's, which it does not hold; said so rather than ignored.</summary>
    private static PeriodSpec? LastYear(Reading r) =>
        r.Phrase("last", "financial", "year") || r.Phrase("last", "year") || r.Phrase("previous", "year") || r.Phrase("prior", "year")
            ? new PeriodSpec(PeriodKind.YearToDate, "last year") { Offset = -1 }
            : null;

    private static readonly string[][] YearToDatePhrases =
    [
        ["year", "to", "date"], ["ytd"], ["fytd"], ["this", "financial", "year"], ["financial", "year"], ["this", "year"],
        ["year", "so", "far"], ["fy"], ["cumulative"], ["whole", "year"], ["full", "year"], ["fiscal", "year"], ["for", "the", "year"],
    ];

    /// <summary>
    /// Year to date, and "FYTD as at June". "June to date" and "since June so far" are June onwards, read with the
    /// month below; "how up to date are the figures" asks about freshness.
    /// </summary>
    private static PeriodSpec? YearToDate(Reading r)
    {
        var fromMonth = OpensFromMonth(r.Tokens);
        var upToDate = Enumerable.Range(0, Math.Max(0, r.Count - 2)).Any(i => r[i] == "up" && r[i + 1] == "to" && r[i + 2] == "date");
        var said = YearToDatePhrases.Any(p => r.Phrase(p))
            || (!fromMonth && r.Phrase("so", "far")) || (!fromMonth && !upToDate && r.Phrase("to", "date"));
        if (!said) return null;
        var text = string.Join(' ', r.Tokens);
        // "financial year to date", "fiscal ytd": the qualifier is part of the period, not a measure word.
        for (var i = 0; i < r.Count; i++)
        {
            if (r[i] is "financial" or "fiscal" or "fy") r.Used[i] = true;
        }
        for (var i = 0; i < r.Count; i++)
        {
            if (r.Used[i] || MonthNumber(r[i]) is not { } asOf || IsMayVerb(r, i)) continue;
            r.Use(i, i);
            int? asOfYear = i + 1 < r.Count && YearToken(r[i + 1]) is { } y ? y : null;
            if (asOfYear is not null) r.Use(i + 1, i + 1);
            for (var b = Math.Max(0, i - 3); b < i; b++)
            {
                if (r[b] is "as" or "at" or "of" or "end" or "to" or "until" or "till" or "up") r.Used[b] = true;
            }
            return new PeriodSpec(PeriodKind.YearToDate, text) { Month = asOf, Year = asOfYear };
        }
        return new PeriodSpec(PeriodKind.YearToDate, text);
    }

    private static readonly (string[] Phrase, int Offset)[] RelativeMonths =
    [
        (["month", "before", "last"], 2), (["last", "month", "but", "one"], 2), (["next", "month"], -1), (["following", "month"], -1),
        (["last", "month"], 1), (["previous", "month"], 1), (["past", "month"], 1), (["prior", "month"], 1),
        (["this", "month"], 0), (["current", "month"], 0),
    ];

    private static PeriodSpec? RelativeMonth(Reading r)
    {
        foreach (var (phrase, offset) in RelativeMonths)
        {
            if (r.Phrase(phrase)) return new PeriodSpec(PeriodKind.RelativeMonth, string.Join(' ', phrase)) { Offset = offset };
        }
        return null;
    }

    /// <summary>"two months ago", "3 months ago": relative to today, like "last month".</summary>
    private static PeriodSpec? MonthsAgo(Reading r)
    {
        for (var i = 0; i + 2 < r.Count; i++)
        {
            if (r.Used[i] || r.Language.Number(r[i]) is not { } back || back is < 1 or > 24 || r[i + 1] is not ("month" or "months") || r[i + 2] != "ago") continue;
            r.Use(i, i + 2);
            return new PeriodSpec(PeriodKind.RelativeMonth, $"{r[i]} {r[i + 1]} ago") { Offset = back };
        }
        return null;
    }

    /// <summary>"last quarter", "previous 2 quarters": the latest completed financial quarters.</summary>
    private static PeriodSpec? LastQuarters(Reading r)
    {
        for (var i = 0; i + 1 < r.Count; i++)
        {
            if (r.Used[i] || r[i] is not ("last" or "past" or "previous" or "prior")) continue;
            var (count, unit) = r.Language.Number(r[i + 1]) is { } n and >= 1 ? (n, i + 2) : (1, i + 1);
            if (unit >= r.Count || r[unit] is not ("quarter" or "quarters")) continue;
            r.Use(i, unit);
            return new PeriodSpec(PeriodKind.LastQuarters, count == 1 ? "last quarter" : $"last {count} quarters") { Offset = count };
        }
        return null;
    }

    /// <summary>"last 3 months", "past three months": the latest months with figures.</summary>
    private static PeriodSpec? LastMonths(Reading r)
    {
        for (var i = 0; i + 2 < r.Count; i++)
        {
            if (r.Used[i] || r[i] is not ("last" or "past" or "previous" or "prior")) continue;
            if (r.Language.Number(r[i + 1]) is not { } count || count < 1 || r[i + 2] is not ("months" or "month")) continue;
            r.Use(i, i + 2);
            return new PeriodSpec(PeriodKind.LastMonths, $"last {count} months") { Offset = count };
        }
        return null;
    }

    /// <summary>"first quarter", "1st quarter", "quarter 2": financial quarters, like "Q1".</summary>
    private static PeriodSpec? OrdinalQuarter(Reading r)
    {
        for (var i = 0; i + 1 < r.Count; i++)
        {
            if (r.Used[i]) continue;
            var (ordinal, word) = (r[i], r[i + 1]);
            var quarter = word is "quarter" or "qtr" ? QuarterNumber(ordinal) : ordinal is "quarter" ? QuarterNumber(word) : null;
            if (quarter is null) continue;
            r.Use(i, i + 1);
            return Quarter(quarter.Value, ordinal + " " + word);
        }
        return null;
    }

    /// <summary>Month names, with an optional year after them, and ranges between two of them.</summary>
    private static PeriodSpec? MonthNames(Reading r)
    {
        for (var i = 0; i < r.Count; i++)
        {
            if (r.Used[i] || MonthNumber(r[i]) is not { } month || IsMayVerb(r, i)) continue;
            r.Use(i, i);
            var first = i;
            var spec = new PeriodSpec(PeriodKind.Month, r[i]) { Month = month };
            if (i + 1 < r.Count && YearToken(r[i + 1]) is { } year)
            {
                r.Use(i + 1, i + 1);
                spec = spec with { Year = year, Text = r[i] + " " + r[i + 1] };
                i++;
            }
            return Extend(r, spec, first, i);
        }
        return null;
    }

    private static readonly string[] LatestWords = ["latest", "current", "recent", "newest", "now", "today", "currently", "atm", "presently"];

    private static PeriodSpec? Latest(Reading r)
    {
        foreach (var word in LatestWords)
        {
            for (var at = 0; at < r.Count; at++)
            {
                if (r[at] != word) continue;
                r.Use(at, at);
                return new PeriodSpec(PeriodKind.Latest, word);
            }
        }
        return null;
    }

    // ── Shared pieces ────────────────────────────────────────────────────────────────────────────────────────────

    private static readonly string[] MonthNamesLower = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12]
        .Select(n => n.ToLowerInvariant()).ToArray();

    // Words a typo-tolerant month match must never swallow.
    private static readonly HashSet<string> NotMonths = ["match", "mach", "made", "make", "mayor", "just", "junk", "juice", "marc", "mars", "maybe", "jane", "june's"];

    /// <summary>Whether a word is a month's name or its usual short form as written ("sep", "sept"), not a near miss of one.</summary>
    public static bool IsMonthName(string token) =>
        MonthNamesLower.Any(name => token == name || (name.StartsWith(token, StringComparison.Ordinal) && (token.Length == 3 || token == "sept")));

    public static int? MonthNumber(string token)
    {
        if (token.Length < 3 || NotMonths.Contains(token)) return null;
        for (var i = 0; i < 12; i++)
        {
            var name = MonthNamesLower[i];
            if (token == name || (name.StartsWith(token, StringComparison.Ordinal) && (token.Length == 3 || token == "sept"))) return i + 1;
        }
        // "jly", "jne": a four-letter month with one letter dropped.
        if (token.Length == 3)
        {
            for (var i = 5; i <= 6; i++)
            {
                if (token[0] == MonthNamesLower[i][0] && Words.Distance(token, MonthNamesLower[i], 1) == 1) return i + 1;
            }
            return null;
        }
        for (var i = 0; i < 12; i++)
        {
            if (Words.Similar(token, MonthNamesLower[i])) return i + 1;
        }
        return null;
    }

    /// <summary>Whether a word was probably meant as a month but is too far from any to read ("agsut"): said, not guessed.</summary>
    public static bool LooksLikeMonth(string token) =>
        token.Length >= 5 && token.All(char.IsAsciiLetterLower) && MonthNumber(token) is null
        && MonthNamesLower.Any(m => m.Length >= 6 && m[0] == token[0] && Words.Distance(token, m, 2) <= 2);

    /// <summary>"may" is a month only when nothing reads it as a verb ("may I see…").</summary>
    private static bool IsMayVerb(Reading r, int i) => r[i] == "may" && i + 1 < r.Count && r[i + 1] is "i" or "we" or "you";

    private static PeriodSpec Quarter(int quarter, string text) => new(PeriodKind.Quarter, text) { Offset = quarter };

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
    private static PeriodSpec Extend(Reading r, PeriodSpec start, int first, int last)
    {
        var tokens = r.Tokens;
        // A list of months ("jun, jul and aug", "june july august") covers the first to the last of them.
        var end = last;
        for (var j = last + 1; j < tokens.Count && !r.Separate; j++)
        {
            if (tokens[j] is "and" or "&" && j + 1 < tokens.Count && MonthNumber(tokens[j + 1]) is not null) continue;
            if (MonthNumber(tokens[j]) is null || (j > last + 1 && tokens[j - 1] is not ("and" or "&") && MonthNumber(tokens[j - 1]) is null)) break;
            end = j;
        }
        if (end > last)
        {
            r.Use(last + 1, end);
            MarkRangeOpeners(r, last);
            return new PeriodSpec(PeriodKind.Range, start.Text + " to " + tokens[end]) { Month = start.Month, Year = start.Year, EndMonth = MonthNumber(tokens[end])!.Value };
        }

        var i = last + 1;
        var joins = r.Separate ? ["until", "till", "til", "through", "thru", "-", "upto"]
            : new[] { "to", "until", "till", "til", "through", "thru", "and", "-", "upto" };
        if (i < tokens.Count && !r.Used[i] && joins.Contains(tokens[i]))
        {
            var j = i + 1;
            // "between 1 June and 31 August": the day before a month is not the range's end.
            if (j + 1 < tokens.Count && IsDayOfMonth(r.Language, tokens[j]) && MonthOrCompound(tokens[j + 1]).Month > 0)
            {
                r.Used[j] = true;
                j++;
            }
            if (j < tokens.Count && MonthOrCompound(tokens[j]) is var (endMonth, endYear) && endMonth > 0)
            {
                r.Used[i] = r.Used[j] = true;
                if (endYear is null && j + 1 < tokens.Count && YearToken(tokens[j + 1]) is { } y)
                {
                    r.Used[j + 1] = true;
                    endYear = y;
                }
                MarkRangeOpeners(r, last);
                return new PeriodSpec(PeriodKind.Range, start.Text + " to " + tokens[j]) { Month = start.Month, Year = start.Year, EndMonth = endMonth, EndYear = endYear };
            }
        }
        return OpenEnded(r, start, first, last) ?? start;
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
    private static PeriodSpec? OpenEnded(Reading r, PeriodSpec start, int first, int last)
    {
        var tokens = r.Tokens;
        var before = first > 0 && !r.Used[first - 1] ? tokens[first - 1] : null;
        // "before August": the year's months until then; "after June": from the month after; "up to July": the year to date then.
        if (before is "before" or "prior")
        {
            r.Used[first - 1] = true;
            return new PeriodSpec(PeriodKind.Before, "before " + start.Text) { Month = start.Month, Year = start.Year };
        }
        if (before is "after")
        {
            r.Used[first - 1] = true;
            var next = start.Month % 12 + 1;
            return new PeriodSpec(PeriodKind.Since, "after " + start.Text) { Month = next, Year = start.Year is { } y && next == 1 ? y + 1 : start.Year };
        }
        if (before is "until" or "till" or "til" or "upto" || (before is "to" && first > 1 && tokens[first - 2] == "up"))
        {
            r.Used[first - 1] = true;
            if (before == "to") r.Used[first - 2] = true;
            return new PeriodSpec(PeriodKind.YearToDate, "up to " + start.Text) { Month = start.Month, Year = start.Year };
        }
        var since = before is not null && (IsSince(before) || before == "from");
        var after = last + 1 < tokens.Count && !r.Used[last + 1] ? tokens[last + 1] : null;
        var then = last + 2 < tokens.Count && !r.Used[last + 2] ? tokens[last + 2] : null;
        var closing = after switch
        {
            not null when IsOnwards(after) => 1,
            "on" when first > 0 && tokens[first - 1] == "from" => 1,
            not null when IsUntilNow(after, then) => 2,
            _ => 0,
        };
        if (!since && closing == 0) return null;
        if (since) r.Used[first - 1] = true;
        for (var k = 1; k <= closing; k++) r.Used[last + k] = true;
        var text = (since ? before + " " : "") + start.Text + (closing > 0 ? " " + string.Join(' ', tokens.Skip(last + 1).Take(closing)) : "");
        return new PeriodSpec(PeriodKind.Since, text) { Month = start.Month, Year = start.Year };
    }

    private static bool IsSince(string token) => token is "since" or "sinse" or "snce";

    private static bool IsOnwards(string token) => token is "onwards" or "onward" or "forward" or "forwards";

    /// <summary>"to date", "till now", "until today".</summary>
    private static bool IsUntilNow(string until, string? now) => until is "to" or "till" or "til" or "until" && now is "date" or "now" or "today";

    /// <summary>"1", "31st": a day of the month, written before the month's name.</summary>
    private static bool IsDayOfMonth(LanguageWords language, string token) =>
        (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || language.Ordinal(token) is { } ordinal && (day = ordinal) > 0)
        && day is >= 1 and <= 31;

    /// <summary>"from" and "between" belong to the range they open.</summary>
    private static void MarkRangeOpeners(Reading r, int before)
    {
        for (var b = 0; b < before; b++)
        {
            if (r[b] is "from" or "between") r.Used[b] = true;
        }
    }

    private static (int Month, int? Year) MonthOrCompound(string token)
    {
        if (MonthNumber(token) is { } m) return (m, null);
        if (NamedMonthYearPattern().Match(token) is { Success: true } nmy && MonthNumber(nmy.Groups[1].Value) is { } m2) return (m2, FullYear(nmy.Groups[2].Value));
        if (IsoMonthPattern().Match(token) is { Success: true } iso && int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m3)
            return (m3, int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture));
        return (0, null);
    }

    public static int? YearToken(string token)
    {
        var t = token.TrimStart('\'');
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100) return y;
        if (token.StartsWith('\'') && t.Length == 2 && int.TryParse(t, CultureInfo.InvariantCulture, out var yy)) return 2000 + yy;
        if (t.Length == 2 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y2) && y2 is >= 0 and <= 40) return 2000 + y2;
        return null;
    }

    private static int FullYear(string digits) => digits.Length == 2 ? 2000 + int.Parse(digits, CultureInfo.InvariantCulture) : int.Parse(digits, CultureInfo.InvariantCulture);

    private static bool IsNextYear(string start, string end)
    {
        var s = int.Parse(start, CultureInfo.InvariantCulture);
        var e = int.Parse(end, CultureInfo.InvariantCulture);
        return end.Length switch
        {
            1 => (s + 1) % 10 == e,
            2 => (s + 1) % 100 == e,
            4 => s + 1 == e,
            _ => false,
        };
    }

    [GeneratedRegex(@"^(?:fy)?(\d{2})/(\d{2})$")]
    private static partial Regex ShortFinancialYearPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})$")]
    private static partial Regex IsoMonthPattern();

    [GeneratedRegex(@"^(?:fy)?(\d{4})[/-](\d{1}|\d{2}|\d{4})$")]
    private static partial Regex FinancialYearPattern();

    [GeneratedRegex(@"^([a-z]{3,9})[-/']?(\d{2,4})$")]
    private static partial Regex NamedMonthYearPattern();

    [GeneratedRegex(@"^(\d{1,2})[/-](\d{4})$")]
    private static partial Regex MonthSlashYearPattern();

    [GeneratedRegex(@"^([a-z]{3,9})[-/]([a-z]{3,9})$")]
    private static partial Regex MonthToMonthPattern();

    [GeneratedRegex(@"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")]
    private static partial Regex DayDatePattern();

    [GeneratedRegex(@"^([a-z]{3,9})-([a-z]{3,9})-([a-z]{3,9})$")]
    private static partial Regex ThreeMonthsPattern();

    [GeneratedRegex(@"^q([1-4])$")]
    private static partial Regex QuarterPattern();
}
