using ScorecardBot.Core.Analysis;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Tests.Support;
using static ScorecardBot.Core.Tests.Analysis.AnalysisFigures;

namespace ScorecardBot.Core.Tests.Analysis;

public sealed class ProjectionTests
{
    [Fact]
    public void Hotline_at_its_run_rate_finishes_the_year_at_its_FYTD_98_percent_resting_on_5_months_with_the_balance()
    {
        var projection = Projections.YearEnd(Scorecard.GetMeasure(5), SeedWith(), Scorecard.FinancialYear, M(2007, 8));

        Assert.Equal(("98%", Status.AboveTarget, "Above Target"), (projection.ProjectedDisplay, projection.ProjectedStatus, projection.ProjectedStatusLabel));
        Assert.Equal((5, 7), (projection.MonthsOfFigures, projection.RemainingMonths));
        Assert.Contains("so the year-end value is the FYTD value", projection.Method);
        Assert.Contains("April 2007 to May 2007 is held as one figure, so it counts as its 2 months, never split.", projection.Limits);
        Assert.Equal("Rests on 5 months of figures (April 2007 to August 2007).", projection.Limits[0]);
        // 2,080 calls in 5 months: 416 a month expected, 4,992 in the year; 4,219 of 4,992 is 84.52%, published 85% (4,218 is
        // 84.495%, 84%), so 4,219 − 2,047 = 2,172 more over 7 months, 310.3 a month: 311.
        Assert.Equal((416L, 2172L, 311L), (projection.Needed.ExpectedPerMonth!.Value, projection.Needed.Needed!.Value,
            projection.Needed.NeededPerMonth!.Value));
    }

    [Fact]
    public void A_ratio_of_flows_off_target_projects_its_FYTD_and_the_rate_needed()
    {
        var projection = Projections.YearEnd(InlineDefinition.Ratio(85), Ratio((80, 100), (70, 100), (60, 100)), Year, M(2007, 6));

        Assert.Equal(("70%", Status.OutsideTolerance), (projection.ProjectedDisplay, projection.ProjectedStatus));
        Assert.Equal(90, projection.Needed.NeededPerMonth);
    }

    [Fact]
    public void Ctio_coverage_follows_its_trend_of_half_a_BOCU_a_month_capped_at_33()
    {
        var projection = Projections.YearEnd(Scorecard.GetMeasure(1), SeedWith(), Scorecard.FinancialYear, M(2007, 8));

        // 28, 29, 29 in June–August: +0.5 a month; 29 + 0.5 × 7 = 32.5, published as 33 of 33.
        Assert.Equal(("100%", 3), (projection.ProjectedDisplay, projection.MonthsOfFigures));
        Assert.Equal("'Total BOCUs with CTIOs' follows its straight-line trend over 3 monthly figures (+0.5 a month) to the year's end: "
            + "33, capped at its maximum of 33.", projection.Method);
    }

    [Fact]
    public void A_stock_with_a_steep_trend_is_capped_at_its_maximum()
    {
        var projection = Projections.YearEnd(InlineDefinition.Coverage(85, of: 33), Series("covered", 20, 25, 30), Year, M(2007, 6));

        Assert.Equal("100%", projection.ProjectedDisplay);
        Assert.Contains("capped at its maximum of 33", projection.Method);
    }

    [Fact]
    public void A_count_projects_its_run_rate_times_12_against_the_years_target()
    {
        var projection = Projections.YearEnd(InlineDefinition.Count(3, per: "year"), Series("events", 1, 0, 1, 0), Year, M(2007, 7));

        // 2 in 4 months: 6 in the year against 3.
        Assert.Equal((6m, 3m, Status.OutsideTolerance), (projection.ProjectedValue!.Value, projection.TargetForYear, projection.ProjectedStatus));
        Assert.Equal((true, 1L), (projection.Needed.Possible, projection.Needed.Needed!.Value));
    }

    [Fact]
    public void No_intrusions_project_to_none_above_target()
    {
        var projection = Projections.YearEnd(Scorecard.GetMeasure(6), SeedWith(), Scorecard.FinancialYear, M(2007, 8));

        Assert.Equal((0m, Status.AboveTarget), (projection.ProjectedValue!.Value, projection.ProjectedStatus));
    }
}
