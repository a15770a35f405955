using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Analysis;

public sealed record StatusMove(Measure Measure, MeasureResult Before, MeasureResult After)
{
    public string Sentence => $"{Measure.ShortName}: {Before.StatusLabel} → {After.StatusLabel} ({Before.Display} → {After.Display}).";
}

/// <summary>A measure's change in its own units: percentage points for a percentage, the count for a count.</summary>
public sealed record ValueMovement(Measure Measure, decimal Before, decimal After, bool Improved)
{
    public decimal Change => After - Before;

    public string Display => $"{(Change > 0 ? "+" : "")}{Measure.FormatValue(Change).TrimEnd('%')}{(Measure.Unit == Unit.Percent ? " points" : "")}";
}

/// <summary>A month's figure first saved after the month's due day.</summary>
public sealed record LateSubmission(Measure Measure, Component Component, YearMonth Month, DateOnly Due, DateTime SubmittedAtUtc,
    string SubmittedBy)
{
    public int DaysLate => DateOnly.FromDateTime(SubmittedAtUtc).DayNumber - Due.DayNumber;
}

public sealed record WhatChanged(
    YearMonth Before,
    YearMonth After,
    IReadOnlyList<StatusMove> StatusMoves,
    IReadOnlyList<ValueMovement> LargestMovements,
    IReadOnlyList<MeasureComment> NewComments,
    IReadOnlyList<LateSubmission> LateSubmissions)
{
    /// <summary>
    /// The digest in one sentence, for the month-end alert's opening line: "Since August 2007: Hotline …: Above Target →
    /// More Than 10% Outside Target (95% → 75%); 1 new comment."
    /// </summary>
    public string Digest
    {
        get
        {
            var moved = StatusMoves.Count == 0 ? "no measure's status moved" : string.Join("; ", StatusMoves.Select(m => m.Sentence.TrimEnd('.')));
            var comments = NewComments.Count == 0 ? "" : $"; {NewComments.Count} new comment{(NewComments.Count == 1 ? "" : "s")}";
            return $"Since {Before.ToLongLabel()}: {moved}{comments}.";
        }
    }
}

public static class Changes
{
    /// <summary>
    /// What changed from the month before <paramref name="month"/> to it: statuses that moved, the largest movements
    /// (ranked by their size against each measure's target, so percentages and counts compare fairly), comments new in
    /// the month, and figures for the month first saved after <paramref name="dueDay"/> of the following month (UTC).
    /// </summary>
    public static WhatChanged SinceLastMonth(ScorecardDefinition definition, FigureSet figures, YearMonth month,
        IReadOnlyList<Revision> revisions, int dueDay, int largest = 5)
    {
        var before = month.AddMonths(-1);
        var moves = new List<StatusMove>();
        var movements = new List<ValueMovement>();
        foreach (var measure in definition.Measures)
        {
            var was = ScorecardCalculator.Evaluate(measure, figures, MonthRange.Single(before));
            var now = ScorecardCalculator.Evaluate(measure, figures, MonthRange.Single(month));
            if (was.Status != now.Status) moves.Add(new StatusMove(measure, was, now));
            if (was.Published is { } b && now.Published is { } a && a != b)
                movements.Add(new ValueMovement(measure, b, a, measure.Direction == Direction.HigherIsBetter ? a > b : a < b));
        }
        var ranked = movements
            .OrderByDescending(m => Math.Abs(m.Change) / Math.Max(1, Math.Abs(m.Measure.Target.For(1))))
            .ThenBy(m => m.Measure.Number)
            .Take(largest)
            .ToList();

        var previousComments = figures.Comments.Where(c => c.Month == before).ToLookup(c => c.MeasureNumber, c => c.Text);
        var newComments = figures.Comments
            .Where(c => c.Month == month && !previousComments[c.MeasureNumber].Contains(c.Text))
            .OrderBy(c => c.MeasureNumber)
            .ToList();

        return new WhatChanged(before, month, moves, ranked, newComments, Late(definition, month, revisions, dueDay));
    }

    private static List<LateSubmission> Late(ScorecardDefinition definition, YearMonth month, IReadOnlyList<Revision> revisions, int dueDay)
    {
        var next = month.AddMonths(1);
        var due = new DateOnly(next.Year, next.Month, Math.Min(dueDay, DateTime.DaysInMonth(next.Year, next.Month)));
        return revisions
            .Where(r => r.Kind == RevisionKind.Figure && r.Period == MonthRange.Single(month) && r.ComponentId is not null)
            .GroupBy(r => r.ComponentId!)
            .Select(g => g.OrderBy(r => r.SubmittedAtUtc).First())
            .Where(first => DateOnly.FromDateTime(first.SubmittedAtUtc) > due)
            .Select(first => (first, component: definition.FindComponent(first.ComponentId!)))
            .Where(x => x.component is not null)
            .Select(x => new LateSubmission(x.component!.Measure, x.component, month, due, x.first.SubmittedAtUtc, x.first.SubmittedByName))
            .OrderBy(l => l.Measure.Number).ThenBy(l => l.SubmittedAtUtc)
            .ToList();
    }
}
