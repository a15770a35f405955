using System.Globalization;
using System.Text;
using ScorecardBot.Questions.Language;

namespace ScorecardBot.Questions;

/// <summary>Turns whatever was typed into lower-case words: no controls, no bidi marks, no emoji, nothing longer than we read.</summary>
public static class TextNormalizer
{
    public const int MaxLength = 500;

    /// <summary>How much of the typed text is read at all: twice what is kept, so noise that vanishes leaves room.</summary>
    public const int MaxInputLength = MaxLength * 2;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var input = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        var output = new StringBuilder(input.Length);
        foreach (var rune in Fold(input).EnumerateRunes())
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

    /// <summary>
    /// Compatibility forms folded to what they stand for, as NFKC would: the bot runs with invariant globalization (no
    /// ICU), under which string.Normalize leaves them as they are. Full-width letters, digits and signs (East Asian
    /// keyboards), the ideographic space, Latin ligatures (text pasted from PDFs) and superscript and subscript digits.
    /// </summary>
    public static string Fold(string text)
    {
        StringBuilder? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = Folded(text[i]);
            if (replacement is null)
            {
                folded?.Append(text[i]);
                continue;
            }
            folded ??= new StringBuilder(text.Length).Append(text, 0, i);
            folded.Append(replacement);
        }
        return folded?.ToString() ?? text;
    }

    private static string? Folded(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => ((char)(c - 0xFEE0)).ToString(),
        '\u3000' => " ",
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        '\u00B9' => "1",
        '\u00B2' => "2",
        '\u00B3' => "3",
        '\u2070' => "0",
        >= '\u2074' and <= '\u2079' => ((char)('4' + (c - '\u2074'))).ToString(),
        >= '\u2080' and <= '\u2089' => ((char)('0' + (c - '\u2080'))).ToString(),
        _ => null,
    };

    /// <summary>
    /// Words, with edge punctuation trimmed ("july." → "july", "'appropriate'" → "appropriate") and shorthand spelt out
    /// ("mgmt" → "management"). A lone dash stays: it joins a range ("jun - aug"). "#3" stays: it names a measure.
    /// </summary>
    public static List<string> Tokens(string normalized, LanguageWords language)
    {
        var tokens = new List<string>();
        foreach (var raw in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw is "-" or "--")
            {
                tokens.Add("-");
                continue;
            }
            var word = raw.Trim('.', '\'', '-', '/', '&').TrimEnd('#');
            if (word.Length > 1 && word[0] == '#' && !word[1..].All(char.IsAsciiDigit)) word = word.TrimStart('#');
            if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
            if (word.Length == 0) continue;
            // "jun/jul/aug", "red/amber": a slash between words is a list; between digits it is a date or a year.
            if (word.Contains('/') && !word.Any(char.IsAsciiDigit))
            {
                tokens.AddRange(word.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(language.Expand));
                continue;
            }
            tokens.Add(language.Expand(word));
        }
        return tokens;
    }
}
