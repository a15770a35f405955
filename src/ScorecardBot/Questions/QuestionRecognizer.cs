using Microsoft.Extensions.Caching.Memory;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions.Language;
using ScorecardBot.Questions.Periods;

namespace ScorecardBot.Questions;

/// <summary>
/// Understands a message typed in chat and ends in a typed <see cref="Request"/>: the words are normalised and put
/// back together (dictation), the extractors fill the slots, and the rule table decides. Deterministic and local:
/// the scorecard's own definition, the language's cue words (data), typo tolerance. Pure: no I/O, no clock.
/// </summary>
public sealed class QuestionRecognizer
{
    private readonly Vocabulary _vocabulary;
    private readonly SlotExtractor _extractor;

    private readonly MemoryCache? _understood;

    /// <param name="cacheSize">
    /// How many messages read on their own to keep, by their exact text (0: none). Reading depends on nothing but the
    /// text and the definition, so a message asked before (a team's "latest scorecard") is not read again.
    /// </param>
    public QuestionRecognizer(Vocabulary vocabulary, int cacheSize = 0)
    {
        _vocabulary = vocabulary;
        _understood = cacheSize > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = cacheSize, CompactionPercentage = 0.25 }) : null;
        Cues = new CueWords(vocabulary.Language, vocabulary.Definition);
        _extractor = new SlotExtractor(vocabulary, Cues, new PeriodReader(vocabulary.Language, vocabulary.Extras));
    }

    public ScorecardDefinition Definition => _vocabulary.Definition;

    public LanguageWords Language => _vocabulary.Language;

    public CueWords Cues { get; }

    /// <param name="previous">The person's last request in this conversation, which a follow-up ("and August?") fills in.</param>
    public Request Recognize(string? text, Request? previous = null) => Decide(Understand(text), previous);

    /// <summary>
    /// The message read on its own: its slots and the request it is without any previous one. A turn then reads the
    /// person's memory only if <see cref="CouldFollowOn"/>, and <see cref="Decide"/>s with it.
    /// </summary>
    public Understood Understand(string? text)
    {
        if (_understood is null || text is null) return Read(text);
        if (_understood.TryGetValue(text, out Understood? known)) return known!;
        var understood = Read(text);
        _understood.Set(text, understood, new MemoryCacheEntryOptions { Size = 1 });
        return understood;
    }

    private Understood Read(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) return new Understood(null, new Request(Intent.Help, "") { Rule = "empty message" });
        var tokens = Dictation.Rejoin(TextNormalizer.Tokens(normalized, Language), _vocabulary);
        if (tokens.Count == 0) return new Understood(null, new Request(Intent.Unknown, normalized) { Rule = "no words" });
        var slots = _extractor.Extract(normalized, tokens, previous: null);
        return new Understood(slots, WithUnreadSaid(IntentRules.Apply(slots), slots));
    }

    /// <summary>Whether the message could follow on from a previous request ("why?", "and August?"), so the memory matters.</summary>
    public static bool CouldFollowOn(Understood understood) => understood.Slots is { } slots && IntentRules.CouldFollowOn(slots);

    /// <summary>
    /// The request, given the previous one: only the follow-up rules read it, and they come first, so a message none of
    /// them could take is what it is on its own.
    /// </summary>
    public static Request Decide(Understood understood, Request? previous)
    {
        if (previous is null || !CouldFollowOn(understood)) return understood.Standalone;
        var slots = understood.Slots! with { Previous = previous };
        return WithUnreadSaid(IntentRules.Apply(slots), slots);
    }

    /// <summary>The slots a message fills, for tests of the extractors and rules.</summary>
    public Slots Slots(string text, Request? previous = null)
    {
        var normalized = TextNormalizer.Normalize(text);
        return _extractor.Extract(normalized, Dictation.Rejoin(TextNormalizer.Tokens(normalized, Language), _vocabulary), previous);
    }

    /// <summary>Never a silent substitute: words that look meant but could not be read are named on the answer.</summary>
    private static Request WithUnreadSaid(Request request, Slots slots)
    {
        if (slots.Unread.Count == 0 || request.Intent is Intent.Unknown or Intent.Help or Intent.Greeting) return request;
        var unsupported = slots.Unread.Where(slots.Cues.Language.UnsupportedPeriods.Contains).ToList();
        var months = slots.Unread.Except(unsupported).ToList();
        var parts = new List<string>();
        if (unsupported.Count > 0) parts.Add($"The scorecard holds monthly figures, so I can't show \"{string.Join(' ', unsupported)}\"");
        if (months.Count > 0) parts.Add($"I couldn't read \"{string.Join("\", \"", months)}\" as a month");
        var note = string.Join("; ", parts) + (request.Period.IsStated ? "." : "; this shows the latest month.");
        return request with { Note = request.Note is null ? note : $"{note} {request.Note}" };
    }
}

/// <summary>A message read on its own: its slots (none for an empty message) and the request it is without a previous one.</summary>
public sealed record Understood(Slots? Slots, Request Standalone);
