using System.Globalization;
using System.Text.RegularExpressions;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Questions;

/// <summary>
/// Understands a question typed in chat. Deterministic and local: the words of the scorecard's own definition,
/// typo tolerance, and a handful of cue words for what kind of answer is wanted. Pure: no I/O, no clock.
/// </summary>
public sealed partial class QuestionRecognizer(Vocabulary vocabulary)
{
    private static readonly string[][] GlossaryCues = [["stand", "for"], ["stands", "for"], ["mean"], ["means"], ["meaning"], ["define"], ["definition"], ["acronym"], ["abbreviation"], ["short", "for"], ["glossary"], ["acronyms"], ["jargon"]];
    private static readonly string[][] HelpCues = [["help"], ["what", "can", "you", "do"], ["what", "can", "i", "ask"], ["how", "do", "i", "use"], ["examples"], ["example"], ["usage"], ["commands"], ["instructions"], ["menu"], ["options"]];
    private static readonly HashSet<string> Greetings = ["hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "thanks", "thank", "thx", "cheers", "ta", "yo", "greetings", "good"];
    private static readonly string[][] ScorecardCues = [["scorecard"], ["score", "card"], ["scorecards"], ["all", "measures"], ["every", "measure"], ["each", "measure"], ["everything"], ["overview"], ["summary"], ["report"], ["dashboard"], ["committee"], ["paper"], ["whole"], ["full"], ["all"], ["how", "are", "we", "doing"], ["how", "we", "doing"], ["measures"], ["position"], ["headline"], ["headlines"], ["rag"]];
    private static readonly string[][] ExceptionCues = [["off", "target"], ["outside", "target"], ["exceptions"], ["exception"], ["below", "target"], ["under", "target"], ["missing", "target"], ["missed"], ["failing"], ["failed"], ["behind"], ["slipped"], ["slipping"], ["concern"], ["concerns"], ["problem"], ["problems"], ["worst"], ["breach"], ["breached"], ["breaches"], ["not", "on", "target"], ["struggling"], ["red"], ["amber"], ["reds"], ["ambers"], ["green"], ["greens"], ["on", "target"], ["above", "target"], ["met", "target"], ["meeting", "target"], ["alerts"], ["issues"], ["underperforming"], ["flagged"]];
    private static readonly string[][] TrendCues = [["trend"], ["trends"], ["trending"], ["over", "time"], ["chart"], ["graph"], ["plot"], ["progress"], ["month", "by", "month"], ["monthly"], ["trajectory"], ["changed"], ["change"], ["history"], ["each", "month"], ["every", "month"], ["going"], ["improving"], ["direction"]];
    private static readonly string[][] TargetCues = [["target"], ["targets"], ["goal"], ["aim"], ["threshold"], ["objective"]];
    private static readonly string[][] CommentCues = [["comment"], ["comments"], ["commentary"], ["note"], ["notes"], ["why"], ["explanation"], ["explain"], ["narrative"], ["context"], ["reason"], ["missing", "data"], ["data", "loss"], ["lost"]];
    private static readonly string[][] CountCues = [["how", "many"], ["number", "of"], ["count"], ["total"], ["how", "much"], ["raw"], ["volume"], ["numbers"], ["components"], ["breakdown"]];
    private static readonly Dictionary<string, int> NumberWords = new() { ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10 };

    public ScorecardDefinition Definition => vocabulary.Definition;

    public Question Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) return new Question(Intent.Help, "");
        var tokens = TextNormalizer.Tokens(normalized);
        if (tokens.Count == 0) return new Question(Intent.Unknown, normalized);
        var used = new bool[tokens.Count];

        var period = PeriodParser.Parse(tokens, used);
        var command = FindCommand(tokens, used);
        var numbered = FindMeasureNumber(tokens, used);
        var statuses = FindStatuses(tokens, normalized);

        var glossaryCue = HasAny(tokens, GlossaryCues);
        var term = FindGlossaryTerm(tokens, used);
        var scores = ScoreMeasures(tokens, used);
        var ranked = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Number).ToList();
        var best = ranked.FirstOrDefault();

        if (glossaryCue && (term is not null || HasAny(tokens, [["glossary"], ["acronyms"], ["jargon"]])))
        {
            return new Question(Intent.Glossary, normalized) { Term = term };
        }
        // "BOCU?" or "what is a BOCU": a bare glossary term that is not a measure's own name.
        if (term is not null && numbered is null && OnlyWordsAre(tokens, used, Vocabulary.Split(term.Term).Concat(["what", "whats", "is", "a", "an", "the", "what's"]))
            && !vocabulary.MeasurePhrases.Any(p => p.Tokens.Length == 1 && Vocabulary.Means(p.Tokens[0], term.Term.ToLowerInvariant())))
        {
            return new Question(Intent.Glossary, normalized) { Term = term };
        }

        var measures = new List<Measure>();
        if (numbered is not null) measures.Add(numbered);
        else if (best.Key is not null)
        {
            measures.Add(best.Key);
            // Close runners-up make the question ambiguous: ask rather than guess.
            foreach (var (measure, score) in ranked.Skip(1))
            {
                if (score >= best.Value * 0.8) measures.Add(measure);
            }
        }

        var wantsComponent = HasAny(tokens, CountCues);
        var component = FindComponent(tokens, used, measures, wantsComponent, out var componentCandidates);

        var question = new Question(Intent.Unknown, normalized) { Period = period, Command = command, Statuses = statuses };

        if (HasAny(tokens, HelpCues) && measures.Count == 0 && statuses is null) return question with { Intent = Intent.Help };

        if (statuses is not null && (numbered is null || HasAny(tokens, ExceptionCues.Where(c => c.Length > 1 || c[0] is "exceptions" or "exception").ToArray())) && !(measures.Count == 1 && !HasAny(tokens, [["which"], ["what"], ["any"], ["list"], ["measures"], ["exceptions"], ["exception"], ["show"], ["anything"], ["where"]])))
        {
            return question with { Intent = Intent.Exceptions, Measures = measures.Count == 1 ? measures : [] };
        }

        if (measures.Count == 0)
        {
            if (componentCandidates.Count > 1) return Clarify(question, componentCandidates.Select(c => (c.Name, c.Measure)).ToList(), period);
            if (HasAny(tokens, ScorecardCues) || command is not null || (period.IsStated && AllUsedOrStop(tokens, used)))
                return question with { Intent = Intent.Scorecard };
            if (Greetings.Contains(tokens[0]) && tokens.Count <= 4) return question with { Intent = Intent.Greeting };
            if (HasAny(tokens, HelpCues)) return question with { Intent = Intent.Help };
            if (HasAny(tokens, TrendCues) || HasAny(tokens, TargetCues) || HasAny(tokens, CommentCues))
                return Clarify(question with { Intent = IntentFromCues(tokens) }, Definition.Measures.Select(m => (m.ShortName, m)).ToList(), period);
            return question;
        }

        if (measures.Count > 1 && numbered is null)
        {
            if (HasAny(tokens, ScorecardCues.Where(c => c[0] is not "measures" and not "all").ToArray()))
                return question with { Intent = Intent.Scorecard };
            if (component is not null && measures.Contains(component.Measure)) return question with { Intent = Intent.ComponentValue, Measures = [component.Measure], Component = component };
            var offers = componentCandidates.Count > 1
                ? componentCandidates.Select(c => (c.Name, c.Measure)).ToList()
                : measures.Select(m => (m.ShortName, m)).ToList();
            return Clarify(question with { Intent = IntentFromCues(tokens) }, offers, period);
        }

        var intent = IntentFromCues(tokens);
        if (intent == Intent.MeasureValue && component is not null) intent = Intent.ComponentValue;
        if (intent == Intent.MeasureValue && HasAny(tokens, [["scorecard"], ["committee"], ["report"]]) && command is not null) intent = Intent.Scorecard;
        return question with { Intent = intent, Measures = measures, Component = intent == Intent.ComponentValue ? component : null };
    }

    private static Intent IntentFromCues(List<string> tokens)
    {
        if (HasAny(tokens, CommentCues)) return Intent.Comments;
        if (HasAny(tokens, TrendCues)) return Intent.Trend;
        if (HasAny(tokens, TargetCues) && !HasAny(tokens, [["on", "target"], ["off", "target"], ["above", "target"], ["below", "target"], ["against", "target"]])) return Intent.Target;
        return Intent.MeasureValue;
    }

    private Question Clarify(Question question, IReadOnlyList<(string Name, Measure Measure)> offers, PeriodSpec period)
    {
        var suffix = period.IsStated ? " " + period.Text : "";
        var what = question.Intent switch
        {
            Intent.Trend => "trend of ",
            Intent.Target => "target for ",
            Intent.Comments => "comments on ",
            _ => "",
        };
        var choices = offers
            .DistinctBy(o => o.Name)
            .Take(6)
            .Select(o => new Choice($"{o.Name} (measure {o.Measure.Number})", $"{what}{o.Name} measure {o.Measure.Number}{suffix}".Trim()))
            .ToList();
        return question with { Intent = Intent.Clarify, Choices = choices, Measures = offers.Select(o => o.Measure).Distinct().ToList() };
    }

    private Dictionary<Measure, double> ScoreMeasures(List<string> tokens, bool[] used)
    {
        // Each keyword counts once, at its weight; each word of the question can stand for one keyword.
        var best = new Dictionary<Vocabulary.Keyword, double>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || Vocabulary.StopWords.Contains(tokens[i]) || tokens[i].All(char.IsDigit)) continue;
            foreach (var keyword in vocabulary.Match(tokens[i]))
            {
                best[keyword] = keyword.Weight;
            }
        }
        var scores = new Dictionary<Measure, double>();
        foreach (var (keyword, weight) in best)
        {
            foreach (var m in keyword.Measures) scores[m] = scores.GetValueOrDefault(m) + weight;
        }
        // A whole alias or short name ("royal intrusions", "CTIO coverage") is stronger evidence than its words apart.
        foreach (var phrase in vocabulary.MeasurePhrases)
        {
            if (phrase.Tokens.Length > 0 && ContainsAll(tokens, used, phrase.Tokens)) scores[phrase.Measure] = scores.GetValueOrDefault(phrase.Measure) + 0.5 * phrase.Tokens.Length;
        }
        foreach (var m in scores.Keys.ToList())
        {
            if (scores[m] < 0.5) scores.Remove(m);
        }
        return scores;
    }

    private Component? FindComponent(List<string> tokens, bool[] used, List<Measure> measures, bool wantsComponent, out List<Component> candidates)
    {
        var matches = vocabulary.ComponentPhrases
            .Where(p => p.Tokens.Length > 0 && (measures.Count == 0 || measures.Contains(p.Measure)) && ContainsAll(tokens, used, p.Tokens))
            .GroupBy(p => p.Component!)
            .Select(g => (Component: g.Key, Length: g.Max(p => p.Tokens.Length)))
            .OrderByDescending(m => m.Length)
            .ToList();
        candidates = [];
        if (matches.Count == 0) return null;
        var longest = matches[0].Length;
        candidates = matches.Where(m => m.Length == longest).Select(m => m.Component).ToList();
        if (candidates.Count > 1 && measures.Count == 1)
        {
            // Prefer the component whose printed name was typed over one reached through an alias.
            var named = candidates.Where(c => ContainsAll(tokens, used, Vocabulary.Split(c.Name))).ToList();
            if (named.Count == 1) candidates = named;
        }
        if (candidates.Count != 1) return null;
        // A one-word hit ("briefed") names the measure more often than the raw figure; ask for the figure explicitly.
        return wantsComponent || longest >= 2 ? candidates[0] : null;
    }

    private Measure? FindMeasureNumber(List<string> tokens, bool[] used)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i]) continue;
            var t = tokens[i];
            int? n = null;
            var width = 1;
            if (MeasureToken().Match(t) is { Success: true } m) n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            else if (t is "measure" or "measures" or "meaure" or "measur" or "msr" or "kpi" or "no" or "number" or "num" or "indicator" && i + 1 < tokens.Count)
            {
                var next = tokens[i + 1];
                if (int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) n = parsed;
                else if (NumberWords.TryGetValue(next, out var word)) n = word;
                width = 2;
            }
            if (n is null || Definition.FindMeasure(n.Value) is not { } measure) continue;
            for (var k = 0; k < width; k++) used[i + k] = true;
            return measure;
        }
        return null;
    }

    private Command? FindCommand(List<string> tokens, bool[] used)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i]) continue;
            foreach (var command in Definition.Commands)
            {
                var code = command.Code.ToLowerInvariant();
                if (tokens[i] == code)
                {
                    used[i] = true;
                    return command;
                }
                // "SO 14" typed with a space.
                if (i + 1 < tokens.Count && tokens[i] + tokens[i + 1] == code)
                {
                    used[i] = used[i + 1] = true;
                    return command;
                }
            }
        }
        return null;
    }

    private static IReadOnlySet<Status>? FindStatuses(List<string> tokens, string normalized)
    {
        var statuses = new HashSet<Status>();
        if (HasAny(tokens, [["red"], ["reds"], ["more", "than", "10%"], ["more", "than", "10"], ["worst"], ["breach"], ["breached"], ["breaches"]])) statuses.Add(Status.MoreThan10PercentOutside);
        if (HasAny(tokens, [["amber"], ["ambers"], ["less", "than", "10%"], ["less", "than", "10"], ["yellow", "status"]])) statuses.Add(Status.LessThan10PercentOutside);
        if (HasAny(tokens, [["green"], ["greens"], ["above", "target"], ["on", "target"], ["met", "target"], ["meeting", "target"], ["hitting", "target"], ["achieved"]]) && !HasAny(tokens, [["not", "on", "target"]]))
            statuses.Add(Status.AboveTarget);
        if (HasAny(tokens, [["off", "target"], ["outside", "target"], ["exceptions"], ["exception"], ["below", "target"], ["under", "target"], ["missed"], ["missing", "target"], ["failing"], ["failed"], ["behind"], ["slipped"], ["slipping"], ["concern"], ["concerns"], ["problem"], ["problems"], ["not", "on", "target"], ["struggling"], ["alerts"], ["issues"], ["underperforming"], ["flagged"]]))
        {
            statuses.Add(Status.MoreThan10PercentOutside);
            statuses.Add(Status.LessThan10PercentOutside);
        }
        // "green zone" is a component of measure 6, not a status.
        if (normalized.Contains("green zone", StringComparison.Ordinal) || normalized.Contains("green intrusion", StringComparison.Ordinal)) statuses.Remove(Status.AboveTarget);
        return statuses.Count == 0 ? null : statuses;
    }

    private GlossaryEntry? FindGlossaryTerm(List<string> tokens, bool[] used)
    {
        GlossaryEntry? found = null;
        var longest = 0;
        foreach (var (termTokens, entry) in vocabulary.Glossary)
        {
            if (termTokens.Length > longest && ContainsAll(tokens, used, termTokens, strict: true))
            {
                found = entry;
                longest = termTokens.Length;
            }
        }
        return found;
    }

    private static bool ContainsAll(List<string> tokens, bool[] used, string[] phrase, bool strict = false)
    {
        foreach (var word in phrase)
        {
            var hit = false;
            for (var i = 0; i < tokens.Count && !hit; i++)
            {
                hit = !used[i] && (strict ? Words.Stem(tokens[i]) == Words.Stem(word) || (word.Length >= 5 && Words.Similar(tokens[i], word)) : Vocabulary.Means(tokens[i], word));
            }
            if (!hit) return false;
        }
        return true;
    }

    private static bool OnlyWordsAre(List<string> tokens, bool[] used, IEnumerable<string> allowed)
    {
        var set = allowed.Select(a => Words.Stem(a.ToLowerInvariant())).ToHashSet();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!used[i] && !set.Contains(Words.Stem(tokens[i]))) return false;
        }
        return true;
    }

    private static bool AllUsedOrStop(List<string> tokens, bool[] used)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!used[i] && !Vocabulary.StopWords.Contains(tokens[i])) return false;
        }
        return true;
    }

    private static bool HasAny(List<string> tokens, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            for (var i = 0; i + phrase.Length <= tokens.Count; i++)
            {
                var match = true;
                for (var k = 0; k < phrase.Length && match; k++) match = tokens[i + k] == phrase[k] || (phrase[k].Length >= 5 && Words.Similar(tokens[i + k], phrase[k]));
                if (match) return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(?:m|measure|#|no\.?|kpi)(\d{1,3})$")]
    private static partial Regex MeasureToken();
}
