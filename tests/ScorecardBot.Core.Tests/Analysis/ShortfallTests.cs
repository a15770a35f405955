using ScorecardBot.Core.Analysis;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Tests.Support;
using static ScorecardBot.Core.Tests.Analysis.AnalysisFigures;

namespace ScorecardBot.Core.Tests.Analysis;

public sealed class ShortfallTests
{
    private static readonly MonthRange September = MonthRange.Single(M(2007, 9));

    [Fact]
    public void Hotline_September_300_of_400_is_red_and_38_more_answered_in_time_would_have_published_85_percent()
    {
        var figures = SeedWith(Month("hotline-answered", 2007, 9, 300), Month("hotline-calls", 2007, 9, 400));
        var hotline = Scorecard.GetMeasure(5);

        var analysis = Shortfalls.Analyse(hotline, figures, September, Scorecard.FinancialYear)!;

        Assert.Equal(Status.OutsideTolerance, analysis.Result.Status);
        Assert.Equal("75%", analysis.Result.Display);
        Assert.Equal(85m, analysis.Target);
        // 338 of 400 is 84.5%, published 85% (half away from zero): 38 suffice; 337 of 400 (84.25%) is still 84%.
        var shortfall = analysis.Shortfall!;
        Assert.Equal((38L, true, "Answered within set time", (long?)400), (shortfall.Amount, shortfall.More, shortfall.Unit, shortfall.OutOf));
        Assert.Equal("38 more 'Answered within set time' (of 400 calls) would have met the 85% target as the scorecard rounds it "
            + "(84.5% shows as 85%); 40 for 85% exactly.", shortfall.Sentence);
        Assert.Equal(Status.WithinTolerance, StatusKey.Evaluate(84, 85, Core.Definition.Direction.HigherIsBetter, 0.10m));
        // FYTD: (2,047 + 300) of (2,080 + 400) = 94.6%, published 95%: the year is still on target.
        Assert.Equal(("95%", Status.AboveTarget), (analysis.YearToDate.Display, analysis.YearToDate.Status));
        Assert.Null(analysis.Recovery);
    }

    [Fact]
    public void What_moved_the_hotline_is_each_components_change_from_August()
    {
        var figures = SeedWith(Month("hotline-answered", 2007, 9, 300), Month("hotline-calls", 2007, 9, 400));

        var analysis = Shortfalls.Analyse(Scorecard.GetMeasure(5), figures, September, Scorecard.FinancialYear)!;

        Assert.Equal(MonthRange.Single(M(2007, 8)), analysis.PreviousPeriod);
        Assert.Equal([("Answered within set time", 410L, 300L, -110L), ("Calls received", 414L, 400L, -14L)],
            analysis.Movements.Select(m => (m.Component.Name, m.Previous!.Value, m.Current!.Value, m.Change!.Value)));
        Assert.Empty(analysis.Comments);
    }

    [Fact]
    public void A_weak_July_carries_the_hotline_comment_about_19_days_of_lost_data()
    {
        var figures = SeedWith(Month("hotline-answered", 2007, 7, 250));

        var analysis = Shortfalls.Analyse(Scorecard.GetMeasure(5), figures, MonthRange.Single(M(2007, 7)), Scorecard.FinancialYear)!;

        // 250 of 353 is 70.8%, published 71%; 298 of 353 is 84.4% (84%), 299 is 84.7% (85%).
        Assert.Equal(("71%", 49L), (analysis.Result.Display, analysis.Shortfall!.Amount));
        Assert.Contains("loss of 19 days data", Assert.Single(analysis.Comments));
    }

    [Fact]
    public void A_measure_above_target_has_no_shortfall()
    {
        Assert.Null(Shortfalls.Analyse(Scorecard.GetMeasure(5), SeedWith(), MonthRange.Single(M(2007, 8)), Scorecard.FinancialYear));
    }

    [Fact]
    public void A_ratio_off_target_for_the_year_needs_90_of_an_expected_100_a_month_to_recover()
    {
        var measure = InlineDefinition.Ratio(85);
        var figures = Ratio((80, 100), (70, 100), (60, 100));

        var analysis = Shortfalls.Analyse(measure, figures, MonthRange.Single(M(2007, 6)), Year)!;

        // June: 60 of 100; 85 of 100 publishes 85%.
        Assert.Equal(25, analysis.Shortfall!.Amount);
        // FYTD 210 of 300 = 70%. At 100 a month the year is 1,200; 1,014 of 1,200 is 84.5%, published 85%: 804 more
        // over 9 months, 89.3 a month, so 90.
        var recovery = analysis.Recovery!;
        Assert.True(recovery.Possible);
        Assert.Equal((9, 804L, 90L, 900L, 100L, 3), (recovery.RemainingMonths, recovery.Needed!.Value, recovery.NeededPerMonth!.Value,
            recovery.ExpectedInRemaining!.Value, recovery.ExpectedPerMonth!.Value, recovery.RunRateMonths));
        Assert.StartsWith("To finish 2007/8 on target, 90 of an expected 100 calls a month must be 'Answered within set time'", recovery.Sentence);
        Assert.Contains("run rate of 'Calls received' over 3 months", recovery.Sentence);
    }

    [Fact]
    public void Recovery_is_impossible_when_even_every_call_of_the_remaining_months_would_not_reach_the_target()
    {
        var measure = InlineDefinition.Ratio(85);
        var figures = Ratio(Enumerable.Repeat((50L, 100L), 9).ToArray());

        var recovery = Shortfalls.Analyse(measure, figures, MonthRange.Single(M(2007, 12)), Year)!.Recovery!;

        // 450 of 900 so far; all 300 expected in January–March would make 750 of 1,200 = 62.5%.
        Assert.False(recovery.Possible);
        Assert.Equal("even all 300 calls expected from the run rate of 'Calls received' over 9 months in the 3 remaining months "
            + "would leave the year at 63%", recovery.WhyNot);
    }

    [Fact]
    public void Recovery_is_impossible_when_no_months_of_the_year_remain()
    {
        var figures = Ratio(Enumerable.Repeat((50L, 100L), 12).ToArray());

        var recovery = Shortfalls.Analyse(InlineDefinition.Ratio(85), figures, MonthRange.Single(M(2008, 3)), Year)!.Recovery!;

        Assert.False(recovery.Possible);
        Assert.Equal("no months remain in 2007/8", recovery.WhyNot);
        Assert.Equal(0, recovery.RemainingMonths);
    }

    [Fact]
    public void A_ratio_over_a_constant_needs_2_more_BOCUs_and_28_by_the_year_end()
    {
        var measure = InlineDefinition.Coverage(85, of: 33);
        var figures = Series("covered", 25, 26, 26);

        var analysis = Shortfalls.Analyse(measure, figures, MonthRange.Single(M(2007, 6)), Year)!;

        // 26 of 33 = 78.8%, published 79%: 6 points short of 85, within 10% of it (8.5): amber. 28 of 33 = 84.8% is 85%.
        Assert.Equal(Status.WithinTolerance, analysis.Result.Status);
        Assert.Equal((2L, true, (long?)33), (analysis.Shortfall!.Amount, analysis.Shortfall.More, analysis.Shortfall.OutOf));
        var recovery = analysis.Recovery!;
        Assert.Equal((true, 28L, 1L), (recovery.Possible, recovery.Needed!.Value, recovery.NeededPerMonth!.Value));
        Assert.Equal("'Total BOCUs with CTIOs' must reach 28 by March 2008 (now 26): 2 more, about 1 a month over the 9 remaining months.",
            recovery.Sentence);
    }

    [Fact]
    public void One_intrusion_against_a_zero_target_is_red_its_shortfall_is_the_count_and_the_year_cannot_recover()
    {
        var measure = InlineDefinition.Count(0);
        var figures = Series("events", 0, 0, 1);

        var analysis = Shortfalls.Analyse(measure, figures, MonthRange.Single(M(2007, 6)), Year)!;

        Assert.Equal(Status.OutsideTolerance, analysis.Result.Status);
        Assert.Equal((1L, false), (analysis.Shortfall!.Amount, analysis.Shortfall.More));
        Assert.Equal("The target is zero, so any occurrence misses it: 1 intrusions in June 2007.", analysis.Shortfall.Sentence);
        Assert.False(analysis.Recovery!.Possible);
        Assert.Equal("the target is zero and 1 intrusions have already happened this year", analysis.Recovery.WhyNot);
    }

    [Fact]
    public void A_count_over_its_monthly_target_needs_3_fewer()
    {
        var measure = InlineDefinition.Count(5);
        var figures = Series("events", 4, 5, 8);

        var analysis = Shortfalls.Analyse(measure, figures, MonthRange.Single(M(2007, 6)), Year)!;

        Assert.Equal((3L, false), (analysis.Shortfall!.Amount, analysis.Shortfall.More));
        // FYTD 17 against 15 for three months: red; the year allows 60, so 43 more in the 9 months to come.
        var recovery = analysis.Recovery!;
        Assert.Equal((true, 43L), (recovery.Possible, recovery.Needed!.Value));
    }

    [Fact]
    public void Lower_is_better_ratio_mirrors_the_rule_5_fewer_and_no_more_than_10_of_100_a_month()
    {
        var measure = InlineDefinition.Ratio(10, "lowerIsBetter");
        var figures = Ratio((10, 100), (10, 100), (15, 100));

        var analysis = Shortfalls.Analyse(measure, figures, MonthRange.Single(M(2007, 6)), Year)!;

        Assert.Equal((5L, false), (analysis.Shortfall!.Amount, analysis.Shortfall.More));
        Assert.Equal("5 fewer 'Answered within set time' (of 100 calls) would have met the 10% target.", analysis.Shortfall.Sentence);
        // FYTD 35 of 300 = 11.7%, published 12%: red. The year of 1,200 allows 125 (10.4%, published 10%): 90 more, 10 a month.
        var recovery = analysis.Recovery!;
        Assert.Equal((true, 90L, 10L), (recovery.Possible, recovery.Needed!.Value, recovery.NeededPerMonth!.Value));
        Assert.StartsWith("To finish 2007/8 on target, no more than 10 of an expected 100 calls a month", recovery.Sentence);
    }
}
