using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Calculation;

public sealed class StatusKeyTests
{
    [Theory]
    [InlineData(85, Status.AboveTarget)]
    [InlineData(90, Status.AboveTarget)]
    [InlineData(84, Status.WithinTolerance)]
    [InlineData(77, Status.WithinTolerance)] // 9.4% outside
    [InlineData(76, Status.OutsideTolerance)] // 10.6% outside
    [InlineData(0, Status.OutsideTolerance)]
    public void Higher_is_better_against_an_85_percent_target(int published, Status expected)
    {
        Assert.Equal(expected, StatusKey.Evaluate(published, 85, Direction.HigherIsBetter, 0.10m));
    }

    [Fact]
    public void Exactly_10_percent_outside_is_less_than_10_percent_outside()
    {
        Assert.Equal(Status.WithinTolerance, StatusKey.Evaluate(72, 80, Direction.HigherIsBetter, 0.10m));
        Assert.Equal(Status.OutsideTolerance, StatusKey.Evaluate(71, 80, Direction.HigherIsBetter, 0.10m));
    }

    [Theory]
    [InlineData(0, Status.AboveTarget)]
    [InlineData(1, Status.OutsideTolerance)]
    [InlineData(5, Status.OutsideTolerance)]
    public void Any_occurrence_against_a_zero_target_is_more_than_10_percent_outside(int published, Status expected)
    {
        Assert.Equal(expected, StatusKey.Evaluate(published, 0, Direction.LowerIsBetter, 0.10m));
    }

    [Theory]
    [InlineData(8, Status.AboveTarget)]
    [InlineData(10, Status.AboveTarget)]
    [InlineData(11, Status.WithinTolerance)]
    [InlineData(12, Status.OutsideTolerance)]
    public void Lower_is_better_mirrors_the_rule_against_a_target_of_10(int published, Status expected)
    {
        Assert.Equal(expected, StatusKey.Evaluate(published, 10, Direction.LowerIsBetter, 0.10m));
    }

    [Fact]
    public void Tolerance_comes_from_the_definition()
    {
        Assert.Equal(Status.WithinTolerance, StatusKey.Evaluate(70, 85, Direction.HigherIsBetter, 0.20m));
        Assert.Equal(Status.OutsideTolerance, StatusKey.Evaluate(84, 85, Direction.HigherIsBetter, 0m));
    }

    [Fact]
    public void No_value_is_no_data_never_on_target()
    {
        var measure = InlineDefinition.Ratio(85);

        Assert.Equal(Status.NoData, StatusKey.Evaluate(measure, null, MonthRange.Single(new YearMonth(2007, 6))));
        Assert.Equal("No data", measure.Label(Status.NoData));
        Assert.False(Status.NoData.IsOffTarget());
        Assert.NotEqual("green", Status.NoData.Rag());
    }

    [Theory]
    [InlineData(Status.AboveTarget, "Above Target", "green")]
    [InlineData(Status.WithinTolerance, "Less Than 10% Outside Target", "amber")]
    [InlineData(Status.OutsideTolerance, "More Than 10% Outside Target", "red")]
    [InlineData(Status.NoData, "No data", "grey")]
    public void Labels_are_the_papers_Key(Status status, string label, string rag)
    {
        Assert.Equal(label, InlineDefinition.Ratio(85).Label(status));
        Assert.Equal(rag, status.Rag());
    }
}
