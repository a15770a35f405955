using ScorecardBot.Core.Definition;

namespace ScorecardBot.Questions.Language;

/// <summary>Cue phrases, with the stem of each word worked out once.</summary>
public sealed class Cues
{
    public Cues(IEnumerable<string[]> phrases)
    {
        Phrases = phrases.Where(p => p.Length > 0).ToArray();
        Stems = Phrases.Select(p => p.Select(Words.Stem).ToArray()).ToArray();
    }

    public string[][] Phrases { get; }

    public string[][] Stems { get; }

    public Cues Where(Func<string[], bool> keep) => new(Phrases.Where(keep));
}

/// <summary>
/// The language's cue phrases made ready to match: split into words, stemmed once, and the Key's band filled in
/// from the scorecard ("more than {band}" is "more than 10%" for the paper, "more than 5%" for a 5% scorecard).
/// </summary>
public sealed class CueWords
{
    /// <summary>The cues whose one-word phrases make <see cref="CueStems"/>.</summary>
    private static readonly string[] CueStemNames =
        ["trend", "target", "comment", "count", "help", "glossary", "offTarget", "green", "red", "amber", "projection", "changes"];

    private readonly Dictionary<string, Cues> _cues = new(StringComparer.Ordinal);

    public CueWords(LanguageWords language, ScorecardDefinition definition)
    {
        Language = language;
        var bands = definition.Measures.Select(m => m.Tolerance).Distinct().ToList();
        foreach (var (name, phrases) in language.Cues)
        {
            _cues[name] = new Cues(phrases.SelectMany(p => WithBands(p, bands)).Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }
        OffTargetPhrase = this["offTarget"].Where(c => c.Length > 1 || c[0] is "exception");
        ScorecardName = this["scorecard"].Where(c => c[0] is not "measures" and not "all");
        // The stem of every one-word cue: words that already mean something, never taken for a misspelt measure word.
        CueStems = CueStemNames
            .SelectMany(n => this[n].Phrases.Where(p => p.Length == 1).Select(p => Words.Stem(p[0])))
            .ToHashSet(StringComparer.Ordinal);
    }

    public LanguageWords Language { get; }

    public Cues this[string name] => _cues[name];

    /// <summary>The off-target phrases that say so outright ("off target"), not words that also have other uses ("behind").</summary>
    public Cues OffTargetPhrase { get; }

    /// <summary>Words naming the scorecard itself, not "all" or "measures", which also qualify other questions.</summary>
    public Cues ScorecardName { get; }

    public IReadOnlySet<string> CueStems { get; }

    private static IEnumerable<string> WithBands(string phrase, IReadOnlyList<decimal> bands)
    {
        if (!phrase.Contains('{')) return [phrase];
        return bands.Select(b => phrase
            .Replace("{band}", KeyWords.Band(b), StringComparison.Ordinal)
            .Replace("{bandNumber}", KeyWords.Band(b).TrimEnd('%'), StringComparison.Ordinal)).Distinct();
    }
}
