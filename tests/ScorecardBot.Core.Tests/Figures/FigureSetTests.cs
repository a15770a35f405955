using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Tests.Figures;

public sealed class FigureSetTests
{
    private static readonly Component Calls = new("calls", "Calls received", Aggregation.Sum, null, false, []);
    private static readonly Component Bocus = new("bocus", "Total BOCUs with CTIOs", Aggregation.Latest, 33, false, []);

    private static readonly YearMonth Apr = new(2007, 4), May = new(2007, 5), Jun = new(2007, 6), Jul = new(2007, 7), Aug = new(2007, 8);

    private static Figure Monthly(Component c, YearMonth month, long value) => new(c.Id, MonthRange.Single(month), value);

    private static Figure Balance(Component c, YearMonth from, YearMonth to, long value) => new(c.Id, new MonthRange(from, to), value);

    [Fact]
    public void With_replaces_the_figure_of_the_same_component_and_period_adds_new_ones_and_keeps_the_rest()
    {
        var comment = new MeasureComment(5, Jul, "Busy month");
        var set = new FigureSet([Monthly(Calls, Jun, 410), Monthly(Calls, Jul, 353), Balance(Bocus, Apr, May, 27)], [comment]);

        var changed = set.With([Monthly(Calls, Jul, 360), Monthly(Calls, Aug, 414), Monthly(Bocus, May, 28)]);

        Assert.Equal(410, changed.Month(Calls.Id, Jun));
        Assert.Equal(360, changed.Month(Calls.Id, Jul));
        Assert.Equal(414, changed.Month(Calls.Id, Aug));
        Assert.Equal(27, changed.Find(Bocus.Id, new MonthRange(Apr, May))?.Value);
        Assert.Equal(28, changed.Find(Bocus.Id, MonthRange.Single(May))?.Value);
        Assert.Equal(5, changed.All.Count);
        Assert.Equal([comment], changed.Comments);
        Assert.Equal(353, set.Month(Calls.Id, Jul));
        Assert.Empty(set.With([], []).Comments);
    }

    [Fact]
    public void A_flow_over_a_range_is_the_sum_of_its_months()
    {
        var set = new FigureSet([Monthly(Calls, Jun, 410), Monthly(Calls, Jul, 353), Monthly(Calls, Aug, 414)]);

        Assert.Equal(1177, set.Aggregate(Calls, new MonthRange(Jun, Aug)));
        Assert.Equal(767, set.Aggregate(Calls, new MonthRange(Jul, Aug)));
        Assert.Equal(353, set.Aggregate(Calls, MonthRange.Single(Jul)));
    }

    [Fact]
    public void A_stock_over_a_range_is_its_last_month()
    {
        var set = new FigureSet([Monthly(Bocus, Jun, 28), Monthly(Bocus, Jul, 29), Monthly(Bocus, Aug, 29)]);

        Assert.Equal(29, set.Aggregate(Bocus, new MonthRange(Jun, Aug)));
        Assert.Equal(28, set.Aggregate(Bocus, new MonthRange(Apr, Jun)));
    }

    [Fact]
    public void A_stock_whose_last_month_is_missing_is_null_not_an_earlier_month()
    {
        var set = new FigureSet([Monthly(Bocus, Jun, 28), Monthly(Bocus, Jul, 29)]);

        Assert.Null(set.Aggregate(Bocus, new MonthRange(Jun, Aug)));
    }

    [Fact]
    public void A_missing_month_makes_the_range_null_never_a_partial_sum()
    {
        var set = new FigureSet([Monthly(Calls, Jun, 410), Monthly(Calls, Aug, 414)]);

        Assert.Null(set.Aggregate(Calls, new MonthRange(Jun, Aug)));
        Assert.Null(set.Aggregate(Calls, MonthRange.Single(Jul)));
        Assert.Null(set.Month(Calls.Id, Jul));
        Assert.Null(set.Aggregate(Calls, new MonthRange(May, Jun)));
    }

    [Fact]
    public void A_component_with_no_figures_is_null()
    {
        var set = new FigureSet([Monthly(Calls, Jun, 410)]);

        Assert.Null(set.Aggregate(Bocus, MonthRange.Single(Jun)));
        Assert.Null(FigureSet.Empty.Aggregate(Calls, MonthRange.Single(Jun)));
    }

    [Fact]
    public void A_zero_figure_is_zero_not_missing()
    {
        var set = new FigureSet([Monthly(Calls, Jun, 0)]);

        Assert.Equal(0, set.Aggregate(Calls, MonthRange.Single(Jun)));
    }

    [Fact]
    public void A_balance_inside_the_range_counts_whole()
    {
        var set = new FigureSet([Balance(Calls, Apr, May, 903), Monthly(Calls, Jun, 410), Monthly(Calls, Jul, 353), Monthly(Calls, Aug, 414)]);

        Assert.Equal(2080, set.Aggregate(Calls, new MonthRange(Apr, Aug)));
        Assert.Equal(903, set.Aggregate(Calls, new MonthRange(Apr, May)));
    }

    [Fact]
    public void A_balance_straddling_the_range_edge_is_never_split()
    {
        var set = new FigureSet([Balance(Calls, Apr, May, 903), Monthly(Calls, Jun, 410)]);

        Assert.Null(set.Aggregate(Calls, new MonthRange(May, Jun)));
        Assert.Null(set.Aggregate(Calls, MonthRange.Single(Apr)));
        Assert.Null(set.Aggregate(Calls, MonthRange.Single(May)));
        Assert.Null(set.Month(Calls.Id, Apr));
    }

    [Fact]
    public void Monthly_figures_supersede_a_balance_once_every_month_of_its_block_is_present()
    {
        var set = new FigureSet([Balance(Calls, Apr, May, 903), Monthly(Calls, Apr, 400), Monthly(Calls, May, 500), Monthly(Calls, Jun, 410)]);

        Assert.Equal(900, set.Aggregate(Calls, new MonthRange(Apr, May)));
        Assert.Equal(400, set.Aggregate(Calls, MonthRange.Single(Apr)));
        Assert.Equal(910, set.Aggregate(Calls, new MonthRange(May, Jun)));
        Assert.Equal(1310, set.Aggregate(Calls, new MonthRange(Apr, Jun)));
    }

    [Fact]
    public void A_balance_stays_the_truth_while_only_part_of_its_block_has_monthly_figures()
    {
        var set = new FigureSet([Balance(Calls, Apr, May, 903), Monthly(Calls, Apr, 400), Monthly(Calls, Jun, 410)]);

        Assert.Equal(1313, set.Aggregate(Calls, new MonthRange(Apr, Jun)));
    }

    [Fact]
    public void The_latest_month_ignores_balances()
    {
        var set = new FigureSet([Balance(Calls, Apr, Aug, 1), Monthly(Calls, Jun, 410)]);

        Assert.Equal(Jun, set.LatestMonth);
        Assert.Null(FigureSet.Empty.LatestMonth);
    }

    [Fact]
    public void Find_returns_a_balance_only_for_its_exact_block()
    {
        var set = new FigureSet([Balance(Calls, Apr, May, 903), Monthly(Calls, Jun, 410)]);

        Assert.Equal(903, set.Find(Calls.Id, new MonthRange(Apr, May))!.Value);
        Assert.Null(set.Find(Calls.Id, new MonthRange(Apr, Jun)));
        Assert.Equal(410, set.Find(Calls.Id, MonthRange.Single(Jun))!.Value);
        Assert.Null(set.Find(Calls.Id, MonthRange.Single(Apr)));
    }

    [Fact]
    public void Comments_are_found_by_measure_and_month()
    {
        var set = new FigureSet([], [new MeasureComment(5, Jun, "lost data"), new MeasureComment(5, Jul, "lost data")]);

        Assert.Equal(2, set.CommentsFor(5, new MonthRange(Jun, Aug)).Count());
        Assert.Empty(set.CommentsFor(5, MonthRange.Single(Aug)));
        Assert.Empty(set.CommentsFor(4, new MonthRange(Jun, Aug)));
    }
}
