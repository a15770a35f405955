using ScorecardBot.Core.Analysis;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using static ScorecardBot.Core.Tests.Analysis.AnalysisFigures;

namespace ScorecardBot.Core.Tests.Analysis;

public sealed class ChangesTests
{
    private static readonly YearMonth September = M(2007, 9);

    // September as August for every component, except the hotline's 300 of 400.
    private static FigureSet SeptemberFigures(params MeasureComment[] comments) => SeedWith(
        Scorecard.Components.Select(c => c.Id switch
        {
            "hotline-answered" => Month(c.Id, 2007, 9, 300),
            "hotline-calls" => Month(c.Id, 2007, 9, 400),
            _ => new Figure(c.Id, MonthRange.Single(September), SeedWith().Month(c.Id, M(2007, 8))!.Value),
        }),
        comments);

    [Fact]
    public void Since_August_the_hotline_moved_from_Above_Target_to_More_Than_10_percent_outside_and_fell_24_points()
    {
        var changes = Changes.SinceLastMonth(Scorecard, SeptemberFigures(), September, [], dueDay: 10);

        var move = Assert.Single(changes.StatusMoves);
        Assert.Equal((5, Status.AboveTarget, Status.OutsideTolerance), (move.Measure.Number, move.Before.Status, move.After.Status));
        Assert.Equal("Hotline calls answered within set time: Above Target → More Than 10% Outside Target (99% → 75%).", move.Sentence);
        var largest = Assert.Single(changes.LargestMovements);
        Assert.Equal((5, -24m, false, "-24 points"), (largest.Measure.Number, largest.Change, largest.Improved, largest.Display));
    }

    [Fact]
    public void Movements_are_ranked_by_size_against_each_target()
    {
        var figures = SeedWith(Month("snt-briefed", 2007, 9, 10), Month("snt-recruited", 2007, 9, 15),
            Month("ied-in-time", 2007, 9, 30), Month("ied-calls", 2007, 9, 33));

        var changes = Changes.SinceLastMonth(Scorecard, figures, September, [], dueDay: 10);

        // SNT 87% → 67% (−20 points), IED 100% → 91% (−9 points).
        Assert.Equal([(2, -20m), (3, -9m)], changes.LargestMovements.Select(m => (m.Measure.Number, m.Change)));
    }

    [Fact]
    public void A_comment_carried_over_from_last_month_is_not_new_and_a_new_one_is()
    {
        var july = Changes.SinceLastMonth(Scorecard, SeedWith(), M(2007, 7), [], dueDay: 10);
        var september = Changes.SinceLastMonth(Scorecard, SeptemberFigures(new MeasureComment(3, September, "Two calls attended late")),
            September, [], dueDay: 10);

        Assert.Empty(july.NewComments);
        Assert.Equal("Two calls attended late", Assert.Single(september.NewComments).Text);
    }

    [Fact]
    public void A_figure_first_saved_after_the_due_day_is_late_and_a_later_correction_is_not_counted()
    {
        var month = MonthRange.Single(September);
        Revision[] revisions =
        [
            Revision.OfFigure("hotline-calls", month, null, 400, "aad-bob", new DateTime(2007, 10, 8, 9, 0, 0, DateTimeKind.Utc), Guid.NewGuid(), "Bob Baker"),
            Revision.OfFigure("hotline-answered", month, null, 300, "aad-bob", new DateTime(2007, 10, 12, 9, 0, 0, DateTimeKind.Utc), Guid.NewGuid(), "Bob Baker"),
            Revision.OfFigure("hotline-calls", month, 400, 401, "aad-eve", new DateTime(2007, 10, 15, 9, 0, 0, DateTimeKind.Utc), Guid.NewGuid(), "Eve"),
            Revision.OfFigure("hotline-calls", MonthRange.Single(M(2007, 8)), null, 414, "aad-eve", new DateTime(2007, 10, 15, 9, 0, 0, DateTimeKind.Utc), Guid.NewGuid()),
            Revision.OfFigure("ied-calls", month, null, 33, "aad-ann", new DateTime(2007, 10, 10, 23, 59, 0, DateTimeKind.Utc), Guid.NewGuid()),
        ];

        var changes = Changes.SinceLastMonth(Scorecard, SeptemberFigures(), September, revisions, dueDay: 10);

        var late = Assert.Single(changes.LateSubmissions);
        Assert.Equal(("hotline-answered", new DateOnly(2007, 10, 10), 2, "Bob Baker"), (late.Component.Id, late.Due, late.DaysLate, late.SubmittedBy));
    }
}
