using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Calculation;

/// <summary>A count target says which period it is for, and a longer period is judged against the target for it.</summary>
public sealed class TargetPeriodTests
{
    private static readonly YearMonth April = new(2007, 4);

    private static Measure Fires(string per, decimal target = 40) => InlineDefinition.Load(InlineDefinition.Wrap($$"""
        {
          "number": 1, "title": "Accidental dwelling fires", "command": "CTC",
          "components": [ { "id": "fires", "name": "Accidental dwelling fires", "aggregation": "sum" } ],
          "value": { "kind": "count", "component": "fires", "basis": "fires" },
          "target": { "value": {{target}}, "per": "{{per}}" }, "unit": "count", "direction": "lowerIsBetter", "tolerance": 0.05
        }
        """)).GetMeasure(1);

    private static FigureSet Monthly(params long[] values) =>
        new(values.Select((v, i) => new Figure("fires", MonthRange.Single(April.AddMonths(i)), v)).ToList(), []);

    [Fact]
    public void A_quarter_is_judged_against_three_months_of_a_monthly_target()
    {
        // "No more than 40 a month" against 124 fires in a quarter: 3.3% over 120, inside a 5% band.
        var result = ScorecardCalculator.Evaluate(Fires("month"), Monthly(38, 41, 45), new MonthRange(April, April.AddMonths(2)));

        Assert.Equal(124, result.Published);
        Assert.Equal(120, result.Target);
        Assert.Equal(Status.WithinTolerance, result.Status);
        Assert.Equal("Less Than 5% Outside Target", result.StatusLabel);
        Assert.Equal("120 (40 a month)", result.TargetLabel);
    }

    [Theory]
    [InlineData(38, Status.AboveTarget)]
    [InlineData(42, Status.WithinTolerance)] // 5% over 40
    [InlineData(43, Status.OutsideTolerance)] // 7.5% over
    public void A_single_month_is_judged_against_the_monthly_target(long fires, Status expected)
    {
        var result = ScorecardCalculator.Evaluate(Fires("month"), Monthly(fires), MonthRange.Single(April));

        Assert.Equal(expected, result.Status);
        Assert.Equal("40 a month", result.TargetLabel);
    }

    [Fact]
    public void A_yearly_target_is_taken_pro_rata()
    {
        // 480 a year is 200 over five months; 205 is 2.5% over.
        var result = ScorecardCalculator.Evaluate(Fires("year", 480), Monthly(41, 41, 41, 41, 41), new MonthRange(April, April.AddMonths(4)));

        Assert.Equal(200, result.Target);
        Assert.Equal(Status.WithinTolerance, result.Status);
    }

    [Fact]
    public void A_level_target_applies_to_any_period_as_it_is()
    {
        var result = ScorecardCalculator.Evaluate(Fires("level"), Monthly(38, 41, 45), new MonthRange(April, April.AddMonths(2)));

        Assert.Equal(40, result.Target);
        Assert.Equal(Status.OutsideTolerance, result.Status);
    }

    [Fact]
    public void A_zero_target_per_month_is_breached_by_one_occurrence_over_any_period()
    {
        var result = ScorecardCalculator.Evaluate(Fires("month", 0), Monthly(0, 1, 0), new MonthRange(April, April.AddMonths(2)));

        Assert.Equal(Status.OutsideTolerance, result.Status);
        Assert.Equal("0", result.TargetLabel);
    }
}
