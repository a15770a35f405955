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
    private static readonly Cues GlossaryListCues = new([["glossary"], ["acronym"], ["abbreviation"], ["jargon"]]);
    private static readonly Cues GlossaryCues = new([["stand", "for"], ["mean"], ["meaning"], ["define"], ["definition"], ["acronym"], ["abbreviation"], ["short", "for"], ["glossary"], ["jargon"]]);
    private static readonly Cues HelpCues = new([["help"], ["what", "can", "you", "do"], ["what", "do", "you", "do"], ["what", "can", "i", "ask"], ["how", "do", "i", "use"], ["how", "does", "this", "work"], ["how", "does", "it", "work"], ["what", "can", "this"], ["what", "can", "it", "do"], ["what", "can", "the", "bot"], ["what", "does", "this", "bot"], ["what", "does", "the", "bot"], ["what", "is", "this", "bot"], ["who", "are", "you"], ["what", "are", "you"], ["are", "you", "there"], ["anyone", "there"], ["what", "do", "you", "know"], ["how", "to", "use"], ["questions"], ["examples"], ["usage"], ["instructions"], ["menu"], ["options"], ["guide"], ["how", "do", "i"], ["key"]]);
    private static readonly HashSet<string> Greetings = ["hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "thanks", "thank", "thx", "cheers", "ta", "yo", "greetings", "good"];
    private static readonly Cues ScorecardCues = new([["scorecard"], ["score", "card"], ["all", "measures"], ["every", "measure"], ["each", "measure"], ["everything"], ["overview"], ["summary"], ["report"], ["dashboard"], ["committee"], ["paper"], ["whole"], ["full"], ["all"], ["how", "are", "we", "doing"], ["how", "we", "doing"], ["measures"], ["position"], ["headline"], ["rag"], ["overall"], ["picture"], ["snapshot"], ["roundup"], ["round", "up"], ["rundown"], ["state", "of", "play"]]);

    // Statuses by name, and the words for "outside target" that mean red or amber.
    private static readonly Cues RedCues = new([["red"], ["more", "than", "10%"], ["more", "than", "10"], ["over", "10%"], ["above", "10%"], ["worst"]]);
    private static readonly Cues AmberCues = new([["amber"], ["less", "than", "10%"], ["less", "than", "10"], ["under", "10%"], ["below", "10%"], ["within", "10%"], ["yellow", "status"]]);
    private static readonly Cues GreenCues = new([["green"], ["above", "target"], ["on", "target"], ["met", "target"], ["meeting", "target"], ["hitting", "target"], ["achieved"], ["on", "track"], ["hit", "target"], ["hit", "the", "target"], ["doing", "well"], ["going", "well"], ["performing", "well"]]);
    private static readonly Cues OffTargetCues = new([["off", "target"], ["outside", "target"], ["exception"], ["below", "target"], ["under", "target"], ["missing", "target"], ["missed"], ["failing"], ["failed"], ["behind"], ["slipped"], ["slipping"], ["concern"], ["problem"], ["not", "on", "target"], ["not", "meeting"], ["struggling"], ["alert"], ["issue"], ["underperforming"], ["flagged"], ["attention"], ["worry"], ["worrying"], ["off", "track"], ["at", "risk"], ["outside", "tolerance"], ["out", "of", "tolerance"]]);

    private static readonly Cues TrendCues = new([["trend"], ["trending"], ["over", "time"], ["chart"], ["graph"], ["plot"], ["progress"], ["month", "by", "month"], ["monthly"], ["trajectory"], ["changed"], ["change"], ["history"], ["each", "month"], ["every", "month"], ["improving"], ["direction"], ["heading"], ["getting", "better"], ["getting", "worse"], ["declining"], ["deteriorating"], ["up", "or", "down"], ["compare"], ["comparison"], ["side", "by", "side"], ["better"], ["worse"], ["better", "or", "worse"], ["difference", "between"], ["improved"], ["improvement"]]);
    private static readonly Cues TargetCues = new([["target"], ["goal"], ["aim"], ["threshold"], ["objective"], ["should"], ["supposed", "to", "be"], ["expected", "level"]]);
    private static readonly Cues CommentCues = new([["comment"], ["commentary"], ["note"], ["why"], ["explanation"], ["explain"], ["narrative"], ["context"], ["reason"], ["remark"], ["happened", "to"], ["went", "wrong"], ["missing", "data"], ["data", "loss"], ["lost"]]);
    private static readonly Cues CountCues = new([["how", "many"], ["number", "of"], ["no", "of"], ["count"], ["total"], ["how", "much"], ["raw"], ["volume"], ["numbers"], ["components"], ["breakdown"]]);

    private static readonly Cues WhatCues = new([["what"], ["whats"]]);
    private static readonly Cues WhatOrWhoCues = new([["what"], ["who"]]);
    private static readonly Cues OffTargetPhraseCues = new(OffTargetCues.Phrases.Where(c => c.Length > 1 || c[0] is "exception").ToArray());
    private static readonly Cues ListingCues = new([["which"], ["what"], ["any"], ["list"], ["measures"], ["exception"], ["show"], ["anything"], ["where"]]);
    private static readonly Cues ScorecardNameCues = new(ScorecardCues.Phrases.Where(c => c[0] is not "measures" and not "all").ToArray());
    private static readonly Cues ReportCues = new([["scorecard"], ["committee"], ["report"]]);
    private static readonly Cues AgainstTargetCues = new([["on", "target"], ["off", "target"], ["above", "target"], ["below", "target"], ["against", "target"], ["vs", "target"], ["versus", "target"], ["compared", "to", "target"]]);
    private static readonly Cues NotOnTargetCues = new([["not", "on", "target"], ["not", "on", "track"]]);
    /// <summary>The stem of every one-word cue: words that already mean something, never taken for a misspelt measure word.</summary>
    private static readonly HashSet<string> CueStems = new[] { TrendCues, TargetCues, CommentCues, CountCues, HelpCues, GlossaryCues, OffTargetCues, GreenCues, RedCues, AmberCues }
        .SelectMany(c => c.Phrases.Where(p => p.Length == 1).Select(p => Words.Stem(p[0])))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly Cues KeyCues = new([["status", "worked", "out"], ["work", "out", "the", "status"], ["how", "is", "the", "status"], ["how", "are", "statuses"], ["what", "is", "the", "key"], ["explain", "the", "key"], ["rag", "mean"], ["colours", "mean"], ["colors", "mean"], ["what", "is", "rag"], ["status", "key"], ["the", "key"], ["key"]]);
    private static readonly Cues StatusWorkedOutCues = new([["status", "worked", "out"], ["work", "out", "the", "status"], ["how", "is", "the", "status"]]);
    private static readonly Cues FreshnessCues = new([["last", "updated"], ["last", "update"], ["updated"], ["last", "submitted"], ["last", "submission"], ["who", "submitted"], ["submitted", "by"], ["when", "submitted"], ["how", "up", "to", "date"], ["how", "current"], ["how", "fresh"], ["freshness"], ["how", "old", "are"], ["when", "were", "the", "figures"], ["when", "was", "the", "data"], ["data", "as", "of"], ["figures", "as", "of"]]);
    private static readonly Cues OwnerCues = new([["who", "owns"], ["owner"], ["owns"], ["responsible"], ["which", "command"], ["whose"], ["accountable"]]);
    private static readonly Cues MissedCues = new([["missed"], ["dropped"], ["abandoned"]]);
    private static readonly Cues NegationCues = new([["not"], ["weren't"], ["wasn't"], ["didn't"], ["don't"], ["doesn't"], ["haven't"], ["hasn't"], ["aren't"], ["isn't"], ["unanswered"], ["unattended"], ["late"], ["without"], ["lacking"], ["still", "need"], ["still", "needs"], ["outside", "the", "set", "time"]]);
    private static readonly string[] WhatIsWords = ["what", "whats", "is", "a", "an", "the", "what's"];
    private static readonly string[] WhoIsWords = ["what", "whats", "what's", "who", "is", "are", "a", "an", "the"];

    // Zone colours of measure 6: "green zone" is a count, not a status.
    private static readonly HashSet<string> Colours = ["red", "purple", "orange", "yellow", "green"];

    public ScorecardDefinition Definition => vocabulary.Definition;

    public Question Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) return new Question(Intent.Help, "");
        var tokens = TextNormalizer.Tokens(normalized);
        if (tokens.Count == 0) return new Question(Intent.Unknown, normalized);
        var said = new Said(tokens, tokens.Select(Words.Stem).ToArray(), new bool[tokens.Count]);
        var used = said.Used;

        var period = PeriodParser.Parse(tokens, used);
        var command = FindCommand(tokens, used);
        var numbered = FindMeasureNumber(tokens, used, out var unknownNumber);
        var numberedList = MoreMeasureNumbers(tokens, used, numbered);
        var statuses = FindStatuses(said);

        var glossaryCue = said.HasAny(GlossaryCues);
        var term = FindGlossaryTerm(said);
        var (scores, named, phrased) = ScoreMeasures(said);
        var ranked = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Number).ToList();
        var best = ranked.FirstOrDefault();

        if (glossaryCue && (term is not null || said.HasAny(GlossaryListCues)))
        {
            return new Question(Intent.Glossary, normalized) { Term = term };
        }
        // "BOCU?" or "what is a BOCU": a bare glossary term. Alone, a term that is also a measure's name ("CTIO?") asks
        // for the measure; "what is a CTIO" asks what the word means.
        if (term is not null && numbered is null && OnlyWordsAre(said, vocabulary.GlossaryWords(term), WhatIsWords)
            && (said.HasAny(WhatCues) || !vocabulary.MeasurePhrases.Any(p => p.Tokens.Length == 1 && Vocabulary.Means(p.Tokens[0], term.Term.ToLowerInvariant()))))
        {
            return new Question(Intent.Glossary, normalized) { Term = term };
        }

        // "What does CTC stand for": a command's code is read as a command before anything else, so answer it here.
        if (term is null && command is not null && numbered is null && best.Key is null
            && (glossaryCue || (said.HasAny(WhatOrWhoCues) && OnlyWordsAre(said, WhoIsWords))))
        {
            // "Royalty Protection (SO14)" names its own code: SO14 stands for Royalty Protection.
            return new Question(Intent.Glossary, normalized) { Term = new GlossaryEntry(command.Code, Vocabulary.PlainName(command)) };
        }

        var measures = new List<Measure>();
        if (numbered is not null) measures.Add(numbered);
        else if (best.Key is not null)
        {
            measures.Add(best.Key);
            // Close runners-up, or two measures each named outright ("CTIO coverage and hotline"), make the question
            // ambiguous: ask rather than guess.
            foreach (var (measure, score) in ranked.Skip(1))
            {
                // "CTIO and SNT": each called by one of its own names, joined by "and", even when one word is shared.
                var joined = phrased.Contains(best.Key) && phrased.Contains(measure) && tokens.Any(t => t is "and" or "&" or "plus" or "vs" or "versus");
                if (score >= best.Value * 0.8 || (named.Contains(best.Key) && named.Contains(measure)) || joined) measures.Add(measure);
            }
        }

        // "Measures 1 and 6", "m1-m3": several by number, side by side.
        if (numberedList.Count > 1 && statuses is null)
        {
            return new Question(Intent.Scorecard, normalized) { Period = period, Command = command, Measures = numberedList };
        }

        var wantsComponent = said.HasAny(CountCues);
        // What kind of answer the cue words ask for, worked out once: most branches below consult it.
        var cued = IntentFromCues(said);
        var component = FindComponent(said, measures, wantsComponent, out var componentCandidates);

        var question = new Question(Intent.Unknown, normalized) { Period = period, Command = command, Statuses = statuses, Note = command is null ? UnknownCommandNote(tokens, used) : null };

        if (said.HasAny(FreshnessCues) && statuses is null) return question with { Intent = Intent.Freshness, Measures = measures.Count == 1 ? measures : [] };
        // "What does amber mean?", "how is the status worked out?", "what does FYTD mean?": the Key.
        if (numbered is null && term is null && (said.HasAny(KeyCues) && (measures.Count == 0 || said.HasAny(StatusWorkedOutCues))
            || measures.Count == 0 && (glossaryCue && (statuses is not null || tokens.Any(t => t is "fytd" or "ytd" or "rag" or "status" or "statuses" or "key" or "colour" or "colours" or "color" or "colors")))))
        {
            return question with { Intent = Intent.Key };
        }
        if (said.HasAny(HelpCues) && measures.Count == 0 && statuses is null) return question with { Intent = Intent.Help };

        if (statuses is not null && (numbered is null || said.HasAny(OffTargetPhraseCues))
            && !(measures.Count == 1 && !said.HasAny(ListingCues)))
        {
            return question with { Intent = Intent.Exceptions, Measures = measures.Count == 1 ? measures : [] };
        }

        if (measures.Count == 0)
        {
            // "Measure 9": there is no such measure, so offer the ones there are.
            if (unknownNumber is { } missing)
            {
                var numbers = Definition.Measures.Select(m => m.Number).Order().ToList();
                return Clarify(question with { Intent = cued, Note = $"There is no measure {missing} in this scorecard; its measures are numbered {numbers[0]} to {numbers[^1]}." },
                    Definition.Measures.Select(m => (m.ShortName, m)).ToList(), period);
            }
            if (componentCandidates.Count > 1) return Clarify(question, componentCandidates.Select(c => (c.Name, c.Measure)).ToList(), period);
            // "Any comments for July?": every measure's comments (a command's, if one is named).
            if (cued == Intent.Comments && !said.HasAny(ScorecardCues)) return question with { Intent = Intent.Comments };
            if (said.HasAny(ScorecardCues) || command is not null || (period.IsStated && AllUsedOrStop(tokens, used)))
                return question with { Intent = Intent.Scorecard };
            if (Greetings.Contains(tokens[0]) && tokens.Count <= 4) return question with { Intent = Intent.Greeting };
            if (said.HasAny(HelpCues)) return question with { Intent = Intent.Help };
            // "What are the targets?": every measure's, which the scorecard shows beside its figures.
            if (cued == Intent.Target && tokens.Any(t => t is "targets" or "all" or "every" or "each"))
                return question with { Intent = Intent.Scorecard };
            // A trend or a target needs a measure, so ask which.
            if (said.HasAny(TrendCues) || said.HasAny(TargetCues) || said.HasAny(CommentCues))
                return Clarify(question with { Intent = cued }, Definition.Measures.Select(m => (m.ShortName, m)).ToList(), period);
            return question;
        }

        if (measures.Count > 1 && numbered is null)
        {
            if (component is not null && measures.Contains(component.Measure) && !said.HasAny(ScorecardNameCues))
                return question with { Intent = Intent.ComponentValue, Measures = [component.Measure], Component = component };
            // "Hotline and IED in July": each measure called by one of its names, so both are wanted, side by side.
            if (!wantsComponent && measures.All(phrased.Contains))
                return question with { Intent = Intent.Scorecard, Measures = measures.OrderBy(m => m.Number).ToList() };
            if (said.HasAny(ScorecardNameCues))
                return question with { Intent = Intent.Scorecard };
            // "How many calls": offer the figures that word could be, not just the measures.
            var mentioned = wantsComponent ? ComponentsMentioned(tokens, used, measures) : [];
            var offers = componentCandidates.Count > 1 ? componentCandidates.Select(c => (c.Name, c.Measure)).ToList()
                : mentioned.Count > 1 ? mentioned.Select(c => (c.Name, c.Measure)).ToList()
                : measures.Select(m => (m.ShortName, m)).ToList();
            return Clarify(question with { Intent = cued }, offers, period);
        }

        // A status word ("did we hit target", "is it red") asks how the measure stands against its target, not what it is.
        var intent = cued;
        if (intent == Intent.Target && statuses is not null) intent = Intent.MeasureValue;
        if (intent == Intent.MeasureValue && component is not null) intent = Intent.ComponentValue;
        if (intent == Intent.MeasureValue && said.HasAny(ReportCues) && command is not null) intent = Intent.Scorecard;
        // "How many calls were not answered in time", "BOCUs without a CTIO": the rest of a ratio, not the ratio.
        // "How many calls were missed": a count of the rest, though "missed" alone would ask which measures missed target.
        var missed = wantsComponent && said.HasAny(MissedCues);
        var complement = intent is Intent.MeasureValue or Intent.ComponentValue && (statuses is null || missed) && measures is [{ Value: RatioFormula }]
            && (said.HasAny(NegationCues) || missed) && !said.HasAny(NotOnTargetCues);
        if (complement) return question with { Intent = Intent.MeasureValue, Measures = measures, Complement = true };
        // "Who owns the hotline measure?": the answer starts with the command that reports it.
        if (measures is [var owned] && said.HasAny(OwnerCues))
        {
            var reporting = owned.Command;
            question = question with { Note = $"{owned.ShortName} is reported by {reporting.Code}{(reporting.Name == reporting.Code ? "" : $" ({Vocabulary.PlainName(reporting)})")}." };
        }
        return question with { Intent = intent, Measures = measures, Component = intent == Intent.ComponentValue ? component : null };
    }

    private static Intent IntentFromCues(Said said)
    {
        if (said.HasAny(CommentCues)) return Intent.Comments;
        if (said.HasAny(TrendCues)) return Intent.Trend;
        if (said.HasAny(TargetCues) && !said.HasAny(AgainstTargetCues)) return Intent.Target;
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

    /// <summary>
    /// How strongly each measure is meant, and which measures are named outright: a whole alias or short name that
    /// holds a word belonging to that measure alone ("hotline", "CTIO coverage").
    /// </summary>
    private (Dictionary<Measure, double> Scores, HashSet<Measure> Named, HashSet<Measure> Phrased) ScoreMeasures(Said said)
    {
        var (tokens, used) = (said.Tokens, said.Used);
        // Each keyword counts once, at its weight; each word of the question can stand for one keyword.
        var best = new Dictionary<Vocabulary.Keyword, double>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || Vocabulary.StopWords.Contains(tokens[i]) || tokens[i].All(char.IsDigit)) continue;
            // A word that is itself a cue ("improved", a trend) is not a typo of a measure's word ("improvised").
            foreach (var keyword in vocabulary.Match(tokens[i], fuzzy: !CueStems.Contains(said.Stems[i])))
            {
                best[keyword] = keyword.Weight;
            }
        }
        // Measures and components are the definition's own objects: compared by reference, not field by field as records.
        var scores = new Dictionary<Measure, double>(ReferenceEqualityComparer.Instance);
        foreach (var (keyword, weight) in best)
        {
            foreach (var m in keyword.Measures) scores[m] = scores.GetValueOrDefault(m) + weight;
        }
        // A whole alias or short name ("royal intrusions", "CTIO coverage") is stronger evidence than its words apart.
        var named = new HashSet<Measure>(ReferenceEqualityComparer.Instance);
        var phrased = new HashSet<Measure>(ReferenceEqualityComparer.Instance);
        foreach (var phrase in vocabulary.MeasurePhrases)
        {
            if (phrase.Tokens.Length == 0 || !ContainsAll(said, phrase.Tokens)) continue;
            scores[phrase.Measure] = scores.GetValueOrDefault(phrase.Measure) + 0.5 * phrase.Tokens.Length;
            phrased.Add(phrase.Measure);
            if (phrase.Tokens.Any(t => vocabulary.IsDistinctive(t, phrase.Measure))) named.Add(phrase.Measure);
        }
        foreach (var m in scores.Keys.ToList())
        {
            if (scores[m] < 0.5) scores.Remove(m);
        }
        named.IntersectWith(scores.Keys);
        return (scores, named, phrased);
    }

    private Component? FindComponent(Said said, List<Measure> measures, bool wantsComponent, out List<Component> candidates)
    {
        var (tokens, used) = (said.Tokens, said.Used);
        var matches = vocabulary.ComponentPhrases
            .Where(p => p.Tokens.Length > 0 && (measures.Count == 0 || measures.Contains(p.Measure)) && ContainsAll(said, p.Tokens))
            .GroupBy<Vocabulary.Phrase, Component>(p => p.Component!, ReferenceEqualityComparer.Instance)
            .Select(g => (
                Component: g.Key,
                Length: g.Max(p => p.Tokens.Length),
                // Says more than the measure's own name does ("calls received", "yellow zone"), so the figure is meant.
                // A word typed as printed counts in its own form, plurals aside: "scenes managed" is the figure even
                // though "managing scenes" is the measure.
                Beyond: g.Any(p => p.Tokens.Any(t => !vocabulary.IsOwnWord(p.Measure, t) || (!vocabulary.IsOwnWordAsTyped(p.Measure, t) && tokens.Any(typed => Words.Singular(typed) == Words.Singular(t))))),
                // Holds a word of this measure alone, so it can settle which of several measures is meant.
                Distinctive: g.Any(p => p.Tokens.Any(t => vocabulary.IsDistinctive(t, p.Measure)))))
            .OrderByDescending(m => m.Length)
            .ToList();
        candidates = [];
        if (matches.Count == 0) return null;
        var longest = matches[0].Length;
        var longestMatches = matches.Where(m => m.Length == longest).Select(m => m.Component).ToList();
        if (longestMatches.Count > 1 && measures.Count == 1)
        {
            // Prefer the component whose printed name was typed over one reached through an alias.
            var named = longestMatches.Where(c => ContainsAll(said, vocabulary.NameWords(c))).ToList();
            if (named.Count == 1) longestMatches = named;
        }
        candidates = longestMatches;
        if (longestMatches.Count != 1) return null;
        var match = matches.First(m => m.Component == longestMatches[0]);
        if (measures.Count > 1 && !match.Distinctive) return null;
        // Words that only name the measure ("hotline calls answered") ask for its value; a count cue, words beyond the
        // measure's name, or the component's printed name typed on its own ("IED calls") ask for the figure.
        return wantsComponent || match.Beyond || IsPrintedNameAlone(tokens, used, match.Component) ? match.Component : null;
    }

    /// <summary>
    /// Whether the question is just the component's printed name of two words or more ("IED calls", "scenes managed"),
    /// unless that component is the measure's value itself (measure 6's red and purple zone count).
    /// </summary>
    private bool IsPrintedNameAlone(List<string> tokens, bool[] used, Component component)
    {
        if (component.Measure.Value is CountFormula count && count.Component == component.Id) return false;
        var name = vocabulary.NameWords(component);
        if (name.Length < 2) return false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || Vocabulary.StopWords.Contains(tokens[i]) || tokens[i].All(char.IsDigit) || tokens[i] == "-" || PeriodParser.MonthNumber(tokens[i]) is not null) continue;
            // As printed, plurals and typos aside: "scene management" is the measure, not "Scenes Managed".
            if (!name.Any(word => Words.Singular(tokens[i]) == Words.Singular(word) || Words.Similar(tokens[i], word))) return false;
        }
        return true;
    }

    /// <summary>Components of these measures whose printed name shares a word with the question.</summary>
    private List<Component> ComponentsMentioned(List<string> tokens, bool[] used, List<Measure> measures) =>
        measures.SelectMany(m => m.Components)
            .Where(c => vocabulary.NameWords(c).Any(word => tokens.Where((t, i) => !used[i] && !Vocabulary.StopWords.Contains(t)).Any(t => Vocabulary.Means(t, word))))
            .ToList();

    private Measure? FindMeasureNumber(List<string> tokens, bool[] used, out int? unknownNumber)
    {
        unknownNumber = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i]) continue;
            var t = tokens[i];
            int? n = null;
            var width = 1;
            if (MeasureToken().Match(t) is { Success: true } m) n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            // "the first measure", "3rd kpi".
            else if (Words.Ordinal(t) is { } ordinal && i + 1 < tokens.Count && tokens[i + 1] is "measure" or "kpi" or "indicator")
            {
                n = ordinal;
                width = 2;
            }
            else if (t is "m" or "measure" or "measures" or "meaure" or "measur" or "msr" or "kpi" or "no" or "number" or "num" or "indicator" && i + 1 < tokens.Count)
            {
                n = Words.Number(tokens[i + 1]);
                width = 2;
            }
            if (n is null) continue;
            if (Definition.FindMeasure(n.Value) is not { } measure)
            {
                // A number after "measure" or "m" that names no measure; "no 5" or "number 3" may just be a count.
                if (width == 1 || t is "m" or "measure" or "msr" or "kpi" || Words.Ordinal(t) is not null) unknownNumber ??= n;
                continue;
            }
            for (var k = 0; k < width; k++) used[i + k] = true;
            return measure;
        }
        return null;
    }

    /// <summary>
    /// More measures named by number in a list after the first ("measures 2, 3 and 5", "m1 and m6", "measure 1 and
    /// measure 6"), or a run of them ("m1-m3"). Empty when only one is named.
    /// </summary>
    private List<Measure> MoreMeasureNumbers(List<string> tokens, bool[] used, Measure? first)
    {
        var found = first is null ? new List<Measure>() : [first];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (MeasureRun().Match(tokens[i]) is { Success: true } run)
            {
                var (from, to) = (int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture));
                found.AddRange(Definition.Measures.Where(m => m.Number >= Math.Min(from, to) && m.Number <= Math.Max(from, to)));
                used[i] = true;
            }
        }
        var start = first is null ? tokens.Count : Array.FindIndex(used, u => u);
        for (var i = Math.Max(0, start); i < tokens.Count; i++)
        {
            if (used[i] || tokens[i] is "and" or "&" or "measure" or "measures" or "m" or "kpi" or "plus") continue;
            int? n = MeasureToken().Match(tokens[i]) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : i > 0 && (tokens[i - 1] is "and" or "&" or "measure" or "measures" or "m" or "plus" || (used[i - 1] && Words.Number(tokens[i - 1]) is not null)) ? Words.Number(tokens[i])
                : null;
            if (n is null || Definition.FindMeasure(n.Value) is not { } measure) break;
            used[i] = true;
            found.Add(measure);
        }
        var distinct = found.Distinct().OrderBy(m => m.Number).ToList();
        return distinct.Count > 1 ? distinct : [];
    }

    private Command? FindCommand(List<string> tokens, bool[] used)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i]) continue;
            foreach (var (command, code, _) in vocabulary.Commands)
            {
                if (tokens[i] == code)
                {
                    used[i] = true;
                    return command;
                }
                // "SO 14" typed with a space.
                if (i + 1 < tokens.Count && code.Length == tokens[i].Length + tokens[i + 1].Length
                    && code.StartsWith(tokens[i], StringComparison.Ordinal) && code.EndsWith(tokens[i + 1], StringComparison.Ordinal))
                {
                    used[i] = used[i + 1] = true;
                    return command;
                }
            }
        }
        // The command's name in full ("Counter Terrorism Command"), without a bracketed code.
        foreach (var (command, _, name) in vocabulary.Commands)
        {
            if (name.Length < 2) continue;
            var at = name.Select(word => tokens.FindIndex(t => t == word)).ToList();
            if (at.Any(i => i < 0 || used[i])) continue;
            foreach (var i in at) used[i] = true;
            return command;
        }
        return null;
    }

    /// <summary>A command code this scorecard does not have ("SO15", "SO 6"): said, so the answer is not mistaken for that command's.</summary>
    private string? UnknownCommandNote(List<string> tokens, bool[] used)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i]) continue;
            var code = UnknownCommandCode().IsMatch(tokens[i]) ? tokens[i]
                : tokens[i] == "so" && i + 1 < tokens.Count && !used[i + 1] && tokens[i + 1].Length <= 2 && tokens[i + 1].All(char.IsAsciiDigit) ? "so" + tokens[i + 1]
                : null;
            if (code is null) continue;
            var known = vocabulary.Commands.Select(c => c.Command.Code).ToList();
            return $"There is no command {code.ToUpperInvariant()} in this scorecard; its commands are {string.Join(" and ", known)}.";
        }
        return null;
    }

    /// <summary>
    /// The statuses asked about. A colour said as a status is used up, so "anything red" does not also mean the red
    /// zone of measure 6; a named status ("more than 10% off target") narrows a general one ("off target").
    /// </summary>
    private static IReadOnlySet<Status>? FindStatuses(Said said)
    {
        var named = new HashSet<Status>();
        if (said.HasAny(RedCues, StatusColour)) named.Add(Status.OutsideTolerance);
        if (said.HasAny(AmberCues)) named.Add(Status.WithinTolerance);
        if (said.HasAny(GreenCues, StatusColour) && !said.HasAny(NotOnTargetCues)) named.Add(Status.AboveTarget);
        for (var i = 0; i < said.Tokens.Count; i++)
        {
            if (said.Tokens[i] is "red" or "reds" or "green" or "greens" or "amber" or "ambers" && StatusColour(said, i)) said.Used[i] = true;
        }
        if (named.Count > 0) return named;
        if (said.HasAny(OffTargetCues)) return new HashSet<Status> { Status.OutsideTolerance, Status.WithinTolerance };
        return null;
    }

    /// <summary>A colour word is a zone, not a status, when a zone or intrusion follows it ("red and purple zones", "green zone").</summary>
    private static bool StatusColour(Said said, int at)
    {
        if (!Colours.Contains(Words.Singular(said.Tokens[at]))) return true;
        for (var j = at + 1; j < said.Tokens.Count && j <= at + 4; j++)
        {
            if (said.Stems[j] is "zone" or "intrusion") return false;
            if (!Colours.Contains(said.Tokens[j]) && said.Tokens[j] is not ("and" or "or" or "&" or "-")) break;
        }
        return !(at > 0 && said.Stems[at - 1] is "zone");
    }

    private GlossaryEntry? FindGlossaryTerm(Said said)
    {
        GlossaryEntry? found = null;
        var longest = 0;
        foreach (var (termTokens, entry) in vocabulary.Glossary)
        {
            if (termTokens.Length > longest && ContainsAll(said, termTokens, strict: true))
            {
                found = entry;
                longest = termTokens.Length;
            }
        }
        return found;
    }

    /// <summary>Whether every word of a known phrase is among the question's unused words (by stem or near miss; strictly, by stem or a long word's typo).</summary>
    private static bool ContainsAll(Said said, string[] phrase, bool strict = false)
    {
        var (tokens, stems, used) = (said.Tokens, said.Stems, said.Used);
        foreach (var word in phrase)
        {
            var hit = false;
            for (var i = 0; i < tokens.Count && !hit; i++)
            {
                hit = !used[i] && (strict ? stems[i] == Words.StemOfKnown(word) || (word.Length >= 5 && Words.Similar(tokens[i], word)) : Vocabulary.Means(tokens[i], stems[i], word));
            }
            if (!hit) return false;
        }
        return true;
    }

    /// <summary>Whether every word not yet read is one of these (by stem).</summary>
    private static bool OnlyWordsAre(Said said, string[] allowed, string[]? alsoAllowed = null)
    {
        for (var i = 0; i < said.Tokens.Count; i++)
        {
            if (said.Used[i]) continue;
            var stem = said.Stems[i];
            if (!allowed.Any(a => Words.StemOfKnown(a) == stem) && !(alsoAllowed?.Any(a => Words.StemOfKnown(a) == stem) ?? false)) return false;
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

    /// <summary>The question's words, their stems, and which words have been read as something already.</summary>
    private sealed record Said(List<string> Tokens, string[] Stems, bool[] Used)
    {
        /// <summary>Whether any cue phrase occurs: word for word, by stem ("targets", "aiming"), or with a typo in a long word.</summary>
        public bool HasAny(Cues cues, Func<Said, int, bool>? accept = null)
        {
            var (phrases, stems) = (cues.Phrases, cues.Stems);
            for (var p = 0; p < phrases.Length; p++)
            {
                var phrase = phrases[p];
                for (var i = 0; i + phrase.Length <= Tokens.Count; i++)
                {
                    var match = true;
                    for (var k = 0; k < phrase.Length && match; k++) match = Means(i + k, phrase[k], stems[p][k]);
                    if (match && (accept is null || accept(this, i))) return true;
                }
            }
            return false;
        }

        // One typo is allowed only in a long cue, and never turns a common word into a cue ("were" is not "where",
        // "comments" is not "commands").
        private bool Means(int at, string cue, string cueStem) =>
            Tokens[at] == cue || (cue.Length >= 3 && Stems[at] == cueStem)
            || (cue.Length >= 5 && !Vocabulary.StopWords.Contains(Tokens[at]) && (OneTypo(Tokens[at], cue) || OneTypo(Stems[at], cueStem)));

        private static bool OneTypo(string typed, string cue) => Words.WithinOneEdit(typed, cue);
    }

    /// <summary>Cue phrases, with the stem of each word worked out once.</summary>
    private sealed class Cues(string[][] phrases)
    {
        public string[][] Phrases { get; } = phrases;

        public string[][] Stems { get; } = phrases.Select(p => p.Select(Words.Stem).ToArray()).ToArray();
    }

    [GeneratedRegex(@"^(?:m|measures?)?(\d)-(?:m|measure)?(\d)$")]
    private static partial Regex MeasureRun();

    [GeneratedRegex(@"^so\d{1,2}$")]
    private static partial Regex UnknownCommandCode();

    [GeneratedRegex(@"^(?:m|measure|#|no\.?|kpi)(\d{1,3})$")]
    private static partial Regex MeasureToken();
}
