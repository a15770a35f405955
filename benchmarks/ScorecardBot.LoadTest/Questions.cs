namespace ScorecardBot.LoadTest;

/// <summary>What a question asks for. <see cref="Scorecard"/> (the committee scorecard card) is a mix of its own.</summary>
public enum QuestionKind
{
    Measure,
    Component,
    Target,
    Trend,
    Compare,
    Why,
    Comments,
    Objective,
    Several,
    Scorecard,
    Status,
    Worst,
    Freshness,
    Glossary,
    Key,
    Help,
}

/// <summary>Which questions a run sends.</summary>
public enum Mix
{
    /// <summary>Every question in the table.</summary>
    All,

    /// <summary>Only the committee scorecard card (every measure, or one command's), for any period: the biggest card.</summary>
    Scorecard,
}

/// <summary>A question and its popularity rank in its mix (1 is asked most).</summary>
public sealed record Question(int Rank, QuestionKind Kind, string Text);

/// <summary>
/// The questions the load sends, as the senior management team types them: measures by name, number, acronym and
/// typo; months, ranges and year to date; the scorecard; exceptions; comparisons; glossary and help. A line's place
/// in the table is its popularity rank. None is a follow-up (a bare period, command or "and …"), so each turn's
/// answer is the same whatever the worker asked before it.
/// </summary>
public static class QuestionMix
{
    private const string Table = """
        // kind | text, most asked first. With Zipf s = 1 over 275 questions the first 20 are 58% of turns.
        scorecard | scorecard
        status | which measures are off target
        measure | hotline
        measure | CTIO coverage
        scorecard | scorecard for August
        status | anything red?
        measure | hotline in August
        measure | IED calls attended within set time FYTD
        measure | SNT briefing ytd
        glossary | what does BOCU stand for
        measure | hotline last month
        component | how many IED calls in August
        status | exceptions
        help | help
        measure | ctio coverage in july
        scorecard | scorecard june to august
        measure | scene management
        measure | royal residence intrusions ytd
        compare | hotline july v august
        measure | m5 aug

        // The next 40: the common ways of asking, 17% of turns.
        scorecard | latest scorecard
        measure | how did the hotline do in August
        trend | hotline trend
        target | what's the target for hotline
        measure | snt briefings june
        status | what's off target for CTC
        measure | IED response july
        scorecard | scorecard for July
        measure | ctio covrage jul
        component | how many hotline calls did we get in june
        measure | hotline ytd
        status | exceptions in August
        comments | comments on snt briefings
        measure | measure 4 in june
        several | hotline and IED in july
        glossary | what does SNT mean
        measure | is the hotline on target?
        worst | lowest performing measure
        measure | how are we doing on hotline this year
        scorecard | show me the scorecard
        measure | intrusions at the royal residence this year
        freshness | when were the figures last updated
        measure | m1
        key | what does amber mean
        measure | SNT briefing FYTD
        status | any ambers this year
        measure | explosive officer response times this year
        component | calls received in July
        why | why is the hotline down in july
        scorecard | committee paper jun-aug
        measure | hotline calls answered in time last month
        target | target for ctio coverage
        measure | scene management july
        trend | ctio coverage month by month
        status | which measures are on target
        measure | hotlne
        scorecard | RAG summary june
        measure | m3 july
        compare | jun vs aug snt briefing
        measure | ied

        // The long tail.
        measure | CTIO coverage in August
        measure | ctio coverage latest
        measure | CTIO coverage last 3 months
        measure | ctio coverage Jun to Aug
        measure | ctio coverage since april
        measure | July CTIO coverage
        measure | coverage CTIO july
        measure | CTIO COVERAGE JUL-07
        measure | ctio coverage 2007-07
        measure | ctio coverage 07/2007
        measure | CTIO June 07
        measure | coverge of ctios across the boroughs
        measure | whats our ctio cover like atm
        measure | intelligence officers in boroughs, aug
        measure | measure 1 june
        measure | what % of boroughs have a ctio
        measure | Hi, what was CTIO coverage at the end of August?
        measure | give me m1 for 2007-06
        measure | ctio coverage over the last quarter
        measure | what proportion of london boroughs had a ctio in june
        measure | CTIO cov Aug-07
        measure | m1 jun-07
        measure | coverage of ctio jul/aug
        measure | as at end of august ctio coverage
        measure | c t i o coverage in july two thousand and seven
        measure | how many BOCUs are there
        measure | snt briefings in aug
        measure | SNT briefing last month
        measure | safer neighbourhood team briefings in aug
        measure | % of new SNT staff briefed within 2 months
        measure | breifing of snt members july
        measure | snt breifings agust
        measure | are new neighbourhood officers getting their CT briefing in time
        measure | quick one - how did SNT briefing look in july?
        measure | show snt for jul 07
        measure | SNT fytd as at june
        measure | SNT briefing year to date to end of july
        measure | snt briefing jun till now
        measure | snt briefing from june through august
        measure | where are we with SNT briefings this FY
        measure | pls send snt brfing figs for jul
        measure | percentage of neighbourhood team members briefed, fytd
        measure | did we hit target on snt briefing in july
        measure | m2 vs target
        measure | Measure two ytd
        measure | M2 FYTD
        measure | No 2 last month
        measure | s n t briefing year to date
        measure | IED response in August
        measure | EXPO attendance in time aug
        measure | how fast do expos get to suspect devices
        measure | bomb call response 2007/8
        measure | improvised explosive device response in June
        measure | explosve officers responce july
        measure | need the IED numbers for aug asap
        measure | IED 7/2007
        measure | IED june-july-august
        measure | how are we doing on EXPO response
        measure | IED perf YTD vs target
        measure | ied response rate for the year
        measure | explosive officers response to IEDs last month
        measure | did they miss any IED calls in july
        measure | aug m3
        measure | #3 july
        measure | m3 jun - aug
        measure | scene managment in june
        measure | m4 scenes aug
        measure | how are we managing terror scenes
        measure | scene mgmt rating Q1
        measure | terrorist incident scenes rated appropriate ytd
        measure | what's the number for m4 in june
        measure | incidents rated appropriate in august
        measure | scenes from Jun-07 to Aug-07
        measure | scene mgmt
        measure | measure 4 for june
        measure | HOTLINE JULY
        measure | june hotline
        measure | hotline calls answered on time in june
        measure | how quickly are we answering hotline calls
        measure | anti-terror hotline answer rate fytd
        measure | hotlien calls answred
        measure | Morning, can you give me the hotline figures for last month please
        measure | CTC hotline
        measure | hotline for the past 3 months
        measure | hotline for FY 2007-08
        measure | hotline from june onwards
        measure | hotline before august
        measure | hotline until july
        measure | hotline over the summer
        measure | hotline first half of the year
        measure | hotline this quarter
        measure | hotline so far this year
        measure | hotline jun-aug
        measure | hotline figures for june and july
        measure | hotline 1st quarter
        measure | hotline from april to august
        measure | hotline call handling july 07
        measure | hot line in august
        measure | measure five in june
        measure | no.5 aug
        measure | did we miss any hotline calls last month
        measure | how many hotline calls were missed
        measure | did the hotline go red
        measure | any intrusions into the palace in july
        measure | red and purple zone intrusions ytd
        measure | SO14 intrusions aug
        measure | royal household security june
        measure | intrusuons ytd
        measure | any breaches at the palace this year
        measure | Were there any intrusions into the royal residence in June?
        measure | measure 6 latest
        measure | 3rd measure in july
        measure | the first measure
        component | IED calls since July
        component | no. of ied calls fytd
        component | how many suspected IED calls did EXPO attend in june
        component | how many hotline calls were answered in time in june
        component | number of calls to the hotline in aug
        component | how many calls did the hotline receive in june
        component | SNT recruited ytd
        component | how many SNT officers were recruited in july
        component | how many new SNT recruits were there between june and august
        component | how many were briefed in june
        component | how many scenes were managed in july
        component | how many scenes got an appropriate rating in aug
        component | rolled out ctios in june
        component | how many CTIOs were rolled out fytd
        component | how many boroughs are covered by CTIOs now
        component | total BOCUs with CTIOs
        component | green zone intrusions in july
        component | how many orange zone incursions in aug
        component | yellow intrusions ytd
        target | IED target
        target | target for m2
        target | what are we aiming for on ctio coverage
        target | what is the goal for scene management
        target | intrusions target
        target | whats the targt for ied
        target | target for briefing new SNT officers
        trend | SNT trend
        trend | show me a chart of IED response
        trend | is the hotline improving
        trend | hotline chart
        trend | IED trend this year
        trend | so14 intrusions trend
        trend | hotline calls received month by month
        trend | trend of snt briefing over the last 3 months
        compare | compare July with August for the hotline
        compare | compare june to august ctio coverage
        compare | IED calls july versus august
        compare | difference between june and august CTIO coverage
        why | hotline - why so low in july?
        why | why is SNT briefing year to date lower than the months
        why | why is ctio coverage low in june
        comments | comments on m5 june
        comments | any notes on ctio coverage
        comments | explain the hotline figures for june
        comments | commentary for measure 3
        comments | comments on measure 6
        comments | comments on hotline july
        objective | what is measure 5 for
        objective | what's the purpose of the CTIO measure
        objective | which objective does SNT briefing serve
        several | ctio coverage and hotline july
        several | measures 1 and 6 for june
        several | m1-m3 july
        several | CTIO, SNT and IED year to date
        scorecard | scorecard for June
        scorecard | scorcard july
        scorecard | full report for june to august
        scorecard | scorecard for last quarter
        scorecard | scorecard since june 2007
        scorecard | scorecard for the three months to august
        scorecard | H1 scorecard
        scorecard | Q1 scorecard
        scorecard | overall picture fytd
        scorecard | give me the whole lot for 2007/8
        scorecard | scorecard for jul 07
        scorecard | snapshot for august
        scorecard | scorecard jun-aug 07
        scorecard | full scorecard ytd
        scorecard | ctc scorecard for july
        status | exeptions for june
        status | what's failing
        status | anything red in july
        status | what's green in aug
        status | are we missing any targets
        status | what needs attention
        status | which targets have we missed ytd
        status | anything more than 10% off target
        status | is anything underperforming
        status | which measures missed their target in july
        status | anything amber or red ytd
        status | so14 exceptions
        worst | which measure is furthest off target
        freshness | who submitted the august figures
        freshness | how up to date is the hotline data
        glossary | what does CTIO stand for
        glossary | what is operation rainbow
        glossary | define IED
        glossary | what does EWS mean?
        glossary | meaning of BWT
        glossary | what does MPS stand for
        glossary | what's SO
        glossary | what does CTC stand for
        glossary | SMT meaning
        glossary | list of acronyms
        key | what does FYTD mean
        key | how is the status worked out
        key | what does red mean
        help | what can I ask you
        help | what can this bot do
        help | how do i submit figures
        help | hi
        help | thanks
        """;

    public static IReadOnlyList<Question> All { get; } = Parse(Table);

    /// <summary>The questions of a mix, ranked within it in the table's order.</summary>
    public static IReadOnlyList<Question> For(Mix mix) => mix switch
    {
        Mix.Scorecard => All.Where(q => q.Kind == QuestionKind.Scorecard).Select((q, i) => q with { Rank = i + 1 }).ToList(),
        _ => All,
    };

    private static List<Question> Parse(string table)
    {
        var questions = new List<Question>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in table.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("//", StringComparison.Ordinal)) continue;
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            var kind = Enum.Parse<QuestionKind>(line[..bar].Trim(), ignoreCase: true);
            var text = line[(bar + 1)..].Trim();
            // The echo check looks for the text in the reply as written; JSON would escape a quote or a backslash.
            if (text.IndexOfAny(['"', '\\']) >= 0) throw new InvalidOperationException($"Question {text} has a quote or backslash");
            if (!seen.Add(text)) throw new InvalidOperationException($"Question {text} is in the table twice");
            questions.Add(new Question(questions.Count + 1, kind, text));
        }
        return questions;
    }
}
