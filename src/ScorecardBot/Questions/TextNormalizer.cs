using System.Globalization;
using System.Text;

namespace ScorecardBot.Questions;

/// <summary>Turns whatever was typed into lower-case words: no controls, no bidi marks, no emoji, nothing longer than we read.</summary>
public static class TextNormalizer
{
    public const int MaxLength = 500;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var input = text.Length > MaxLength * 2 ? text[..(MaxLength * 2)] : text;
        var output = new StringBuilder(input.Length);
        foreach (var rune in input.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune))
            {
                output.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (rune.Value is '%' or '/' or '#' or '&' or '\'' or '-' or '.')
            {
                output.Append((char)rune.Value);
            }
            else if (rune.Value is '\u2019' or '\u2018')
            {
                output.Append('\'');
            }
            else if (rune.Value is '\u2013' or '\u2014')
            {
                output.Append('-');
            }
            else if (category is not (UnicodeCategory.Format or UnicodeCategory.NonSpacingMark))
            {
                // Bidi marks, zero-width joiners and combining marks vanish; everything else separates words.
                output.Append(' ');
            }
            if (output.Length >= MaxLength) break;
        }
        return string.Join(' ', output.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Words, with edge punctuation trimmed ("july." → "july", "'appropriate'" → "appropriate").</summary>
    public static List<string> Tokens(string normalized)
    {
        var tokens = new List<string>();
        foreach (var raw in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('.', '\'', '-', '/', '#', '&');
            if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
            if (word.Length > 0) tokens.Add(word);
        }
        return tokens;
    }
}
