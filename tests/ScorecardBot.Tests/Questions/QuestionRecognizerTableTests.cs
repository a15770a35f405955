namespace ScorecardBot.Tests.Questions;

/// <summary>
/// Questions the way a busy senior officer types them in Teams. Adding a case is one line; the columns are
/// described on <see cref="UtteranceRow"/>.
/// </summary>
public sealed class QuestionRecognizerTableTests
{
    private const string Table = """
        // text | intent | measures | component or term | period | extras

        // One measure's value: names, abbreviations, typos, word order, month forms.
        CTIO coverage in July | MeasureValue | 1 | - | M7
        ctio covrage in jully | MeasureValue | 1 | - | M7
        July CTIO coverage | MeasureValue | 1 | - | M7
        coverage CTIO july | MeasureValue | 1 | - | M7
        CTIO COVERAGE JUL-07 | MeasureValue | 1 | - | M7/2007
        ctio coverage 2007-07 | MeasureValue | 1 | - | M7/2007
        ctio coverage 07/2007 | MeasureValue | 1 | - | M7/2007
        ctio coverage july 2007 | MeasureValue | 1 | - | M7/2007
        CTIO June 07 | MeasureValue | 1 | - | M6/2007
        coverge of ctios across the boroughs | MeasureValue | 1 | - | -
        whats our ctio cover like atm | MeasureValue | 1 | - | Latest
        intelligence officers in boroughs, aug | MeasureValue | 1 | - | M8
        m1 | MeasureValue | 1 | - | -
        measure 1 june | MeasureValue | 1 | - | M6
        no.5 aug | MeasureValue | 5 | - | M8
        #3 july | MeasureValue | 3 | - | M7
        Measure two ytd | MeasureValue | 2 | - | YTD
        m5 aug | MeasureValue | 5 | - | M8
        M2 FYTD | MeasureValue | 2 | - | YTD
        aug m3 | MeasureValue | 3 | - | M8
        measure 6 latest | MeasureValue | 6 | - | Latest
        hotline | MeasureValue | 5 | - | -
        Hotline? | MeasureValue | 5 | - | -
        hotlne | MeasureValue | 5 | - | -
        HOTLINE JULY | MeasureValue | 5 | - | M7
        june hotline | MeasureValue | 5 | - | M6
        sept hotline | MeasureValue | 5 | - | M9
        hotline calls answered on time in june | MeasureValue | 5 | - | M6
        hotline performance last month | MeasureValue | 5 | - | Rel1
        how did the hotline do in August | MeasureValue | 5 | - | M8
        how quickly are we answering hotline calls | MeasureValue | 5 | - | -
        anti-terror hotline answer rate fytd | MeasureValue | 5 | - | YTD
        hotlien calls answred | MeasureValue | 5 | - | -
        Morning, can you give me the hotline figures for last month please | MeasureValue | 5 | - | Rel1
        is the hotline on target? | MeasureValue | 5 | - | -
        CTC hotline | MeasureValue | 5 | - | - | cmd=CTC
        could you tell me how we did on briefing new neighbourhood officers last quarter | MeasureValue | 2 | - | LastQ1
        SNT briefing FYTD | MeasureValue | 2 | - | YTD
        snt briefings june | MeasureValue | 2 | - | M6
        fytd snt | MeasureValue | 2 | - | YTD
        safer neighbourhood team briefings in aug | MeasureValue | 2 | - | M8
        % of new SNT staff briefed within 2 months | MeasureValue | 2 | - | -
        breifing of snt members july | MeasureValue | 2 | - | M7
        snt breifings agust | MeasureValue | 2 | - | M8
        are new neighbourhood officers getting their CT briefing in time | MeasureValue | 2 | - | -
        quick one - how did SNT briefing look in july? | MeasureValue | 2 | - | M7
        show snt for jul 07 | MeasureValue | 2 | - | M7/2007
        SNT this month | MeasureValue | 2 | - | Rel0
        IED response july | MeasureValue | 3 | - | M7
        EXPO attendance in time aug | MeasureValue | 3 | - | M8
        explosive officer response times this year | MeasureValue | 3 | - | YTD
        how fast do expos get to suspect devices | MeasureValue | 3 | - | -
        bomb call response 2007/8 | MeasureValue | 3 | - | YTD2007
        ied | MeasureValue | 3 | - | -
        improvised explosive device response in June | MeasureValue | 3 | - | M6
        explosve officers responce july | MeasureValue | 3 | - | M7
        need the IED numbers for aug asap | MeasureValue | 3 | - | M8
        IED 7/2007 | MeasureValue | 3 | - | M7/2007
        is IED red this month | MeasureValue | 3 | - | Rel0
        scene management july | MeasureValue | 4 | - | M7
        scene managment in june | MeasureValue | 4 | - | M6
        m4 scenes aug | MeasureValue | 4 | - | M8
        how are we managing terror scenes | MeasureValue | 4 | - | -
        scene mgmt rating Q1 | MeasureValue | 4 | - | Q1
        Q2 scenes | MeasureValue | 4 | - | Q2
        terrorist incident scenes rated appropriate ytd | MeasureValue | 4 | - | YTD
        what's the number for m4 in june | MeasureValue | 4 | - | M6
        intrusions at the royal residence this year | MeasureValue | 6 | - | YTD
        any intrusions into the palace in july | MeasureValue | 6 | - | M7
        red and purple zone intrusions ytd | MeasureValue | 6 | - | YTD
        SO14 intrusions aug | MeasureValue | 6 | - | M8 | cmd=SO14
        royal household security june | MeasureValue | 6 | - | M6
        intrusuons ytd | MeasureValue | 6 | - | YTD
        ytd intrusions | MeasureValue | 6 | - | YTD
        m6 | MeasureValue | 6 | - | -

        // Periods: relative, ranges, year to date.
        ctio coverage latest | MeasureValue | 1 | - | Latest
        CTIO coverage this month | MeasureValue | 1 | - | Rel0
        ctio coverage last month | MeasureValue | 1 | - | Rel1
        previous month's hotline | MeasureValue | 5 | - | Rel1
        CTIO coverage last 3 months | MeasureValue | 1 | - | Last3
        hotline for the past 3 months | MeasureValue | 5 | - | Last3
        hotline last three months | MeasureValue | 5 | - | Last3
        m1 last qtr | MeasureValue | 1 | - | LastQ1
        ctio coverage Jun to Aug | MeasureValue | 1 | - | R6-8
        ctio coverage since april | MeasureValue | 1 | - | S4
        SNT fytd as at june | MeasureValue | 2 | - | YTD@6
        SNT briefing year to date to end of july | MeasureValue | 2 | - | YTD@7
        hotline for FY 2007-08 | MeasureValue | 5 | - | YTD2007
        hotline 2007-08 | MeasureValue | 5 | - | M8/2007
        SNT briefing month before last | MeasureValue | 2 | - | Rel2
        scorecard next month | Scorecard | - | - | Rel-1
        IED calls last year | ComponentValue | 3 | ied-calls | YTD
        hotline two months ago | MeasureValue | 5 | - | Rel2
        hotline from june onwards | MeasureValue | 5 | - | S6
        Hotline June onwards | MeasureValue | 5 | - | S6
        IED calls since July | ComponentValue | 3 | ied-calls | S7
        ied calls june to date | ComponentValue | 3 | ied-calls | S6
        snt briefing jun till now | MeasureValue | 2 | - | S6
        scorecard since june 2007 | Scorecard | - | - | S6/2007
        hotline from june | MeasureValue | 5 | - | S6
        hotline after june | MeasureValue | 5 | - | S7
        hotline before august | MeasureValue | 5 | - | Before
        SNT up to july | MeasureValue | 2 | - | YTD@7
        hotline until july | MeasureValue | 5 | - | YTD@7
        IED calls between 1 June and 31 August | ComponentValue | 3 | ied-calls | R6-8
        scorecard for the three months to august | Scorecard | - | - | R6-8
        IED june-july-august | MeasureValue | 3 | - | R6-8
        CTIO coverage as at 31/07/2007 | MeasureValue | 1 | - | M7/2007
        figures w/e 31.08.07 | Scorecard | - | - | M8/2007
        hotline over the summer | MeasureValue | 5 | - | R6-8
        H1 scorecard | Scorecard | - | - | H1
        hotline first half of the year | MeasureValue | 5 | - | H1
        hotline this quarter | MeasureValue | 5 | - | ThisQuarter
        how did we do in Q1 2007/08 | Scorecard | - | - | Q1
        hotline so far | MeasureValue | 5 | - | YTD
        IED calls to date | ComponentValue | 3 | ied-calls | YTD
        ctio coverage between june and august | MeasureValue | 1 | - | R6-8
        hotline jun-aug | MeasureValue | 5 | - | R6-8
        hotline figures for june and july | MeasureValue | 5 | - | R6-7
        snt briefing from june through august | MeasureValue | 2 | - | R6-8
        m3 jun - aug | MeasureValue | 3 | - | R6-8
        m3 June 2007 to August 2007 | MeasureValue | 3 | - | R6/2007-8/2007
        scenes from Jun-07 to Aug-07 | MeasureValue | 4 | - | R6/2007-8/2007
        hotline 2007-07 to 2007-08 | MeasureValue | 5 | - | R7/2007-8/2007
        hotline so far this year | MeasureValue | 5 | - | YTD
        hotline year to date | MeasureValue | 5 | - | YTD
        hotline ytd | MeasureValue | 5 | - | YTD
        hotline for 2007/08 | MeasureValue | 5 | - | YTD2007
        hotline FY 07/08 | MeasureValue | 5 | - | YTD2007
        intrusions for fy 2007/08 | MeasureValue | 6 | - | YTD2007
        hotline in july '07 | MeasureValue | 5 | - | M7/2007

        // A component: the raw monthly figure a lead submits.
        how many IED calls in August | ComponentValue | 3 | ied-calls | M8
        calls received in July | ComponentValue | 5 | hotline-calls | M7
        calls recieved aug | ComponentValue | 5 | hotline-calls | M8
        SNT recruited ytd | ComponentValue | 2 | snt-recruited | YTD
        yellow zone intrusions | ComponentValue | 6 | intrusions-yellow | -
        total BOCUs with CTIOs | ComponentValue | 1 | ctio-total-bocus | -
        how many hotline calls did we get in june | ComponentValue | 5 | hotline-calls | M6
        number of calls to the hotline in aug | ComponentValue | 5 | hotline-calls | M8
        how many calls came into the hotline last month | ComponentValue | 5 | hotline-calls | Rel1
        how many hotline calls were answered in time in june | ComponentValue | 5 | hotline-answered | M6
        no. of ied calls fytd | ComponentValue | 3 | ied-calls | YTD
        how many IED calls did CTC get last month | ComponentValue | 3 | ied-calls | Rel1 | cmd=CTC
        how many IED responses within set time in june | ComponentValue | 3 | ied-in-time | M6
        IED responses within set time june | MeasureValue | 3 | - | M6
        how many SNT officers were recruited in july | ComponentValue | 2 | snt-recruited | M7
        new SNT recruits aug | ComponentValue | 2 | snt-recruited | M8
        how many were briefed in june | ComponentValue | 2 | snt-briefed | M6
        briefed within two months july count | ComponentValue | 2 | snt-briefed | M7
        how many scenes were managed in july | ComponentValue | 4 | scenes-managed | M7
        scenes managed ytd | ComponentValue | 4 | scenes-managed | YTD
        how many scenes got an appropriate rating in aug | ComponentValue | 4 | scenes-appropriate | M8
        rolled out ctios in june | ComponentValue | 1 | ctio-rolled-out | M6
        how many CTIOs were rolled out fytd | ComponentValue | 1 | ctio-rolled-out | YTD
        how many boroughs have a CTIO now | ComponentValue | 1 | ctio-total-bocus | Latest
        green zone intrusions fytd | ComponentValue | 6 | intrusions-green | YTD
        how many orange zone incursions in aug | ComponentValue | 6 | intrusions-orange | M8
        yellow intrusions ytd | ComponentValue | 6 | intrusions-yellow | YTD
        how many intrusions into the red zone this year | ComponentValue | 6 | intrusions-red-purple | YTD

        // Targets.
        what's the target for hotline | Target | 5 | - | -
        hotline target | Target | 5 | - | -
        target for m2 | Target | 2 | - | -
        what are we aiming for on ctio coverage | Target | 1 | - | -
        IED target | Target | 3 | - | -
        what is the goal for scene management | Target | 4 | - | -
        intrusions target | Target | 6 | - | -
        target for snt briefing 2007/8 | Target | 2 | - | YTD2007
        what's the tgt for expo | Target | 3 | - | -
        whats the targt for ied | Target | 3 | - | -
        target % for calls answered | Target | 5 | - | -
        what should CTIO coverage be | Target | 1 | - | -

        // Trends.
        hotline over time | Trend | 5 | - | -
        SNT trend | Trend | 2 | - | -
        ctio coverage month by month | Trend | 1 | - | -
        show me a chart of IED response | Trend | 3 | - | -
        compare june and july for hotline | Compare | 5 | - | M6 | cmp=M7
        what does the bot do | Help | - | - | -
        what does amber mean | Key | - | - | -
        how is the status worked out | Key | - | - | -
        what does FYTD mean | Key | - | - | YTD
        key | Key | - | - | -
        which measure has improved most since June | Scorecard | - | - | S6
        was the hotline better in august than july | Trend | 5 | - | M8
        difference between june and august CTIO coverage | Compare | 1 | - | M6 | cmp=M8
        wots EWS | Glossary | - | EWS | -
        what can u do | Help | - | - | -
        r u there | Help | - | - | -
        who submitted the august figures | Freshness | - | - | M8
        snt 4 jul pls | MeasureValue | 2 | - | M7
        when were the figures last updated | Freshness | - | - | -
        how up to date is the hotline data | Freshness | 5 | - | -
        what does SNT stand for | Glossary | - | SNT | -
        define SNT | Glossary | - | SNT | -
        the first measure | MeasureValue | 1 | - | -
        3rd measure in july | MeasureValue | 3 | - | M7
        any comments for july | Comments | - | - | M7
        comments for CTC in june | Comments | - | - | M6 | cmd=CTC
        who are you | Help | - | - | -
        thank you | Greeting | - | - | -
        graph intrusions ytd | Trend | 6 | - | YTD
        is the hotline improving | Trend | 5 | - | -
        trend in m1 | Trend | 1 | - | -
        hotline trned | Trend | 5 | - | -
        snt briefing history jun-aug | Trend | 2 | - | R6-8
        how is ctio coverage trending | Trend | 1 | - | -
        which way is the hotline heading | Trend | 5 | - | -

        // Comments.
        why is hotline data missing | Why | 5 | - | -
        comments on m5 june | Comments | 5 | - | M6
        any notes on ctio coverage | Comments | 1 | - | -
        what happened to the hotline data in july | Comments | 5 | - | M7
        explain the hotline figures for june | Comments | 5 | - | M6
        commentary for measure 3 | Comments | 3 | - | -
        hotline data loss | Comments | 5 | - | -
        remarks on snt briefing | Comments | 2 | - | -

        // The glossary.
        what does BOCU stand for | Glossary | - | BOCU | -
        EWS? | Glossary | - | EWS | -
        meaning of BWT | Glossary | - | BWT | -
        what is operation rainbow | Glossary | - | Operation Rainbow | -
        what's a bocu | Glossary | - | BOCU | -
        define IED | Glossary | - | IED | -
        what does TP mean | Glossary | - | TP | -
        SMT meaning | Glossary | - | SMT | -
        what does CTIO stand for | Glossary | - | CTIO | -
        op rainbow? | Glossary | - | Operation Rainbow | -
        what does MPS stand for | Glossary | - | MPS | -
        what does SO stand for | Glossary | - | SO | -
        acronym EWS | Glossary | - | EWS | -
        whats BWT | Glossary | - | BWT | -
        glossary | Glossary | - | - | -
        glosary | Glossary | - | - | -
        list of acronyms | Glossary | - | - | -

        // Help and greetings.
        help | Help | - | - | -
        HELP ME | Help | - | - | -
        what can you do | Help | - | - | -
        what can I ask you | Help | - | - | -
        ? | Help | - | - | -
        how does this work | Help | - | - | -
        what questions can i ask | Help | - | - | -
        what can this bot do | Help | - | - | -
        instructions pls | Help | - | - | -
        hi | Greeting | - | - | -
        Hello there | Greeting | - | - | -
        morning | Greeting | - | - | -
        thanks | Greeting | - | - | -
        cheers mate | Greeting | - | - | -
        good morning bot | Greeting | - | - | -
        hey 👋 | Greeting | - | - | -

        // The whole scorecard.
        show me the scorecard | Scorecard | - | - | -
        full report for june to august | Scorecard | - | - | R6-8
        how are CTC doing | Scorecard | - | - | - | cmd=CTC
        scorcard july | Scorecard | - | - | M7
        scorecrd | Scorecard | - | - | -
        SO14 | Scorecard | - | - | - | cmd=SO14
        so 14 | Scorecard | - | - | - | cmd=SO14
        CTC | Scorecard | - | - | - | cmd=CTC
        july | Scorecard | - | - | M7
        latest | Scorecard | - | - | Latest
        last month | Scorecard | - | - | Rel1
        YTD | Scorecard | - | - | YTD
        everything for aug | Scorecard | - | - | M8
        overall picture fytd | Scorecard | - | - | YTD
        give me the whole lot for 2007/8 | Scorecard | - | - | YTD2007
        how are we doing | Scorecard | - | - | -
        how did we do in july | Scorecard | - | - | M7
        all measures last month | Scorecard | - | - | Rel1
        RAG summary june | Scorecard | - | - | M6
        committee paper jun-aug | Scorecard | - | - | R6-8
        ctc scorecard for july | Scorecard | - | - | M7 | cmd=CTC
        how's SO14 getting on this year | Scorecard | - | - | YTD | cmd=SO14
        the numbers for july please | Scorecard | - | - | M7
        what were the results for june to aug | Scorecard | - | - | R6-8
        latest position | Scorecard | - | - | Latest
        snapshot for august | Scorecard | - | - | M8

        // Exceptions and statuses.
        red | ByStatus | - | - | - | status=red
        amber | ByStatus | - | - | - | status=amber
        which measures are off target | ByStatus | - | - | - | status=off
        exceptions | ByStatus | - | - | - | status=off
        exeptions for june | ByStatus | - | - | M6 | status=off
        what's failing | ByStatus | - | - | - | status=off
        anything red in july | ByStatus | - | - | M7 | status=red
        any ambers this year | ByStatus | - | - | YTD | status=amber
        what's off target for CTC | ByStatus | - | - | - | status=off cmd=CTC
        so14 exceptions | ByStatus | - | - | - | status=off cmd=SO14
        which measures are on target | ByStatus | - | - | - | status=green
        what's green in aug | ByStatus | - | - | M8 | status=green
        are we missing any targets | ByStatus | - | - | - | status=off
        any problems last month | ByStatus | - | - | Rel1 | status=off
        what needs attention | ByStatus | - | - | - | status=off
        which targets have we missed ytd | ByStatus | - | - | YTD | status=off
        anything more than 10% off target | ByStatus | - | - | - | status=red
        is anything underperforming | ByStatus | - | - | - | status=off
        what's below target in july | ByStatus | - | - | M7 | status=off

        // Ambiguous: ask back.
        calls | Clarify | 3,5 | - | -
        how many calls in july | Clarify | 3,5 | - | M7
        calls in aug | Clarify | 3,5 | - | M8
        target | Clarify | 1,2,3,4,5,6 | - | -
        trend | Clarify | 1,2,3,4,5,6 | - | -

        // Two measures each named: both, side by side; every target: the scorecard, which shows them all.
        ctio coverage and hotline july | Scorecard | 1,5 | - | M7
        hotline and IED in july | Scorecard | 3,5 | - | M7
        is the hotline better than IED | Scorecard | 3,5 | - | -
        what are the targets | Scorecard | - | - | -
        measures 1 and 6 for june | Scorecard | 1,6 | - | M6
        m1 and m6 | Scorecard | 1,6 | - | -
        measures 2, 3 and 5 july | Scorecard | 2,3,5 | - | M7
        m1-m3 july | Scorecard | 1,2,3 | - | M7
        CTIO and SNT | Scorecard | 1,2 | - | -
        CTIO, SNT and IED year to date | Scorecard | 1,2,3 | - | YTD
        snt briefing by ctio | MeasureValue | 2 | - | -
        all targets for july | Scorecard | - | - | M7

        // More of the way people ask, found while probing.
        what % of boroughs have a ctio | MeasureValue | 1 | - | -
        Hi, what was CTIO coverage at the end of August? | MeasureValue | 1 | - | M8
        ctio coverage, jul 2007 | MeasureValue | 1 | - | M7/2007
        give me m1 for 2007-06 | MeasureValue | 1 | - | M6/2007
        ctio coverage for jun, jul and aug | MeasureValue | 1 | - | R6-8
        ctio coverage over the last quarter | MeasureValue | 1 | - | LastQ1
        how many new ctios this month | ComponentValue | 1 | ctio-rolled-out | Rel0
        how many bocus have ctios | ComponentValue | 1 | ctio-total-bocus | -
        where are we with SNT briefings this FY | MeasureValue | 2 | - | YTD
        SNT briefing performance this financial year | MeasureValue | 2 | - | YTD
        pls send snt brfing figs for jul | MeasureValue | 2 | - | M7
        how many SNT joined in august | ComponentValue | 2 | snt-recruited | M8
        how many SNT were briefed ytd | ComponentValue | 2 | snt-briefed | YTD
        how are we doing on EXPO response | MeasureValue | 3 | - | -
        IED perf YTD vs target | MeasureValue | 3 | - | YTD
        IED calls | ComponentValue | 3 | ied-calls | -
        total ied calls ytd | ComponentValue | 3 | ied-calls | YTD
        how many terrorist incidents did we manage | ComponentValue | 4 | scenes-managed | -
        scene mgmt | MeasureValue | 4 | - | -
        any breaches at the palace this year | MeasureValue | 6 | - | YTD
        any incursions into the red and purple zones | MeasureValue | 6 | - | -
        orange | ComponentValue | 6 | intrusions-orange | -
        hotline 1st quarter | MeasureValue | 5 | - | Q1
        hotline last 2 months | MeasureValue | 5 | - | Last2
        hotline from april to august | MeasureValue | 5 | - | R4-8
        how many calls did the hotline receive in june | ComponentValue | 5 | hotline-calls | M6
        hotline - why so low in july? | Why | 5 | - | M7
        m2 vs target | MeasureValue | 2 | - | -
        how is m2 doing against target | MeasureValue | 2 | - | -
        whats happening with IEDs | MeasureValue | 3 | - | -
        what is a CTIO? | Glossary | - | CTIO | -
        what's SO | Glossary | - | SO | -
        what does CTC stand for | Glossary | - | CTC | -
        abbreviations | Glossary | - | - | -
        what does the key mean | Key | - | - | -
        how do i submit figures | SubmitFigures | - | - | -
        financial year to date | Scorecard | - | - | YTD
        fy07/08 | Scorecard | - | - | YTD2007
        comments | Comments | - | - | -
        which ones are amber in june | ByStatus | - | - | M6 | status=amber
        anything below 10% outside target | ByStatus | - | - | - | status=amber
        what's outside tolerance | ByStatus | - | - | - | status=off
        morning - anything red? | ByStatus | - | - | - | status=red
        are any measures red for SO14 | ByStatus | - | - | - | status=red cmd=SO14
        how many hotline calls were missed | MeasureValue | 5 | - | -
        did we hit target on snt briefing in july | MeasureValue | 2 | - | M7
        ied response rate for the year | MeasureValue | 3 | - | YTD
        coverage of ctio jul/aug | MeasureValue | 1 | - | R7-8
        what's doing well | ByStatus | - | - | - | status=green
        breakdown of hotline calls | ComponentValue | 5 | hotline-calls | -
        trend of snt briefing over the last 3 months | Trend | 2 | - | Last3
        as at end of august ctio coverage | MeasureValue | 1 | - | M8
        figures for july | Scorecard | - | - | M7
        everything for CTC june to aug | Scorecard | - | - | R6-8 | cmd=CTC
        what's the definition of BOCU | Glossary | - | BOCU | -
        hotline 07-2007 | MeasureValue | 5 | - | M7/2007
        hotline: jun/jul/aug | MeasureValue | 5 | - | R6-8
        counter terrorism command figures | Scorecard | - | - | - | cmd=CTC
        IED Calls Aug-07 | ComponentValue | 3 | ied-calls | M8/2007
        Scenes Managed Jun-07 | ComponentValue | 4 | scenes-managed | M6/2007
        what's measure 9 | Clarify | 1,2,3,4,5,6 | - | -
        m0 | Clarify | 1,2,3,4,5,6 | - | -
        measure 7 | Clarify | 1,2,3,4,5,6 | - | -
        ctio covrage jly | MeasureValue | 1 | - | M7
        snt briefed jne | MeasureValue | 2 | - | M6
        CTIO last 100000 months | MeasureValue | 1 | - | Last100000
        target for zone intrusions | Target | 6 | - | -

        // The committee pack, to download: both files unless one is named; a format it does not come in is not swapped.
        committee pack for June to August | Pack | - | - | R6-8 | fmt=pdf+xlsx
        pack for July 2007 as excel | Pack | - | - | M7/2007 | fmt=xlsx
        committee pack | Pack | - | - | - | fmt=pdf+xlsx
        download the scorecard as pdf | Pack | - | - | - | fmt=pdf
        can I have the committee pack june-aug as a spreadsheet | Pack | - | - | R6-8 | fmt=xlsx
        export the scorecard to excel for Q1 | Pack | - | - | Q1 | fmt=xlsx
        pdf of the committee paper for august | Pack | - | - | M8 | fmt=pdf
        committee pack as pdf and xlsx | Pack | - | - | - | fmt=pdf+xlsx
        comittee pack year to date | Pack | - | - | YTD | fmt=pdf+xlsx
        pack as word | Pack | - | - | - | fmt=pdf+xlsx
        download the committee pack as docx | Pack | - | - | - | fmt=pdf+xlsx

        // Not understood.
        what's the weather like | Unknown | - | - | -
        asdfgh | Unknown | - | - | -
        who won the football | Unknown | - | - | -
        select * from users | Unknown | - | - | -
        """;

    public static TheoryData<string> Rows => UtteranceTable.Rows(Table);

    [Theory]
    [MemberData(nameof(Rows))]
    public void Utterance_is_recognised(string row) => UtteranceTable.AssertRecognised(row);

    [Fact]
    public void The_table_has_at_least_180_rows() => Assert.True(Rows.Count >= 180, $"{Rows.Count} rows");
}
