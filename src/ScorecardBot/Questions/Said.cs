using ScorecardBot.Questions.Language;

namespace ScorecardBot.Questions;

/// <summary>The question's words, their stems, and which words have been read as something already.</summary>
public sealed class Said(List<string> tokens, IReadOnlySet<string> stopWords)
{
    public List<string> Tokens { get; } = tokens;

    public string[] Stems { get; } = tokens.Select(Words.Stem).ToArray();

    public bool[] Used { get; } = new bool[tokens.Count];

    public int Count => Tokens.Count;

    /// <summary>Whether any cue phrase occurs: word for word, by stem ("targets", "aiming"), or with a typo in a long word.</summary>
    public bool HasAny(Cues cues, Func<Said, int, bool>? accept = null) => Find(cues, accept) >= 0;

    /// <summary>Where the first cue phrase occurs, or -1.</summary>
    public int Find(Cues cues, Func<Said, int, bool>? accept = null)
    {
        var (phrases, stems) = (cues.Phrases, cues.Stems);
        for (var p = 0; p < phrases.Length; p++)
        {
            var phrase = phrases[p];
            for (var i = 0; i + phrase.Length <= Tokens.Count; i++)
            {
                var match = true;
                for (var k = 0; k < phrase.Length && match; k++) match = Means(i + k, phrase[k], stems[p][k]);
                if (match && (accept is null || accept(this, i))) return i;
            }
        }
        return -1;
    }

    /// <summary>Whether the question starts with one of these phrases ("and", "what about").</summary>
    public bool StartsWith(Cues cues) => Find(cues, (_, at) => at == 0) == 0;

    /// <summary>Whether any word is exactly one of these.</summary>
    public bool AnyWord(params string[] words) => Tokens.Any(t => words.Contains(t));

    // One typo is allowed only in a long cue, and never turns a common word into a cue ("were" is not "where",
    // "comments" is not "commands").
    private bool Means(int at, string cue, string cueStem) =>
        Tokens[at] == cue || (cue.Length >= 3 && Stems[at] == cueStem)
        || (cue.Length >= 5 && !stopWords.Contains(Tokens[at]) && (Words.WithinOneEdit(Tokens[at], cue) || Words.WithinOneEdit(Stems[at], cueStem)));
}
