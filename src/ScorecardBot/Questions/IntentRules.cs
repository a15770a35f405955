using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Questions;

/// <summary>One row of the understanding table: when the slots look like this, the request is that.</summary>
/// <param name="FollowsOn">
/// For a follow-up, what the message itself must look like, whatever came before ("why?", "and August?"); null for a
/// rule that never reads the previous request. A message no follow-up could take needs no memory read.
/// </param>
public sealed record IntentRule(string Name, string Example, Func<Slots, bool> When, Func<Slots, Request> Then, Func<Slots, bool>? FollowsOn = null)
{
    /// <summary>A follow-up: the message could continue a previous request (<paramref name="message"/>), and this one does (<paramref name="previous"/>).</summary>
    public static IntentRule FollowUp(string name, string example, Func<Slots, bool> message, Func<Request, bool> previous, Func<Slots, Request> then) =>
        new(name, example, s => s.Previous is { } p && previous(p) && message(s), then, message);
}

/// <summary>
/// The ordered table that turns filled slots into a typed request. The first rule whose condition holds decides;
/// each rule has a name, an example it exists for, and tests of its own (IntentRulesTests). Follow-ups come first:
/// they need the person's previous request, and without one they never apply; no other rule reads it.
/// </summary>
public static class IntentRules
{
    public static readonly IReadOnlyList<IntentRule> Table =
    [
        // ── Follow-ups: fill what the message leaves out from the previous request ──────────────────────────────
        IntentRule.FollowUp("follow-up: another period", "and August?",
            s => s.Period.IsStated && NothingButPeriod(s) && !StandsAlone(s),
            p => p.Intent is not (Intent.Help or Intent.Greeting or Intent.Glossary or Intent.Key or Intent.Clarify or Intent.Unknown),
            s => s.Previous! with
            {
                Intent = s.Previous!.Intent == Intent.Compare ? Intent.MeasureValue : s.Previous.Intent,
                Text = s.Text, Period = s.Period, CompareWith = null, Note = null, Rule = null,
            }),
        IntentRule.FollowUp("follow-up: another measure", "what about the hotline",
            s => s.Measures.Count == 1 && s.Statuses is null && s.Cued == Intent.MeasureValue && s.StartsWith("followUp") && !s.Has("scorecard") && !StandsAlone(s),
            _ => true,
            s => FollowUpMeasure(s)),
        IntentRule.FollowUp("follow-up: another command", "and SO14?",
            s => s.Command is not null && s.Measures.Count == 0 && NothingButPeriod(s, allowCommand: true),
            p => p.Intent is Intent.Scorecard or Intent.ByStatus or Intent.Comments,
            s => s.Previous! with { Text = s.Text, Command = s.Command, Measures = [], Period = s.Period.IsStated ? s.Period : s.Previous.Period, Rule = null }),
        IntentRule.FollowUp("follow-up: why", "why?",
            s => s.Measures.Count == 0 && s.Has("why") && !StandsAlone(s),
            p => p.Measure is not null,
            s => OnPrevious(s, Intent.Why)),
        IntentRule.FollowUp("follow-up: projection", "and the projection?",
            s => s.Measures.Count == 0 && s.Has("projection") && s.StartsWith("followUp") && !s.Has("worst"),
            p => p.Measure is not null,
            s => OnPrevious(s, Intent.Projection)),
        IntentRule.FollowUp("follow-up: trend", "show me the trend",
            s => s.Measures.Count == 0 && s.Has("trend") && !s.Has("compare") && !StandsAlone(s),
            p => p.Measures.Count > 0,
            s => OnPrevious(s, Intent.Trend)),
        // "The difference between red and amber" compares two statuses: the Key, not the last measure's months.
        IntentRule.FollowUp("follow-up: compare", "compare with last month",
            s => s.Measures.Count == 0 && s.Has("compare") && s.Statuses is null && !StandsAlone(s),
            p => p.Measure is not null,
            s => OnPrevious(s, Intent.Compare) with
            {
                Period = s.Previous!.Period,
                CompareWith = s.Period.IsStated && s.Period.Kind != PeriodKind.RelativeMonth ? s.Period : PreviousPeriodSpec,
            }),
        IntentRule.FollowUp("follow-up: target", "what's the target?",
            s => s.Measures.Count == 0 && s.Cued == Intent.Target && s.Statuses is null && !StandsAlone(s),
            p => p.Measure is not null,
            s => OnPrevious(s, Intent.Target)),
        IntentRule.FollowUp("follow-up: comments", "any comments?",
            s => s.Measures.Count == 0 && s.Cued == Intent.Comments && !StandsAlone(s),
            p => p.Measure is not null,
            s => OnPrevious(s, Intent.Comments)),

        // ── Words about words: glossary, commands ────────────────────────────────────────────────────────────────
        new("glossary: asked", "what does BOCU stand for",
            s => s.Has("glossary") && (s.Term is not null || s.Has("glossaryList")),
            s => s.Base(Intent.Glossary) with { Term = s.Term, Period = PeriodSpec.Unspecified }),
        // "BOCU?" or "what is a BOCU": a bare glossary term. Alone, a term that is also a measure's name ("CTIO?")
        // asks for the measure; "what is a CTIO" asks what the word means.
        new("glossary: bare term", "what is a BOCU",
            s => s.Term is { } term && s.Numbered is null && s.OnlyWordsAre(GlossaryWords(s, term), s.Cues.Language.WhatIsWords)
                 && (s.Has("what") || !IsMeasureName(s, term)),
            s => s.Base(Intent.Glossary) with { Term = s.Term }),
        // "What does CTC stand for": a command's code is read as a command before anything else, so answer it here.
        new("glossary: command code", "what does CTC stand for",
            s => s.Term is null && s.Command is not null && s.Numbered is null && s.Best is null
                 && (s.Has("glossary") || (s.Has("whatOrWho") && s.OnlyWordsAre(s.Cues.Language.WhoIsWords))),
            // "Royalty Protection (SO14)" names its own code: SO14 stands for Royalty Protection.
            s => s.Base(Intent.Glossary) with { Term = new GlossaryEntry(s.Command!.Code, Vocabulary.PlainName(s.Command)) }),

        // ── Month-end alerts ─────────────────────────────────────────────────────────────────────────────────────
        new("unsubscribe", "unsubscribe",
            s => s.Has("unsubscribe"),
            s => s.Base(Intent.Unsubscribe) with { Period = PeriodSpec.Unspecified, Statuses = null }),
        new("subscribe", "subscribe",
            s => s.Has("subscribe") && !s.Has("alertsStatus"),
            s => s.Base(Intent.Subscribe) with { Period = PeriodSpec.Unspecified, Statuses = null }),
        new("alerts status", "alerts status",
            s => s.Has("alertsStatus"),
            s => s.Base(Intent.AlertsStatus) with { Period = PeriodSpec.Unspecified, Statuses = null }),
        new("alerts log", "alerts log",
            s => s.Has("alertsLog"),
            s => s.Base(Intent.AlertsLog) with { Period = PeriodSpec.Unspecified, Statuses = null }),
        new("preview alerts", "preview alerts for September 2007",
            s => s.Has("previewAlerts"),
            s => s.Base(Intent.PreviewAlerts) with { Statuses = null }),
        new("run alerts", "run alerts for September 2007",
            s => s.Has("runAlerts"),
            s => s.Base(Intent.RunAlerts) with { Statuses = null }),

        // ── The committee pack, to download ──────────────────────────────────────────────────────────────────────
        // "Download the scorecard as pdf" names the scorecard, but asks for the file: decided before "scorecard".
        new("committee pack", "committee pack for June to August",
            s => s.Has("pack") && s.Measures.Count == 0 && s.Statuses is null && s.Term is null,
            s => PackRequest(s)),

        // ── Figures: forms, roles, history, locks ────────────────────────────────────────────────────────────────
        new("who can submit", "who can submit for CTC?",
            s => s.Has("whoCan") && !s.Has("freshness"),
            s => s.Base(Intent.WhoCanSubmit) with { Period = PeriodSpec.Unspecified }),
        new("unlock a month", "unlock July 2007",
            s => s.StartsWith("unlock") && s.Period.Kind == PeriodKind.Month,
            s => s.Base(Intent.UnlockMonth)),
        new("lock a month", "lock July 2007",
            s => s.StartsWith("lock") && s.Period.Kind == PeriodKind.Month,
            s => s.Base(Intent.LockMonth)),
        new("history of a measure", "history of measure 5 for July 2007",
            s => s.Measures.Count == 1 && (s.Has("revisions") || (s.Said.AnyWord("history") && s.Period.Kind is PeriodKind.Month or PeriodKind.Unspecified)),
            s => s.Base(Intent.History) with { Measures = s.Measures, Statuses = null }),
        new("submit figures", "submit CTC figures for September 2007",
            s => (s.Has("submit") || (s.Said.AnyWord("enter", "input", "record", "upload", "update", "add") && s.Said.AnyWord("figures", "figure", "numbers", "returns")))
                 && !s.Has("freshness"),
            s => s.Base(Intent.SubmitFigures) with { Statuses = null }),

        // ── Several measures, freshness, the Key, help ───────────────────────────────────────────────────────────
        new("measures by number", "measures 1 and 6",
            s => s.NumberedList.Count > 1 && s.Statuses is null,
            s => s.Base(Intent.Scorecard) with { Measures = s.NumberedList }),
        new("freshness", "when were the figures last updated",
            s => s.Has("freshness") && s.Statuses is null,
            s => s.Base(Intent.Freshness) with { Measures = s.Measures.Count == 1 ? s.Measures : [] }),
        // "What does amber mean?", "how is the status worked out?", "how is amber different from red?": the Key.
        new("key", "what does amber mean",
            s => s.Numbered is null && s.Term is null
                 && ((s.Has("key") && (s.Measures.Count == 0 || s.Has("statusWorkedOut")))
                     || (s.Measures.Count == 0 && (s.Has("glossary") || s.Has("statusMeaning"))
                         && (s.Statuses is not null || s.Said.AnyWord("fytd", "ytd", "rag", "status", "statuses", "key", "colour", "colours", "color", "colors")))),
            s => s.Base(Intent.Key)),
        new("help", "what can you do",
            s => s.Has("help") && s.Measures.Count == 0 && s.Statuses is null,
            s => s.Base(Intent.Help)),
        new("worst measure", "which is the worst performing measure",
            s => s.Has("worst") && s.Measures.Count == 0,
            s => s.Base(Intent.Worst) with { Statuses = null }),
        new("what changed", "what changed since last month",
            // A near miss of a measure's word ("new") does not make it about a measure; a measure named outright does.
            s => s.Has("changes") && s.Numbered is null && (s.Measures.Count == 0 || (s.Named.Count == 0 && s.Phrased.Count == 0)),
            s => s.Base(Intent.Changes) with { Statuses = null }),
        new("scorecard with projection", "scorecard with projection",
            s => s.Has("projection") && s.Measures.Count != 1 && s.Said.HasAny(s.Cues.ScorecardName) && s.SecondPeriod is null,
            s => s.Base(Intent.Scorecard) with { Measures = s.Measures.Count > 1 ? s.Measures : [], Statuses = null, Projected = true }),
        // "Will we hit target this year", "hotline projection": the year's end at the run rate, with the method.
        new("projection", "will we hit target this year",
            s => s.Has("projection") && s.Measures.Count <= 1 && s.SecondPeriod is null && !s.Has("why"),
            s => s.Base(Intent.Projection) with { Measures = s.Measures, Statuses = null }),

        // ── Comparisons, objectives and why, for one measure ─────────────────────────────────────────────────────
        new("compare two periods", "hotline July v August",
            s => s.SecondPeriod is not null && s.Measures.Count == 1 && s.Statuses is null,
            s => s.Base(Intent.Compare) with { Measures = s.Measures, Component = s.Component, CompareWith = s.SecondPeriod }),
        new("compare: which measure", "compare July with August",
            s => s.SecondPeriod is not null && s.Measures.Count != 1 && s.Statuses is null,
            s => Clarify(s, s.Base(Intent.Compare) with { CompareWith = s.SecondPeriod }, Offers(s))),
        new("objective", "what is measure 5 for",
            s => s.Measures.Count == 1 && (s.Has("objective") || (s.Tokens[0] is "what" or "whats" && s.Tokens[^1] == "for")),
            s => s.Base(Intent.Objective) with { Measures = s.Measures }),
        new("why", "why is the hotline amber",
            s => s.Measures.Count == 1 && s.Has("why") && !s.Has("missAny"),
            s => s.Base(Intent.Why) with { Measures = s.Measures, Statuses = null }),
        new("why: the year to date", "why is the year to date lower than every month",
            s => s.Measures.Count == 0 && s.Has("why") && s.Period.Kind == PeriodKind.YearToDate,
            s => s.Base(Intent.Why)),

        // ── Statuses: which measures are red, amber, off target ──────────────────────────────────────────────────
        // A status word never overrides a named measure ("did the hotline go red", "is IED amber").
        new("exceptions", "which measures are off target",
            s => s.Statuses is not null && (s.Numbered is null || s.Said.HasAny(s.Cues.OffTargetPhrase))
                 && !(s.Measures.Count == 1 && (!s.Has("listing") || s.Has("missAny"))),
            s => s.Base(Intent.ByStatus) with { Measures = s.Measures.Count == 1 ? s.Measures : [] }),

        // ── No measure named ─────────────────────────────────────────────────────────────────────────────────────
        new("no such measure", "measure 9",
            s => s.Measures.Count == 0 && s.UnknownNumber is not null,
            s =>
            {
                var numbers = s.Definition.Measures.Select(m => m.Number).Order().ToList();
                var note = $"There is no measure {s.UnknownNumber} in this scorecard; its measures are numbered {numbers[0]} to {numbers[^1]}.";
                return Clarify(s, s.Base(s.Cued) with { Note = note }, AllMeasures(s));
            }),
        // "Any comments for July?": every measure's comments (a command's, if one is named).
        new("all comments", "any comments for July",
            s => s.Measures.Count == 0 && s.Cued == Intent.Comments && !s.Has("scorecard"),
            s => s.Base(Intent.Comments)),
        new("scorecard", "scorecard June to August",
            s => s.Measures.Count == 0 && (s.Has("scorecard") || s.Command is not null || (s.Period.IsStated && s.AllUsedOrStop(StopWords(s)))),
            s => s.Base(Intent.Scorecard)),
        new("greeting", "hello",
            s => s.Measures.Count == 0 && s.Cues.Language.Greetings.Contains(s.Tokens[0]) && s.Tokens.Count <= 4,
            s => s.Base(Intent.Greeting)),
        // "What are the targets?": every measure's, which the scorecard shows beside its figures.
        new("all targets", "what are the targets",
            s => s.Measures.Count == 0 && s.Cued == Intent.Target && s.Said.AnyWord("targets", "all", "every", "each"),
            s => s.Base(Intent.Scorecard)),
        // A trend or a target needs a measure, so ask which.
        new("which measure", "show me the trend",
            s => s.Measures.Count == 0 && (s.Has("trend") || s.Has("target") || s.Has("comment")),
            s => Clarify(s, s.Base(s.Cued), AllMeasures(s))),
        new("not understood", "banana",
            s => s.Measures.Count == 0,
            s => s.Base(Intent.Unknown)),

        // ── Several measures by name ─────────────────────────────────────────────────────────────────────────────
        new("component of several", "response within set time and calls received",
            s => s.Measures.Count > 1 && s.Numbered is null && s.Component is { } c && s.Measures.Contains(c.Measure)
                 && !s.Said.HasAny(s.Cues.ScorecardName),
            s => s.Base(Intent.ComponentValue) with { Measures = [s.Component!.Measure], Component = s.Component }),
        // "Hotline and IED in July": each measure called by one of its names, so both are wanted, side by side.
        new("several named", "hotline and IED in July",
            s => s.Measures.Count > 1 && s.Numbered is null && !s.WantsComponent && s.Measures.All(s.Phrased.Contains),
            s => s.Base(Intent.Scorecard) with { Measures = s.Measures.OrderBy(m => m.Number).ToList() }),
        new("several on the scorecard", "overview of calls",
            s => s.Measures.Count > 1 && s.Numbered is null && s.Said.HasAny(s.Cues.ScorecardName),
            s => s.Base(Intent.Scorecard)),
        new("which of several", "calls in July",
            s => s.Measures.Count > 1 && s.Numbered is null,
            s => Clarify(s, s.Base(s.Cued), SeveralOffers(s))),

        // ── One measure ──────────────────────────────────────────────────────────────────────────────────────────
        // "How many calls were not answered in time", "BOCUs without a CTIO", "did they miss any IED calls": the rest
        // of a ratio, not the ratio. "How many calls were missed" counts the rest, though "missed" alone would ask
        // which measures missed target.
        new("rest of a ratio", "how many calls were not answered in time",
            s => s.Measures is [{ Value: RatioFormula }] && OneMeasureIntent(s) is Intent.MeasureValue or Intent.ComponentValue
                 && (s.Has("missAny") || ((s.Statuses is null || Missed(s)) && (s.Has("negation") || Missed(s)) && !s.Has("notOnTarget"))),
            s => s.Base(Intent.MeasureValue) with { Measures = s.Measures, Complement = true, Statuses = null }),
        // "How many BOCUs are there": the fixed whole a ratio is counted against, not the count that has a CTIO.
        new("all there are", "how many BOCUs are there",
            s => s.Measures is [{ Value: RatioFormula { DenominatorConstant: not null } r }] && s.WantsComponent
                 && s.Said.Tokens.Any(t => Words.Singular(t) == Words.Singular(r.Basis.ToLowerInvariant()))
                 && s.Said.AnyWord("there", "altogether", "overall") && !NamesMoreThanTheBasis(s, r),
            s => s.Base(Intent.MeasureValue) with
            {
                Measures = s.Measures,
                Note = $"There are {((RatioFormula)s.Measures[0].Value).DenominatorConstant} {((RatioFormula)s.Measures[0].Value).Basis} in all.",
            }),
        new("component by month", "green zone intrusions by month",
            s => s.Measures.Count == 1 && s.Component is not null && s.Has("byMonth"),
            s => s.Base(Intent.Trend) with { Measures = s.Measures, Component = s.Component }),
        new("one measure", "CTIO coverage in July",
            s => s.Measures.Count == 1,
            s =>
            {
                var intent = OneMeasureIntent(s);
                var request = s.Base(intent) with { Measures = s.Measures, Component = intent == Intent.ComponentValue ? s.Component : null };
                // "Who owns the hotline measure?": the answer starts with the command that reports it.
                if (!s.Has("owner")) return request;
                var owner = s.Measures[0].Command;
                var name = owner.Name == owner.Code ? "" : $" ({Vocabulary.PlainName(owner)})";
                return request with { Note = $"{s.Measures[0].ShortName} is reported by {owner.Code}{name}." };
            }),
    ];

    /// <summary>Which rule decides these slots; the last rule always applies, so there is always one.</summary>
    /// <summary>Whether some follow-up could take this message, given the right previous request.</summary>
    public static bool CouldFollowOn(Slots slots)
    {
        foreach (var rule in Table)
        {
            if (rule.FollowsOn is { } message && message(slots)) return true;
        }
        return false;
    }

    public static Request Apply(Slots slots)
    {
        foreach (var rule in Table)
        {
            if (rule.When(slots)) return rule.Then(slots) with { Rule = rule.Name };
        }
        throw new InvalidOperationException("The understanding table has no rule for these slots.");
    }

    /// <summary>The period a comparison with "last month" means: the one before the period being looked at.</summary>
    public static PeriodSpec PreviousPeriodSpec { get; } = new(PeriodKind.PreviousPeriod, "the period before");

    // A status word ("did we hit target", "is it red") asks how the measure stands against its target, not what it is.
    private static Intent OneMeasureIntent(Slots s)
    {
        var intent = s.Cued;
        if (intent == Intent.Target && s.Statuses is not null) intent = Intent.MeasureValue;
        if (intent == Intent.MeasureValue && s.Component is not null) intent = Intent.ComponentValue;
        if (intent == Intent.MeasureValue && s.Has("report") && s.Command is not null) intent = Intent.Scorecard;
        return intent;
    }

    /// <summary>
    /// The pack in the formats named, both when none is. A format the pack does not come in ("as word", "as docx") is
    /// never quietly swapped for one it does: the note says so, and both are offered.
    /// </summary>
    private static Request PackRequest(Slots s)
    {
        var formats = new HashSet<PackFormat>();
        if (s.Has("packPdf")) formats.Add(PackFormat.Pdf);
        if (s.Has("packExcel")) formats.Add(PackFormat.Xlsx);
        var other = UnknownFormat(s);
        string? note = null;
        if (other is not null)
        {
            note = formats.Count == 0
                ? $"The committee pack comes as a PDF or an Excel workbook, not \"{other}\", so here are both."
                : $"The committee pack comes as a PDF or an Excel workbook, not \"{other}\".";
        }
        if (formats.Count == 0) formats = [PackFormat.Pdf, PackFormat.Xlsx];
        var request = s.Base(Intent.Pack);
        return request with { Formats = formats, Statuses = null, Note = AnswersNote(request.Note, note) };
    }

    /// <summary>A file format the pack is not made in: a word the language lists as one, or whatever follows "as".</summary>
    private static string? UnknownFormat(Slots s)
    {
        var at = s.Said.Find(s.Cues["packOtherFormat"]);
        if (at >= 0) return s.Tokens[at];
        for (var i = 0; i + 1 < s.Tokens.Count; i++)
        {
            if (s.Tokens[i] != "as") continue;
            // "as a spreadsheet": the article is not the format.
            var next = s.Tokens[i + 1] is "a" or "an" && i + 2 < s.Tokens.Count ? i + 2 : i + 1;
            var word = s.Tokens[next];
            if (s.Said.Used[next] || StopWords(s).Contains(word) || IsPackWord(s, next)) continue;
            return word;
        }
        return null;
    }

    private static readonly string[] PackCues = ["pack", "packPdf", "packExcel"];

    private static bool IsPackWord(Slots s, int at) =>
        PackCues.Any(cue => s.Said.Find(s.Cues[cue], (_, i) => i == at) >= 0);

    private static string? AnswersNote(string? first, string? second) => first is null ? second : second is null ? first : $"{first} {second}";

    /// <summary>Whether the question says more than the basis ("BOCUs with a CTIO" names the numerator).</summary>
    private static bool NamesMoreThanTheBasis(Slots s, RatioFormula ratio)
    {
        var basis = Words.Singular(ratio.Basis.ToLowerInvariant());
        var numerator = s.Measures[0].FindComponent(ratio.Numerator)!;
        var words = numerator.Name.ToLowerInvariant().Split(' ').Select(Words.Stem).Where(w => w != Words.Stem(basis) && !StopWords(s).Contains(w));
        return s.Said.Stems.Any(words.Contains);
    }

    private static bool Missed(Slots s) => s.WantsComponent && s.Has("missed");

    /// <summary>
    /// A question about the scorecard as a whole ("which measure is furthest from target", "worst performing measure") or
    /// about the Key, which only shares a word with a follow-up ("target", "worse", "difference").
    /// </summary>
    private static bool StandsAlone(Slots s) => s.Has("worst") || s.Has("key") || s.Has("changes") || s.Has("projection");

    private static Request OnPrevious(Slots s, Intent intent) =>
        s.Previous! with { Intent = intent, Text = s.Text, Period = s.Period.IsStated ? s.Period : s.Previous.Period, CompareWith = null, Note = null, Rule = null, Complement = false };

    private static Request FollowUpMeasure(Slots s)
    {
        var previous = s.Previous!;
        var intent = previous.Intent is Intent.MeasureValue or Intent.Trend or Intent.Target or Intent.Comments or Intent.Why or Intent.Compare or Intent.Objective
            ? previous.Intent : Intent.MeasureValue;
        return s.Base(intent) with
        {
            Measures = s.Measures,
            Component = s.Component,
            Period = s.Period.IsStated ? s.Period : previous.Period,
            CompareWith = intent == Intent.Compare ? previous.CompareWith : null,
        };
    }

    /// <summary>Nothing said but a period (and follow-up words such as "and", "same for", "what about").</summary>
    private static bool NothingButPeriod(Slots s, bool allowCommand = false) =>
        s.Measures.Count == 0 && s.Component is null && s.Term is null && s.Statuses is null && (allowCommand || s.Command is null)
        && s.NumberedList.Count == 0 && s.AllUsedOrStop(StopWords(s), FollowUpWords(s));

    private static string[] FollowUpWords(Slots s) =>
        s.Cues["followUp"].Phrases.SelectMany(p => p).Append("same").Append("again").Append("please").Distinct().ToArray();

    private static IReadOnlySet<string> StopWords(Slots s) => s.Cues.Language.StopWords;

    private static string[] GlossaryWords(Slots s, GlossaryEntry term) =>
        TextNormalizer.Tokens(TextNormalizer.Normalize(term.Term), s.Cues.Language).ToArray();

    private static bool IsMeasureName(Slots s, GlossaryEntry term) =>
        s.Definition.Measures.Any(m => m.Aliases.Any(a => string.Equals(a, term.Term, StringComparison.OrdinalIgnoreCase)));

    private static List<(string Name, Measure Measure, Component? Component)> AllMeasures(Slots s) =>
        s.Definition.Measures.Select(m => (m.ShortName, m, (Component?)null)).ToList();

    private static List<(string Name, Measure Measure, Component? Component)> Offers(Slots s) =>
        s.Measures.Count > 1 ? s.Measures.Select(m => (m.ShortName, m, (Component?)null)).ToList() : AllMeasures(s);

    /// <summary>"How many calls": offer the figures that word could be, not just the measures.</summary>
    private static List<(string Name, Measure Measure, Component? Component)> SeveralOffers(Slots s)
    {
        if (s.ComponentCandidates.Count > 1) return s.ComponentCandidates.Select(c => (c.Name, c.Measure, (Component?)c)).ToList();
        if (s.WantsComponent && s.Mentioned is { Count: > 1 } mentioned) return mentioned.Select(c => (c.Name, c.Measure, (Component?)c)).ToList();
        return s.Measures.Select(m => (m.ShortName, m, (Component?)null)).ToList();
    }

    /// <summary>Asks back with a button per offer, each carrying the whole request it stands for.</summary>
    private static Request Clarify(Slots s, Request asked, IReadOnlyList<(string Name, Measure Measure, Component? Component)> offers)
    {
        var intent = asked.Intent is Intent.Unknown ? Intent.MeasureValue : asked.Intent;
        var choices = offers
            .DistinctBy(o => o.Name)
            .Take(6)
            .Select(o => new Choice($"{o.Name} (measure {o.Measure.Number})", asked with
            {
                Intent = o.Component is not null && intent == Intent.MeasureValue ? Intent.ComponentValue : intent,
                Measures = [o.Measure],
                Component = o.Component,
                Note = null,
                Statuses = null,
            }))
            .ToList();
        return asked with { Intent = Intent.Clarify, Choices = choices, Measures = offers.Select(o => o.Measure).Distinct().ToList() };
    }
}
