using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

/// <summary>
/// The questions the HTTP tests ask of the example scorecard (scorecard/nfrs-2024.json), read with its own vocabulary:
/// its measures' names and aliases, its glossary, its calendar year. Same columns as
/// <see cref="QuestionRecognizerTableTests"/>.
/// </summary>
public sealed class ExampleScorecardQuestionTests
{
    private const string Table = """
        dwelling fires Q1 | MeasureValue | 1 | - | Q1
        fire deaths in march | MeasureValue | 3 | - | M3
        audits | MeasureValue | 6 | - | -
        how many critical incidents in may | ComponentValue | 4 | critical-incidents | M5
        attendance march v april | Compare | 4 | - | M3 | cmp=M4
        audits may v june | Compare | 6 | - | M5 | cmp=M6
        why is attendance red in april | Why | 4 | - | M4
        what is measure 4 for | Objective | 4 | - | -
        defibrillators by month | Trend | 5 | - | -
        checks each month | Trend | 2 | - | -
        scorecard | Scorecard | - | - | -
        scorecard Q1 | Scorecard | - | - | Q1
        which measures are off target in june | ByStatus | - | - | M6 | status=off
        worst performing measure | Worst | - | - | -
        why is the year to date lower than every month | Why | - | - | YTD
        any comments | Comments | - | - | -
        when were the figures last updated | Freshness | - | - | -
        what does HFSC stand for | Glossary | - | HFSC | -
        glossary | Glossary | - | - | -
        key | Key | - | - | -
        what does amber mean | Key | - | - | -
        help | Help | - | - | -
        hello | Greeting | - | - | -
        flibble | Unknown | - | - | -
        dwelling fires in march >> and april? | MeasureValue | 1 | - | M4
        """;

    private static readonly Lazy<Vocabulary> Vocabulary = new(() => ShippedScorecard.VocabularyFor("nfrs-2024.json"));

    private static readonly Lazy<QuestionRecognizer> Recognizer = new(() => new QuestionRecognizer(Vocabulary.Value));

    public static TheoryData<string> Rows => UtteranceTable.Rows(Table);

    [Theory]
    [MemberData(nameof(Rows))]
    public void Utterance_is_recognised(string row) =>
        UtteranceTable.AssertRecognised(row, Recognizer.Value, Vocabulary.Value);
}
