using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Calculation;

public sealed class ScorecardCalculatorTests
{
    private static readonly YearMonth June = new(2007, 6);
    private static readonly YearMonth July = new(2007, 7);

    [Theory]
    [InlineData(77, "77%", Status.WithinTolerance)]
    [InlineData(76, "76%", Status.OutsideTolerance)]
    [InlineData(85, "85%", Status.AboveTarget)]
    public void A_ratio_against_an_85_percent_target_gets_the_Key_status(int answered, string display, Status expected)
    {
        var result = Evaluate(InlineDefinition.Ratio(85), June, ("num", answered), ("den", 100));

        Assert.Equal(display, result.Display);
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Exactly_10_percent_outside_an_80_percent_target_is_less_than_10_percent_outside()
    {
        var result = Evaluate(InlineDefinition.Ratio(80), June, ("num", 72), ("den", 100));

        Assert.Equal(Status.WithinTolerance, result.Status);
    }

    [Fact]
    public void A_ratio_of_84_5_percent_is_published_85_and_is_above_an_85_percent_target()
    {
        var result = Evaluate(InlineDefinition.Ratio(85), June, ("num", 169), ("den", 200));

        Assert.Equal(84.5m, result.Exact);
        Assert.Equal(85m, result.Published);
        Assert.Equal("85%", result.Display);
        Assert.Equal(Status.AboveTarget, result.Status);
    }

    [Fact]
    public void Ctio_coverage_of_28_of_33_BOCUs_is_published_85_percent_and_above_target()
    {
        var result = Evaluate(InlineDefinition.Coverage(85, 33), June, ("covered", 28));

        Assert.Equal(84.8m, Math.Round(result.Exact!.Value, 1));
        Assert.Equal("85%", result.Display);
        Assert.Equal(Status.AboveTarget, result.Status);
        Assert.Equal("28 of 33 BOCUs", result.Basis);
    }

    [Fact]
    public void Coverage_of_29_of_33_BOCUs_is_published_88_percent()
    {
        var result = Evaluate(InlineDefinition.Coverage(85, 33), June, ("covered", 29));

        Assert.Equal("88%", result.Display);
    }

    [Fact]
    public void One_intrusion_against_a_zero_target_is_more_than_10_percent_outside()
    {
        var result = Evaluate(InlineDefinition.Count(0), June, ("events", 1));

        Assert.Equal("1", result.Display);
        Assert.Equal(Status.OutsideTolerance, result.Status);
        Assert.Equal("1 intrusions", result.Basis);
    }

    [Fact]
    public void No_intrusions_against_a_zero_target_is_above_target()
    {
        var result = Evaluate(InlineDefinition.Count(0), June, ("events", 0));

        Assert.Equal("0", result.Display);
        Assert.Equal(Status.AboveTarget, result.Status);
    }

    [Theory]
    [InlineData(10, Status.AboveTarget)]
    [InlineData(11, Status.WithinTolerance)]
    [InlineData(12, Status.OutsideTolerance)]
    public void A_lower_is_better_count_against_a_target_of_10(int events, Status expected)
    {
        var result = Evaluate(InlineDefinition.Count(10), June, ("events", events));

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void A_lower_is_better_percentage_mirrors_the_rule()
    {
        var measure = InlineDefinition.Ratio(20, direction: "lowerIsBetter");

        Assert.Equal(Status.AboveTarget, Evaluate(measure, June, ("num", 20), ("den", 100)).Status);
        Assert.Equal(Status.WithinTolerance, Evaluate(measure, June, ("num", 22), ("den", 100)).Status);
        Assert.Equal(Status.OutsideTolerance, Evaluate(measure, June, ("num", 23), ("den", 100)).Status);
    }

    [Fact]
    public void A_month_with_no_figures_is_no_data_never_zero()
    {
        var result = Evaluate(InlineDefinition.Ratio(85), July, ("num", 77), ("den", 100)); // figures are for June only

        Assert.False(result.HasData);
        Assert.Null(result.Published);
        Assert.Null(result.Exact);
        Assert.Equal("No data", result.Display);
        Assert.Equal(Status.NoData, result.Status);
        Assert.All(result.Components, c => Assert.Equal("No data", c.Display));
        Assert.Equal("no figures for the period", result.Basis);
    }

    [Fact]
    public void A_count_with_no_figures_is_no_data_not_zero_intrusions()
    {
        var result = ScorecardCalculator.Evaluate(InlineDefinition.Count(0), FigureSet.Empty, MonthRange.Single(June));

        Assert.Equal("No data", result.Display);
        Assert.Equal(Status.NoData, result.Status);
    }

    [Fact]
    public void A_ratio_with_a_zero_denominator_is_no_data()
    {
        var result = Evaluate(InlineDefinition.Ratio(85), June, ("num", 0), ("den", 0));

        Assert.Equal("No data", result.Display);
        Assert.Equal(Status.NoData, result.Status);
        Assert.Equal("no calls in the period", result.Basis);
        Assert.Equal([0L, 0L], result.Components.Select(c => c.Value!.Value));
    }

    [Fact]
    public void A_ratio_missing_only_its_numerator_is_no_data()
    {
        var result = Evaluate(InlineDefinition.Ratio(85), June, ("den", 100));

        Assert.Equal(Status.NoData, result.Status);
    }

    [Fact]
    public void A_range_sums_its_months_before_dividing()
    {
        var figures = new FigureSet(
        [
            new Figure("num", MonthRange.Single(June), 70), new Figure("den", MonthRange.Single(June), 82),
            new Figure("num", MonthRange.Single(July), 45), new Figure("den", MonthRange.Single(July), 51),
        ]);

        var result = ScorecardCalculator.Evaluate(InlineDefinition.Ratio(80), figures, new MonthRange(June, July));

        Assert.Equal(115, result.Numerator);
        Assert.Equal(133, result.Denominator);
        Assert.Equal("86%", result.Display);
    }

    [Fact]
    public void Year_to_date_runs_from_the_start_of_the_financial_year()
    {
        var measure = InlineDefinition.Count(0);
        var year = new FinancialYear("2007/8", new YearMonth(2007, 4));
        var figures = new FigureSet(
        [
            new Figure("events", new MonthRange(new YearMonth(2007, 4), new YearMonth(2007, 5)), 2),
            new Figure("events", MonthRange.Single(June), 1),
        ]);

        var result = ScorecardCalculator.EvaluateYearToDate(measure, figures, year, June);

        Assert.Equal(new MonthRange(new YearMonth(2007, 4), June), result.Period);
        Assert.Equal("3", result.Display);
    }

    private static MeasureResult Evaluate(Measure measure, YearMonth month, params (string Id, long Value)[] figures) =>
        ScorecardCalculator.Evaluate(measure, new FigureSet(figures.Select(f => new Figure(f.Id, MonthRange.Single(June), f.Value))), MonthRange.Single(month));
}
