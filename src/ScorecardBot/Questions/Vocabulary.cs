using ScorecardBot.Core.Definition;
using ScorecardBot.Questions.Language;

namespace ScorecardBot.Questions;

/// <summary>
/// The words the scorecard is known by, read from its definition: titles, short names, aliases, component names,
/// commands and glossary terms. A word shared by several measures counts for less ("calls" is IED or hotline).
/// </summary>
public sealed partial class Vocabulary
{
    private readonly List<Keyword> _keywords = [];
    private readonly Dictionary<string, List<Keyword>> _exact = new(StringComparer.Ordinal);
    // Measures and components are the definition's own objects: keyed by reference, not hashed field by field as records.
    private readonly Dictionary<Measure, HashSet<string>> _ownWords = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Measure, HashSet<string>> _ownWordsAsTyped = new(ReferenceEqualityComparer.Instance);

    public Vocabulary(ScorecardDefinition definition, LanguageWords language, ScorecardWords words)
    {
        Definition = definition;
        Language = language;
        Extras = words;
        var byWord = new Dictionary<string, (string Raw, HashSet<Measure> Measures)>(StringComparer.Ordinal);
        foreach (var measure in definition.Measures)
        {
            var sources = new List<string> { measure.Title, measure.ShortName };
            sources.AddRange(measure.Aliases);
            foreach (var c in measure.Components)
            {
                sources.Add(c.Name);
                sources.AddRange(c.Aliases);
            }
            foreach (var word in sources.SelectMany(Split))
            {
                var stem = Words.Stem(word);
                if (!byWord.TryGetValue(stem, out var entry)) byWord[stem] = entry = (word, []);
                entry.Measures.Add(measure);
            }
            // The words a measure is itself called by: a component phrase made only of these names the measure, not the figure.
            var own = new[] { measure.Title, measure.ShortName }.Concat(measure.Aliases).SelectMany(Split).ToList();
            _ownWords[measure] = own.Select(Words.Stem).ToHashSet(StringComparer.Ordinal);
            _ownWordsAsTyped[measure] = own.Select(Words.Singular).ToHashSet(StringComparer.Ordinal);
            MeasurePhrases.AddRange(measure.Aliases.Append(measure.ShortName).Select(a => new Phrase(Split(a), measure, null)));
            foreach (var c in measure.Components)
            {
                ComponentPhrases.AddRange(c.Aliases.Append(c.Name).Select(a => new Phrase(Split(a), measure, c)));
            }
        }

        foreach (var (stem, (raw, measures)) in byWord)
        {
            var keyword = new Keyword(stem, raw, measures.ToArray(), 1.0 / measures.Count);
            _keywords.Add(keyword);
            if (!_exact.TryGetValue(stem, out var list)) _exact[stem] = list = [];
            list.Add(keyword);
        }

        Commands = definition.Commands
            .Select(c => (c, c.Code.ToLowerInvariant(), TextNormalizer.Tokens(TextNormalizer.Normalize(PlainName(c)), language).ToArray()))
            .ToList();

        // Terms keep every word: "SO" and "MPS" are glossary terms even though they are stop words elsewhere.
        Glossary = definition.Glossary.Concat(DerivedAcronyms(definition))
            .Select(g => (TextNormalizer.Tokens(TextNormalizer.Normalize(g.Term), language).ToArray(), g)).ToList();
        foreach (var (tokens, entry) in Glossary) _glossaryWords[entry] = tokens;
    }

    public ScorecardDefinition Definition { get; }

    public LanguageWords Language { get; }

    /// <summary>The scorecard's own extra words: zone colours, named spans, its command codes' prefix.</summary>
    public ScorecardWords Extras { get; }

    public IReadOnlySet<string> StopWords => Language.StopWords;

    /// <summary>Whether a word is one the scorecard is known by as it stands (no typo): a measure's or component's
    /// word, a command code or a glossary term. Used to put dictated words back together ("hot line").</summary>
    public bool IsKnownWord(string token) =>
        _exact.ContainsKey(Words.Stem(token)) || Commands.Any(c => c.Code == token)
        || Glossary.Any(g => g.Tokens is [var only] && only == token);

    public List<Phrase> MeasurePhrases { get; } = [];
    public List<Phrase> ComponentPhrases { get; } = [];
    public List<(string[] Tokens, GlossaryEntry Entry)> Glossary { get; }

    /// <summary>
    /// Acronyms the definition uses but its glossary (the paper's acronyms table) leaves out, spelt out from the words
    /// they abbreviate in the measures' own titles and names: "SNT" from "Safer Neighbourhood Team". One with no such
    /// words ("EXPO") is left alone rather than guessed.
    /// </summary>
    public static IEnumerable<GlossaryEntry> DerivedAcronyms(ScorecardDefinition definition)
    {
        var known = definition.Glossary.Select(g => g.Term).Concat(definition.Commands.Select(c => c.Code)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var texts = definition.Measures.Select(m => m.Title)
            .Concat(definition.Measures.SelectMany(m => m.Components.Select(c => c.Name)))
            .Concat(definition.Measures.SelectMany(m => m.Aliases.Prepend(m.ShortName)))
            .ToList();
        var acronyms = texts.SelectMany(t => Acronym().Matches(t).Select(m => m.Value)).Distinct(StringComparer.Ordinal).Where(a => !known.Contains(a));
        foreach (var acronym in acronyms)
        {
            var meaning = texts.Select(t => SpeltOut(acronym, t)).FirstOrDefault(m => m is not null);
            if (meaning is not null) yield return new GlossaryEntry(acronym, meaning);
        }
    }

    /// <summary>Consecutive words of the text whose initials spell the acronym, as printed ("Safer Neighbourhood Team").</summary>
    private static string? SpeltOut(string acronym, string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        for (var i = 0; i + acronym.Length <= words.Count; i++)
        {
            var run = words.GetRange(i, acronym.Length);
            if (run.Select((w, k) => char.ToUpperInvariant(w[0]) == acronym[k]).All(x => x) && !run.Any(w => w.Equals(acronym, StringComparison.OrdinalIgnoreCase)))
            {
                return string.Join(' ', run);
            }
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z]{2,6}\b")]
    private static partial System.Text.RegularExpressions.Regex Acronym();

    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Za-z][A-Za-z'’-]*")]
    private static partial System.Text.RegularExpressions.Regex Word();

    /// <summary>A command's name without the code it carries in brackets: "Royalty Protection (SO14)" → "Royalty Protection".</summary>
    public static string PlainName(Command command) => string.Join(' ', BracketedCode().Replace(command.Name, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A glossary term by name (the paper's, one spelt out from the titles, or a command code), or null.</summary>
    public GlossaryEntry? FindTerm(string term)
    {
        foreach (var (_, entry) in Glossary)
        {
            if (string.Equals(entry.Term, term, StringComparison.OrdinalIgnoreCase)) return entry;
        }
        return Definition.FindCommand(term) is { } command ? new GlossaryEntry(command.Code, PlainName(command)) : null;
    }

    /// <summary>A glossary term's words as typed in a question.</summary>
    public string[] GlossaryWords(GlossaryEntry entry) =>
        _glossaryWords.TryGetValue(entry, out var words) ? words : TextNormalizer.Tokens(TextNormalizer.Normalize(entry.Term), Language).ToArray();

    private readonly Dictionary<GlossaryEntry, string[]> _glossaryWords = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each command with its code as typed in lower case and the words of its name, without a bracketed code.</summary>
    public List<(Command Command, string Code, string[] NameWords)> Commands { get; }

    /// <summary>The keywords a word of the question may be: the same stem, or within typing distance.</summary>
    public IEnumerable<Keyword> Match(string token, bool fuzzy = true)
    {
        var stem = Words.Stem(token);
        if (_exact.TryGetValue(stem, out var exact)) return exact;
        if (token.Length < 4 || !fuzzy) return [];
        return _keywords.Where(k => Words.Similar(stem, k.Stem) || Words.Similar(token, k.Raw));
    }

    /// <summary>Whether a word is one the measure itself is called by (its title, short name or aliases).</summary>
    public bool IsOwnWord(Measure measure, string word) => _ownWords.TryGetValue(measure, out var own) && own.Contains(Words.StemOfKnown(word));

    /// <summary>Whether the measure is called by this word form, plurals aside ("management", but not "managed").</summary>
    public bool IsOwnWordAsTyped(Measure measure, string word) => _ownWordsAsTyped.TryGetValue(measure, out var own) && own.Contains(Words.Singular(word));

    /// <summary>Whether a word of the definition belongs to this measure alone, so naming it names the measure.</summary>
    public bool IsDistinctive(string word, Measure measure) =>
        _exact.TryGetValue(Words.StemOfKnown(word), out var keywords) && keywords.Any(k => k.Measures is [var only] && only == measure);

    /// <summary>A component's printed name as significant words, split once.</summary>
    public string[] NameWords(Component component) => _nameWords.GetOrAdd(component, c => Split(c.Name));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Component, string[]> _nameWords = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a question word stands for a known word (the same stem, or a near miss of it).</summary>
    public static bool Means(string token, string known) => Means(token, Words.Stem(token), known);

    /// <summary>The same, for a question word whose stem the caller already has.</summary>
    public static bool Means(string token, string stem, string known)
    {
        var k = Words.StemOfKnown(known);
        return stem == k || (token.Length >= 4 && (Words.Similar(stem, k) || Words.Similar(token, known)));
    }

    internal string[] Split(string text) =>
        TextNormalizer.Tokens(TextNormalizer.Normalize(text), Language).Where(t => !StopWords.Contains(t) && !t.All(char.IsDigit)).ToArray();


    [System.Text.RegularExpressions.GeneratedRegex(@"\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex BracketedCode();

    public sealed record Keyword(string Stem, string Raw, Measure[] Measures, double Weight);

    public sealed record Phrase(string[] Tokens, Measure Measure, Component? Component);
}
