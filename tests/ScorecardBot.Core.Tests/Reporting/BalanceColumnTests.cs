using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Reporting;

/// <summary>Months held only as one figure (the seed's April–May balance) are one column of the committee table.</summary>
public sealed class BalanceColumnTests(SeededScorecard scorecard) : IClassFixture<SeededScorecard>
{
    private static readonly YearMonth April = new(2007, 4), May = new(2007, 5), August = new(2007, 8);

    [Fact]
    public void The_year_to_date_table_has_an_April_to_May_column_then_a_column_a_month()
    {
        var report = CommitteeReport.Build(scorecard.Definition, scorecard.Figures, new MonthRange(April, August));

        Assert.Equal(["Apr–May-07", "Jun-07", "Jul-07", "Aug-07", "FYTD"], report.Columns.Select(c => c.Label));
        Assert.Equal("2007-04..2007-05", report.Columns[0].Key);
    }

    [Fact]
    public void The_balance_column_carries_the_balance_and_its_status()
    {
        var report = CommitteeReport.Build(scorecard.Definition, scorecard.Figures, new MonthRange(April, August));
        var snt = report.Rows.Single(r => r.Measure.Number == 2).Cells[0];
        var ctio = report.Rows.Single(r => r.Measure.Number == 1).Cells[0];

        Assert.Equal("75%", snt.Display);
        Assert.Equal("135 of 179 SNT members", snt.Basis);
        Assert.Equal(Status.WithinTolerance, snt.Status);
        // CTIO coverage is a stock with no April or May figure: the balance of CTIOs rolled out does not make one.
        Assert.False(ctio.HasData);
    }

    [Fact]
    public void A_range_that_cuts_through_the_balance_keeps_a_column_a_month()
    {
        var report = CommitteeReport.Build(scorecard.Definition, scorecard.Figures, new MonthRange(May, August));

        Assert.Equal(["May-07", "Jun-07", "Jul-07", "Aug-07", "FYTD"], report.Columns.Select(c => c.Label));
    }
}
