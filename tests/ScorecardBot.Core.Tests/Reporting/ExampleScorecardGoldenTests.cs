using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Reporting;

/// <summary>
/// The second, example scorecard (scorecard/nfrs-2024.json): a calendar year, 5% bands, a count target per month, a
/// count target per year, a zero target, a stock over a constant and a measure with no returns. Every figure and
/// status below was worked out by hand from the seed's monthly figures, not read back from the code; together they
/// reach every status of its Key, which the paper (all Above Target) cannot.
/// </summary>
public sealed class ExampleScorecardGoldenTests(SeededExampleScorecard scorecard) : IClassFixture<SeededExampleScorecard>
{
    private static readonly MonthRange FirstHalf = new(new YearMonth(2024, 1), new YearMonth(2024, 6));

    // measure: Jan, Feb, Mar, Apr, May, Jun, YTD — value then status.
    public static TheoryData<int, string[], string[]> Expected => new()
    {
        // Lower is better, 40 a month: 41 is 2.5% over; 45 is 12.5%; 44 is 10%; YTD 243 against 240 is 1.25% over.
        { 1, ["38", "41", "45", "39", "36", "44", "243"],
             ["On target", "Within 5% of target", "More than 5% off target", "On target", "On target", "More than 5% off target", "Within 5% of target"] },
        // 6,000 a year is 500 a month pro rata: 480 is 4% under, 430 is 14%, 470 is 6%; YTD 2,915 against 3,000 is 2.8%.
        { 2, ["520", "480", "430", "510", "505", "470", "2915"],
             ["On target", "Within 5% of target", "More than 5% off target", "On target", "On target", "More than 5% off target", "Within 5% of target"] },
        // A zero target: the one death in March breaches March and the year.
        { 3, ["0", "0", "1", "0", "0", "0", "1"],
             ["On target", "On target", "More than 5% off target", "On target", "On target", "On target", "More than 5% off target"] },
        // 90%: 160/185 = 86.5% → 86 (4.4% under); 150/180 = 83.3% → 83 (7.8%); 168/195 = 86.2% → 86; YTD 1006/1140 = 88.2% → 88.
        { 4, ["91%", "90%", "86%", "83%", "92%", "86%", "88%"],
             ["On target", "On target", "Within 5% of target", "More than 5% off target", "On target", "Within 5% of target", "Within 5% of target"] },
        // 75% of 24 stations, a stock: 16 → 67% (10.7% under), 17 → 71% (5.3%), 18 → 75%, 19 → 79%; YTD is June's.
        { 5, ["67%", "71%", "75%", "75%", "75%", "79%", "79%"],
             ["More than 5% off target", "More than 5% off target", "On target", "On target", "On target", "On target", "On target"] },
        // No returns at all.
        { 6, ["No data", "No data", "No data", "No data", "No data", "No data", "No data"],
             ["No return", "No return", "No return", "No return", "No return", "No return", "No return"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Every_month_and_the_year_to_date_match_the_hand_worked_figures(int number, string[] values, string[] statuses)
    {
        var report = CommitteeReport.Build(scorecard.Definition, scorecard.Figures, FirstHalf);
        var row = report.Rows.Single(r => r.Measure.Number == number);

        Assert.Equal(["Jan-24", "Feb-24", "Mar-24", "Apr-24", "May-24", "Jun-24", "YTD"], report.Columns.Select(c => c.Label));
        Assert.Equal(values, row.Cells.Select(c => c.Display));
        Assert.Equal(statuses, row.Cells.Select(c => c.StatusLabel));
    }

    [Fact]
    public void The_first_quarter_of_a_calendar_year_is_January_to_March_against_three_months_of_target()
    {
        var quarter = new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 3));
        var fires = ScorecardCalculator.Evaluate(scorecard.Definition.GetMeasure(1), scorecard.Figures, quarter);

        // "No more than 40 a month" against 124 fires in a quarter: 3.3% over 120, Within 5% of target.
        Assert.Equal(124, fires.Published);
        Assert.Equal("120 (40 a month)", fires.TargetLabel);
        Assert.Equal(Status.WithinTolerance, fires.Status);
        Assert.Equal("Within 5% of target", fires.StatusLabel);
    }

    [Fact]
    public void The_year_starts_in_January()
    {
        var year = scorecard.Definition.FinancialYear;

        Assert.Equal(new YearMonth(2024, 1), year.Start);
        Assert.Equal(new YearMonth(2024, 12), year.End);
        Assert.Equal(new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 6)), year.ToDate(new YearMonth(2024, 6)));
    }

    [Fact]
    public void The_text_report_uses_the_scorecards_own_Key_words()
    {
        var text = ReportFormatter.ToText(CommitteeReport.Build(scorecard.Definition, scorecard.Figures, FirstHalf));

        Assert.Contains("YTD", text);
        Assert.Contains("Within 5% of target", text);
        Assert.Contains("No return", text);
        Assert.DoesNotContain("10%", text);
        Assert.DoesNotContain("FYTD", text);
    }
}
