using ScorecardBot.Questions.Language;

namespace ScorecardBot.Questions;

/// <summary>
/// Puts back together what dictation takes apart: acronyms spelt letter by letter ("c t i o"), numbers and years in
/// words ("two thousand and seven", "twenty oh seven"), and words split in two ("hot line"). Only joins that make a
/// word the scorecard knows are made, so ordinary words are left alone.
/// </summary>
public static class Dictation
{
    public static List<string> Rejoin(List<string> tokens, Vocabulary vocabulary)
    {
        if (tokens.Count < 2) return tokens;
        var language = vocabulary.Language;
        var joined = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SpeltOut(tokens, i, vocabulary) is { } spelt)
            {
                joined.Add(spelt.Word);
                i += spelt.Letters - 1;
                continue;
            }
            if (Year(tokens, i, language) is { } year)
            {
                joined.Add(year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
                i += year.Words - 1;
                continue;
            }
            if (i + 1 < tokens.Count && Split(tokens[i], tokens[i + 1], vocabulary) is { } whole)
            {
                joined.Add(whole);
                i++;
                continue;
            }
            joined.Add(tokens[i]);
        }
        return joined;
    }

    /// <summary>"c t i o": two or more single letters that together spell a word the scorecard knows.</summary>
    private static (string Word, int Letters)? SpeltOut(List<string> tokens, int at, Vocabulary vocabulary)
    {
        var end = at;
        while (end < tokens.Count && tokens[end].Length == 1 && char.IsAsciiLetterLower(tokens[end][0])) end++;
        for (var length = end - at; length >= 2; length--)
        {
            var word = string.Concat(tokens.Skip(at).Take(length));
            if (vocabulary.IsKnownWord(word)) return (word, length);
        }
        return null;
    }

    /// <summary>"two thousand and seven", "two thousand seven", "twenty oh seven", "twenty twenty four".</summary>
    private static (int Year, int Words)? Year(List<string> tokens, int at, LanguageWords language)
    {
        string? At(int i) => i < tokens.Count ? tokens[i] : null;
        if (language.Number(tokens[at]) is { } thousands and >= 1 and <= 2 && At(at + 1) == "thousand")
        {
            var next = At(at + 2) == "and" ? at + 3 : at + 2;
            var (rest, used) = SmallNumber(tokens, next, language);
            return (thousands * 1000 + rest, next - at + used);
        }
        if (tokens[at] is "twenty" && At(at + 1) is { } second)
        {
            if (second is "oh" or "o" or "zero" && At(at + 2) is { } unit && language.Number(unit) is { } u and < 10) return (2000 + u, 3);
            var (rest, used) = SmallNumber(tokens, at + 1, language);
            if (used > 0 && rest >= 10) return (2000 + rest, 1 + used);
        }
        return null;
    }

    /// <summary>A number below 100 in words ("seven", "twenty four"), and how many words it took.</summary>
    private static (int Value, int Words) SmallNumber(List<string> tokens, int at, LanguageWords language)
    {
        if (at >= tokens.Count) return (0, 0);
        if (language.Tens.TryGetValue(tokens[at], out var tens))
        {
            if (tens >= 20 && at + 1 < tokens.Count && language.Numbers.TryGetValue(tokens[at + 1], out var unit) && unit < 10) return (tens + unit, 2);
            return (tens, 1);
        }
        return language.Numbers.TryGetValue(tokens[at], out var n) ? (n, 1) : (0, 0);
    }

    /// <summary>"hot line" → "hotline": two words that together are one the scorecard knows, and apart are not both known.</summary>
    private static string? Split(string first, string second, Vocabulary vocabulary)
    {
        if (first.Length < 2 || second.Length < 2 || !first.All(char.IsAsciiLetterLower) || !second.All(char.IsAsciiLetterLower)) return null;
        if (vocabulary.StopWords.Contains(first) || vocabulary.StopWords.Contains(second)) return null;
        var whole = first + second;
        if (whole.Length < 5 || !vocabulary.IsKnownWord(whole)) return null;
        return vocabulary.IsKnownWord(first) && vocabulary.IsKnownWord(second) ? null : whole;
    }
}
