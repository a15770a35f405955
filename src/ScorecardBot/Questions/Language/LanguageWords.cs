using System.Text.Json;

namespace ScorecardBot.Questions.Language;

/// <summary>
/// The words the bot understands in one language apart from the scorecard's own: cue phrases for what kind of answer
/// is wanted, greetings, stop words, shorthand and number words. Data (scorecard/language.en.json), not code, so a
/// new phrasing or a new language is a data change.
/// </summary>
public sealed class LanguageWords
{
    /// <summary>Every cue the recogniser consults; a file without one of these is refused at start.</summary>
    public static readonly string[] RequiredCues =
    [
        "glossaryList", "glossary", "help", "scorecard", "red", "amber", "green", "offTarget", "trend", "target", "comment",
        "count", "what", "whatOrWho", "listing", "report", "againstTarget", "notOnTarget", "key", "statusWorkedOut",
        "freshness", "owner", "missed", "negation", "compare", "objective", "followUp", "why", "missAny", "worst", "byMonth", "statusMeaning", "submit", "whoCan", "revisions", "lock", "unlock",
        "subscribe", "unsubscribe", "alertsStatus", "previewAlerts", "runAlerts", "alertsLog",
        "pack", "packPdf", "packExcel", "packOtherFormat",
    ];

    public required string Language { get; init; }
    public required IReadOnlyDictionary<string, string[]> Cues { get; init; }
    public required IReadOnlySet<string> Greetings { get; init; }
    public required IReadOnlySet<string> Thanks { get; init; }
    public required string[] WhatIsWords { get; init; }
    public required string[] WhoIsWords { get; init; }
    public required IReadOnlySet<string> StopWords { get; init; }
    public required IReadOnlyDictionary<string, string> Shorthand { get; init; }
    public required IReadOnlyDictionary<string, int> Numbers { get; init; }
    public required IReadOnlyDictionary<string, int> Ordinals { get; init; }

    /// <summary>Periods a monthly scorecard cannot show ("week", "yesterday"): said, never silently replaced.</summary>
    public required IReadOnlySet<string> UnsupportedPeriods { get; init; }

    /// <summary>Words of a polite request ("a brief word") never read as a measure's topic.</summary>
    public required IReadOnlySet<string> PoliteWords { get; init; }

    /// <summary>Words read for numbers when dictated: "twenty" is 20, "thousand" multiplies.</summary>
    public required IReadOnlyDictionary<string, int> Tens { get; init; }

    /// <summary>Shorthand people type in chat ("mgmt", "tgt", "wot") spelt out, so the rest meets one word.</summary>
    public string Expand(string word) => Shorthand.GetValueOrDefault(word, word);

    /// <summary>"3" or "three": a small whole number typed as digits or a word.</summary>
    public int? Number(string token) =>
        int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : Numbers.TryGetValue(token, out var w) ? w : null;

    /// <summary>"3rd" or "third": a small ordinal typed as digits or a word.</summary>
    public int? Ordinal(string token)
    {
        if (Ordinals.TryGetValue(token, out var w)) return w;
        if (token.Length >= 3 && token[^2..] is "st" or "nd" or "rd" or "th" && Number(token[..^2]) is { } n) return n;
        return null;
    }

    public static LanguageWords Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The language file {path} cannot be read: {e.Message}");
        }
        return Parse(json, path);
    }

    public static LanguageWords Parse(string json, string fileName)
    {
        Data? file;
        try
        {
            file = JsonSerializer.Deserialize<Data>(json, HandWrittenJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The language file {fileName} is not valid: {e.Message}");
        }
        if (file?.Cues is null) throw new InvalidDataException($"The language file {fileName} has no cues.");
        var missing = RequiredCues.Where(c => !file.Cues.TryGetValue(c, out var phrases) || phrases.Length == 0).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"The language file {fileName} lacks the cues {string.Join(", ", missing)}.");

        static HashSet<string> Set(string[]? words) => new(words ?? [], StringComparer.Ordinal);
        return new LanguageWords
        {
            Language = file.Language ?? "en",
            Cues = file.Cues,
            Greetings = Set(file.Greetings),
            Thanks = Set(file.Thanks),
            WhatIsWords = file.WhatIsWords ?? [],
            WhoIsWords = file.WhoIsWords ?? [],
            StopWords = Set(file.StopWords),
            Shorthand = file.Shorthand ?? new Dictionary<string, string>(),
            Numbers = file.Numbers ?? new Dictionary<string, int>(),
            Ordinals = file.Ordinals ?? new Dictionary<string, int>(),
            UnsupportedPeriods = Set(file.UnsupportedPeriods),
            PoliteWords = Set(file.PoliteWords),
            Tens = file.Tens ?? new Dictionary<string, int>(),
        };
    }

    private sealed record Data(
        string? Language,
        Dictionary<string, string[]>? Cues,
        string[]? Greetings,
        string[]? Thanks,
        string[]? WhatIsWords,
        string[]? WhoIsWords,
        string[]? StopWords,
        Dictionary<string, string>? Shorthand,
        Dictionary<string, int>? Numbers,
        Dictionary<string, int>? Ordinals,
        string[]? UnsupportedPeriods,
        string[]? PoliteWords,
        Dictionary<string, int>? Tens);
}
