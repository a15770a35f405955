using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions.Language;

namespace ScorecardBot.Questions;

/// <summary>
/// Everything the extractors found in one message, before any rule decides what is asked: the periods, the command,
/// the measures (by number, by name, with their scores), the component, the statuses, the glossary term, and which
/// cue phrases were said. Filled once by <see cref="SlotExtractor"/>; read by the rules in <see cref="IntentRules"/>.
/// </summary>
public sealed record Slots
{
    public required string Text { get; init; }
    public required Said Said { get; init; }
    public required CueWords Cues { get; init; }
    public required ScorecardDefinition Definition { get; init; }

    /// <summary>The person's previous request in this conversation, if it is still remembered.</summary>
    public Request? Previous { get; init; }

    public required PeriodSpec Period { get; init; }

    /// <summary>A second period, read only when a comparison is asked for ("July v August").</summary>
    public PeriodSpec? SecondPeriod { get; init; }
    public Command? Command { get; init; }
    public string? UnknownCommandNote { get; init; }
    public Measure? Numbered { get; init; }
    public int? UnknownNumber { get; init; }
    public IReadOnlyList<Measure> NumberedList { get; init; } = [];
    public IReadOnlySet<Status>? Statuses { get; init; }
    public GlossaryEntry? Term { get; init; }

    /// <summary>Measures by name, best first.</summary>
    public IReadOnlyList<KeyValuePair<Measure, double>> Ranked { get; init; } = [];

    /// <summary>Measures named outright (an alias holding a word of theirs alone).</summary>
    public IReadOnlySet<Measure> Named { get; init; } = new HashSet<Measure>();

    /// <summary>Measures called by a whole alias or short name.</summary>
    public IReadOnlySet<Measure> Phrased { get; init; } = new HashSet<Measure>();

    /// <summary>The measures the question is about: by number, or the best name and any close runners-up.</summary>
    public required IReadOnlyList<Measure> Measures { get; init; }
    public Component? Component { get; init; }
    public IReadOnlyList<Component> ComponentCandidates { get; init; } = [];

    /// <summary>Components of the measures meant whose printed name shares a word with the question.</summary>
    public IReadOnlyList<Component> Mentioned { get; init; } = [];

    /// <summary>What kind of answer the cue words ask for when nothing more specific does.</summary>
    public Intent Cued { get; init; }

    /// <summary>Words that meant nothing to any extractor but look meant: a misspelt month, an unsupported period.</summary>
    public IReadOnlyList<string> Unread { get; init; } = [];

    public List<string> Tokens => Said.Tokens;

    public Measure? Best => Ranked.Count > 0 ? Ranked[0].Key : null;

    public bool Has(string cue) => Said.HasAny(Cues[cue]);

    public bool StartsWith(string cue) => Said.StartsWith(Cues[cue]);

    public bool WantsComponent => Has("count");

    /// <summary>Whether every word not yet read is one of these (by stem).</summary>
    public bool OnlyWordsAre(string[] allowed, string[]? alsoAllowed = null)
    {
        for (var i = 0; i < Said.Count; i++)
        {
            if (Said.Used[i]) continue;
            var stem = Said.Stems[i];
            if (!allowed.Any(a => Words.StemOfKnown(a) == stem) && !(alsoAllowed?.Any(a => Words.StemOfKnown(a) == stem) ?? false)) return false;
        }
        return true;
    }

    /// <summary>Whether every word not yet read is a stop word (or one of these).</summary>
    public bool AllUsedOrStop(IReadOnlySet<string> stopWords, params string[] also)
    {
        for (var i = 0; i < Said.Count; i++)
        {
            if (!Said.Used[i] && !stopWords.Contains(Said.Tokens[i]) && !also.Contains(Said.Tokens[i])) return false;
        }
        return true;
    }

    /// <summary>A blank request carrying what every answer needs to know about the question.</summary>
    public Request Base(Intent intent) => new(intent, Text)
    {
        Period = Period,
        Command = Command,
        Statuses = Statuses,
        Note = Command is null ? UnknownCommandNote : null,
    };
}
