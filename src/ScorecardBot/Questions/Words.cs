namespace ScorecardBot.Questions;

/// <summary>Stemming and typo tolerance, small enough to reason about: enough for "briefings" to meet "briefed" and "hotlne" to meet "hotline".</summary>
public static class Words
{
    /// <summary>The word without a plural ending: "zones" → "zone", "briefings" → "briefing".</summary>
    public static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> KnownStems = new(StringComparer.Ordinal);

    /// <summary>
    /// The stem of a word from the code or the scorecard definition (a cue, an alias, a component name), remembered:
    /// those sets are fixed, so the cache is bounded. Words typed by users are stemmed once per question instead.
    /// </summary>
    public static string StemOfKnown(string word) => KnownStems.GetOrAdd(word, Stem);

    public static string Stem(string word)
    {
        var w = Singular(word);
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) w = w[..^3];
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) w = w[..^2];
        // "management" meets "managing" and "managed".
        else if (w.Length > 7 && w.EndsWith("ment", StringComparison.Ordinal)) w = w[..^4];
        if (w.Length > 4 && w.EndsWith('e')) w = w[..^1];
        return w;
    }

    /// <summary>How many typos a word of this length may carry and still be recognised.</summary>
    public static int Tolerance(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    public static bool Similar(string input, string known)
    {
        if (input == known) return true;
        var tolerance = Math.Min(Tolerance(input.Length), Tolerance(known.Length));
        if (tolerance == 1) return WithinOneEdit(input, known);
        return tolerance > 0 && Math.Abs(input.Length - known.Length) <= tolerance && Distance(input, known, tolerance) <= tolerance;
    }

    /// <summary>
    /// <c>Distance(a, b, 1) &lt;= 1</c> in one pass: equal, or one letter changed, added, dropped, or two neighbours
    /// swapped. Most comparisons the recogniser makes are of this kind, so it skips the table.
    /// </summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64) return false;
        var longer = a.Length - b.Length;
        if (longer is > 1 or < -1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == a.Length && i == b.Length) return true;
        if (longer == 1) return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i));
        if (longer == -1) return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
        if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))) return true;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), giving up past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (a.Length > 64 || b.Length > 64) return int.MaxValue;
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return int.MaxValue;
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }
}
