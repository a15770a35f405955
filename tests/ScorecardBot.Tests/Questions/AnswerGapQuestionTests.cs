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
        """;

    public static TheoryData<string> Rows => UtteranceTable.Rows(Table);

    [Theory]
    [MemberData(nameof(Rows))]
    public void Utterance_is_recognised(string row) => UtteranceTable.AssertRecognised(row);
}
