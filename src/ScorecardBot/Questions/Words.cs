namespace ScorecardBot.Questions;

/// <summary>Stemming and typo tolerance, small enough to reason about: enough for "briefings" to meet "briefed" and "hotlne" to meet "hotline".</summary>
public static class Words
{
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) w = w[..^3] + "y";
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) w = w[..^3];
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) w = w[..^2];
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
        return tolerance > 0 && Math.Abs(input.Length - known.Length) <= tolerance && Distance(input, known, tolerance) <= tolerance;
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
