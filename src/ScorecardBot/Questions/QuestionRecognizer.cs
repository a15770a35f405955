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

    public QuestionRecognizer(Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        Cues = new CueWords(vocabulary.Language, vocabulary.Definition);
        _extractor = new SlotExtractor(vocabulary, Cues, new PeriodReader(vocabulary.Language, vocabulary.Extras));
    }

    public ScorecardDefinition Definition => _vocabulary.Definition;

    public LanguageWords Language => _vocabulary.Language;

    public CueWords Cues { get; }

    /// <param name="previous">The person's last request in this conversation, which a follow-up ("and August?") fills in.</param>
    public Request Recognize(string? text, Request? previous = null)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) return new Request(Intent.Help, "") { Rule = "empty message" };
        var tokens = Dictation.Rejoin(TextNormalizer.Tokens(normalized, Language), _vocabulary);
        if (tokens.Count == 0) return new Request(Intent.Unknown, normalized) { Rule = "no words" };
        var slots = _extractor.Extract(normalized, tokens, previous);
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
