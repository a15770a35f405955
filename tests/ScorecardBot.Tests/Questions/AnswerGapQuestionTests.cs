namespace ScorecardBot.Tests.Questions;

/// <summary>
/// The questions a new user got wrong before understanding was rebuilt on slots and rules: comparisons, a status word
/// beside a named measure, "did they miss any", objectives, figures by month, why, dictated text, and the misreadings
/// noted before. Same columns as <see cref="QuestionRecognizerTableTests"/>.
/// </summary>
public sealed class AnswerGapQuestionTests
{
    private const string Table = """
        // Comparisons: two periods side by side, for measures and for components.
        hotline july v august | Compare | 5 | - | M7 | cmp=M8
        jun vs aug snt briefing | Compare | 2 | - | M6 | cmp=M8
        compare July with August for the hotline | Compare | 5 | - | M7 | cmp=M8
        compare june to august ctio coverage | Compare | 1 | - | M6 | cmp=M8
        IED calls july versus august | Compare | 3 | ied-calls | M7 | cmp=M8
        how did green zone intrusions in june compare with july | Compare | 6 | intrusions-green | M6 | cmp=M7
        compare July with August | Clarify | 1,2,3,4,5,6 | - | M7 | cmp=M8

        // A status or colour word never overrides a named measure, component or glossary term.
        did the hotline go red | MeasureValue | 5 | - | -
        is IED amber | MeasureValue | 3 | - | -
        how is amber different from red | Key | - | - | -
        what's the difference between red and amber | Key | - | - | -
        green zone intrusions in july | ComponentValue | 6 | intrusions-green | M7

        // "Did they miss any": the count that missed, not a list of off-target measures.
        did they miss any IED calls in july | MeasureValue | 3 | - | M7
        were any IED calls not attended in time in august | MeasureValue | 3 | - | M8
        did we miss any hotline calls last month | MeasureValue | 5 | - | Rel1

        // Objectives: what a measure is for.
        what is measure 5 for | Objective | 5 | - | -
        what is the hotline measure trying to achieve | Objective | 5 | - | -
        what's the purpose of the CTIO measure | Objective | 1 | - | -
        which objective does SNT briefing serve | Objective | 2 | - | -

        // Components by month.
        green zone intrusions by month | Trend | 6 | intrusions-green | -
        recruits each month | Trend | 2 | snt-recruited | -
        hotline calls received month by month | Trend | 5 | hotline-calls | -
        hotline by month | Trend | 5 | - | -
        CTIO coverage month on month | Trend | 1 | - | -

        // Why.
        why is the year to date lower than every month | Why | - | - | YTD
        why is SNT briefing year to date lower than the months | Why | 2 | - | YTD
        why is the hotline down in july | Why | 5 | - | M7

        // Dictated text: numbers and years in words, spelt acronyms, split words.
        c t i o coverage in july two thousand and seven | MeasureValue | 1 | - | M7/2007
        s n t briefing year to date | MeasureValue | 2 | - | YTD
        hot line in august | MeasureValue | 5 | - | M8
        measure five in june | MeasureValue | 5 | - | M6
        i e d calls in july twenty oh seven | ComponentValue | 3 | ied-calls | M7/2007

        // The misreadings noted last time.
        hotline since April | MeasureValue | 5 | - | S4
        scorecard for last quarter | Scorecard | - | - | LastQ1
        how many BOCUs are there | MeasureValue | 1 | - | -
        worst performing measure | Worst | - | - | -
        which measure is furthest from target | Worst | - | - | -

        // Asked over HTTP (Answers/, Cards/ButtonTests, Conversation/FollowUpTests), so the table grows with them.
        compare June with August for SNT briefing | Compare | 2 | - | M6 | cmp=M8
        hotline calls in June | MeasureValue | 5 | - | M6
        CTIO last month | MeasureValue | 1 | - | Rel1
        IED calls in Q2 | ComponentValue | 3 | ied-calls | Q2
        SNT briefing since May | MeasureValue | 2 | - | S5
        hotline in April | MeasureValue | 5 | - | M4
        CTIO coverage in May | MeasureValue | 1 | - | M5
        hotline in agsut | MeasureValue | 5 | - | -
        hotline last week | MeasureValue | 5 | - | -
        what is the target for SNT briefing | Target | 2 | - | -
        who owns the hotline measure | MeasureValue | 5 | - | -
        CTIOs rolled out in April | ComponentValue | 1 | ctio-rolled-out | M4
        hotline trend | Trend | 5 | - | -
        scorecard June to August | Scorecard | - | - | R6-8
        scorecard year to date | Scorecard | - | - | YTD
        SO14 scorecard for August | Scorecard | - | - | M8 | cmd=SO14
        SO15 scorecard | Scorecard | - | - | -
        scorecard for October 2026 | Scorecard | - | - | M10/2026
        which measures are above target | ByStatus | - | - | - | status=green
        what does amber mean? | Key | - | - | -
        key | Key | - | - | -
        any comments for July? | Comments | - | - | M7
        comments for August | Comments | - | - | M8
        when were the figures last updated? | Freshness | - | - | -
        glossary | Glossary | - | - | -
        help | Help | - | - | -
        hello | Greeting | - | - | -
        thanks | Greeting | - | - | -
        flibble wibble zork | Unknown | - | - | -
        calls | Clarify | 3,5 | - | -
        measure 7 | Clarify | 1,2,3,4,5,6 | - | -

        // Conversations: each message after the one before, as the bot remembers it (">>" separates them).
        and august? | Scorecard | - | - | M8
        CTIO coverage in July >> and august? | MeasureValue | 1 | - | M8
        CTIO coverage in July >> same for june | MeasureValue | 1 | - | M6
        CTIO coverage in June >> what about the hotline | MeasureValue | 5 | - | M6
        hotline in June >> why? | Why | 5 | - | M6
        hotline in June >> why? >> show me the trend | Trend | 5 | - | M6
        hotline in June >> show me the trend >> and the year to date? | Trend | 5 | - | YTD
        hotline in August >> compare with last month | Compare | 5 | - | M8 | cmp=PreviousPeriod
        SNT briefing in June >> and august? | MeasureValue | 2 | - | M8
        CTIO coverage in July >> help >> and august? | MeasureValue | 1 | - | M8
        // After a measure, a question about the whole scorecard or the Key is not a follow-up that happens to share a word.
        CTIO coverage in July >> worst performing measure | Worst | - | - | -
        hotline in June >> which measure is doing worst | Worst | - | - | -
        CTIO coverage in July >> which measure is furthest from target | Worst | - | - | -
        hotline in June >> what's the difference between red and amber | Key | - | - | -
        hotline in June >> how is amber different from red | Key | - | - | -
        hotline in June >> why is it red? | Why | 5 | - | M6
        """;

    public static TheoryData<string> Rows => UtteranceTable.Rows(Table);

    [Theory]
    [MemberData(nameof(Rows))]
    public void Utterance_is_recognised(string row) => UtteranceTable.AssertRecognised(row);
}
