using System.Globalization;
using System.Text.RegularExpressions;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions.Language;
using ScorecardBot.Questions.Periods;

namespace ScorecardBot.Questions;

/// <summary>
/// Fills the slots of a message: each extractor reads one kind of thing (a period, a command, a measure by number or
/// by name, a component, statuses, a glossary term) and marks the words it used, so later extractors do not read
/// them again. The order below is the order words are claimed in.
/// </summary>
public sealed partial class SlotExtractor(Vocabulary vocabulary, CueWords cues, PeriodReader periods)
{
    public ScorecardDefinition Definition => vocabulary.Definition;

    private LanguageWords Language => cues.Language;

    public Slots Extract(string text, List<string> tokens, Request? previous)
    {
        var said = new Said(tokens, vocabulary.StopWords);
        var used = said.Used;
        // A polite request's own words ("a brief word about…") are never read as a topic.
        for (var i = 0; i < tokens.Count; i++) used[i] = Language.PoliteWords.Contains(tokens[i]);
        var comparing = said.HasAny(cues["compare"]);
        var period = periods.Read(tokens, used, separate: comparing);
        var second = comparing && period.IsStated ? periods.Read(tokens, used, separate: true) : null;
        var command = FindCommand(tokens, used);
        var numbered = FindMeasureNumber(tokens, used, out var unknownNumber);
        var numberedList = MoreMeasureNumbers(tokens, used, numbered);
        var statuses = FindStatuses(said);
        var term = FindGlossaryTerm(said);
        var (scores, named, phrased) = ScoreMeasures(said);
        var ranked = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Number).ToList();
        var measures = MeasuresMeant(tokens, numbered, ranked, named, phrased);
        var component = FindComponent(said, measures, said.HasAny(cues["count"]), out var candidates);

        return new Slots
        {
            Text = text,
            Said = said,
            Cues = cues,
            Definition = Definition,
            Previous = previous,
            Period = period,
            SecondPeriod = second is { IsStated: true } ? second : null,
            Command = command,
            UnknownCommandNote = command is null ? UnknownCommandNote(tokens, used) : null,
            Numbered = numbered,
            UnknownNumber = unknownNumber,
            NumberedList = numberedList,
            Statuses = statuses,
            Term = term,
            Ranked = ranked,
            Named = named,
            Phrased = phrased,
            Measures = measures,
            Component = component,
            ComponentCandidates = candidates,
            Mentioned = measures.Count > 1 ? ComponentsMentioned(said, measures) : [],
            Cued = IntentFromCues(said),
            Unread = Unread(said, period),
        };
    }

    /// <summary>The measure named by number, else the best by name and any close runner-up, which makes it ambiguous.</summary>
    private static List<Measure> MeasuresMeant(List<string> tokens, Measure? numbered, List<KeyValuePair<Measure, double>> ranked,
        HashSet<Measure> named, HashSet<Measure> phrased)
    {
        if (numbered is not null) return [numbered];
        if (ranked.Count == 0) return [];
        var best = ranked[0];
        var measures = new List<Measure> { best.Key };
        foreach (var (measure, score) in ranked.Skip(1))
        {
            // "CTIO and SNT": each called by one of its own names, joined by "and", even when one word is shared.
            var joined = phrased.Contains(best.Key) && phrased.Contains(measure) && tokens.Any(t => t is "and" or "&" or "plus" or "vs" or "versus" or "v");
            if (score >= best.Value * 0.8 || (named.Contains(best.Key) && named.Contains(measure)) || joined) measures.Add(measure);
        }
        return measures;
    }

    private Intent IntentFromCues(Said said)
    {
        if (said.HasAny(cues["comment"])) return Intent.Comments;
        if (said.HasAny(cues["trend"])) return Intent.Trend;
        if (said.HasAny(cues["target"]) && !said.HasAny(cues["againstTarget"])) return Intent.Target;
        return Intent.MeasureValue;
    }

    /// <summary>
    /// Words nothing read that look meant as something the scorecard does not have: a month too misspelt to read, or
    /// a period it does not keep (weeks, days). Said on the card rather than silently dropped.
    /// </summary>
    private List<string> Unread(Said said, PeriodSpec period)
    {
        var unread = new List<string>();
        for (var i = 0; i < said.Count; i++)
        {
            var token = said.Tokens[i];
            if (said.Used[i] || vocabulary.StopWords.Contains(token)) continue;
            // "week ending 31.08.07" names a date, not a weekly figure.
            if (token is "week" && i + 1 < said.Count && said.Tokens[i + 1] is "ending" or "end") continue;
            var monthLike = !period.IsStated && PeriodReader.LooksLikeMonth(token) && !vocabulary.Match(token).Any() && !cues.CueStems.Contains(said.Stems[i]);
            if (Language.UnsupportedPeriods.Contains(token) || monthLike) unread.Add(token);
        }
        return unread;
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
            if (used[i] || vocabulary.StopWords.Contains(tokens[i]) || tokens[i].All(char.IsDigit)) continue;
            // A word that is itself a cue ("improved", a trend) is not a typo of a measure's word ("improvised").
            foreach (var keyword in vocabulary.Match(tokens[i], fuzzy: !cues.CueStems.Contains(said.Stems[i])))
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
                Beyond: g.Any(p => p.Tokens.Any(t => !vocabulary.IsOwnWord(p.Measure, t)
                    || (!vocabulary.IsOwnWordAsTyped(p.Measure, t) && tokens.Any(typed => Words.Singular(typed) == Words.Singular(t))))),
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
            var printed = longestMatches.Where(c => ContainsAll(said, vocabulary.NameWords(c))).ToList();
            if (printed.Count == 1) longestMatches = printed;
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
            if (used[i] || vocabulary.StopWords.Contains(tokens[i]) || tokens[i].All(char.IsDigit) || tokens[i] == "-" || PeriodReader.MonthNumber(tokens[i]) is not null) continue;
            // As printed, plurals and typos aside: "scene management" is the measure, not "Scenes Managed".
            if (!name.Any(word => Words.Singular(tokens[i]) == Words.Singular(word) || Words.Similar(tokens[i], word))) return false;
        }
        return true;
    }

    /// <summary>Components of these measures whose printed name shares a word with the question.</summary>
    public List<Component> ComponentsMentioned(Said said, IReadOnlyList<Measure> measures) =>
        measures.SelectMany(m => m.Components)
            .Where(c => vocabulary.NameWords(c).Any(word => said.Tokens.Where((t, i) => !said.Used[i] && !vocabulary.StopWords.Contains(t)).Any(t => Vocabulary.Means(t, word))))
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
            else if (Language.Ordinal(t) is { } ordinal && i + 1 < tokens.Count && tokens[i + 1] is "measure" or "kpi" or "indicator")
            {
                n = ordinal;
                width = 2;
            }
            else if (t is "m" or "measure" or "measures" or "meaure" or "measur" or "msr" or "kpi" or "no" or "number" or "num" or "indicator" && i + 1 < tokens.Count)
            {
                n = Language.Number(tokens[i + 1]);
                width = 2;
            }
            if (n is null) continue;
            if (Definition.FindMeasure(n.Value) is not { } measure)
            {
                // A number after "measure" or "m" that names no measure; "no 5" or "number 3" may just be a count.
                if (width == 1 || t is "m" or "measure" or "msr" or "kpi" || Language.Ordinal(t) is not null) unknownNumber ??= n;
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
                : i > 0 && (tokens[i - 1] is "and" or "&" or "measure" or "measures" or "m" or "plus" || (used[i - 1] && Language.Number(tokens[i - 1]) is not null)) ? Language.Number(tokens[i])
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
        if (vocabulary.Extras.CommandCodePrefix is not { } prefix) return null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i]) continue;
            var t = tokens[i];
            var code = t.StartsWith(prefix, StringComparison.Ordinal) && t.Length > prefix.Length && t.Length <= prefix.Length + 2 && t[prefix.Length..].All(char.IsAsciiDigit) ? t
                : t == prefix && i + 1 < tokens.Count && !used[i + 1] && tokens[i + 1].Length <= 2 && tokens[i + 1].All(char.IsAsciiDigit) ? prefix + tokens[i + 1]
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
    private HashSet<Status>? FindStatuses(Said said)
    {
        var named = new HashSet<Status>();
        if (said.HasAny(cues["red"], StatusColour)) named.Add(Status.OutsideTolerance);
        if (said.HasAny(cues["amber"])) named.Add(Status.WithinTolerance);
        if (said.HasAny(cues["green"], StatusColour) && !said.HasAny(cues["notOnTarget"])) named.Add(Status.AboveTarget);
        for (var i = 0; i < said.Count; i++)
        {
            if (said.Tokens[i] is "red" or "reds" or "green" or "greens" or "amber" or "ambers" && StatusColour(said, i)) said.Used[i] = true;
        }
        if (named.Count > 0) return named;
        if (said.HasAny(cues["offTarget"])) return new HashSet<Status> { Status.OutsideTolerance, Status.WithinTolerance };
        return null;
    }

    /// <summary>A colour word is a zone, not a status, when a zone word follows it ("red and purple zones", "green zone").</summary>
    private bool StatusColour(Said said, int at)
    {
        var zones = vocabulary.Extras;
        if (!zones.ZoneColours.Contains(Words.Singular(said.Tokens[at]))) return true;
        for (var j = at + 1; j < said.Count && j <= at + 4; j++)
        {
            if (zones.ZoneWords.Contains(said.Stems[j])) return false;
            if (!zones.ZoneColours.Contains(said.Tokens[j]) && said.Tokens[j] is not ("and" or "or" or "&" or "-")) break;
        }
        return !(at > 0 && zones.ZoneWords.Contains(said.Stems[at - 1]));
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
    public bool ContainsAll(Said said, string[] phrase, bool strict = false)
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

    [GeneratedRegex(@"^(?:m|measures?)?(\d)-(?:m|measure)?(\d)$")]
    private static partial Regex MeasureRun();

    [GeneratedRegex(@"^(?:m|measure|#|no\.?|kpi)(\d{1,3})$")]
    private static partial Regex MeasureToken();
}
