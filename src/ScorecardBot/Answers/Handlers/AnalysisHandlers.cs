using ScorecardBot.Core.Analysis;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;

namespace ScorecardBot.Answers.Handlers;

/// <summary>A measure, or one of its figures, over two periods side by side: the difference and which is better.</summary>
public sealed class CompareHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measure = request.Measure!;
        var first = context.Resolve(request.Period, [measure], request.Component);
        if (first is null) return new NoFiguresView(measure.ShortName, context.Definition, request.Note, measure);
        var secondSpec = request.CompareWith ?? IntentRules.PreviousPeriodSpec;
        // "Compare with last month": the period of the same length just before the one looked at.
        var second = secondSpec.Kind == PeriodKind.PreviousPeriod
            ? new ResolvedPeriod(new MonthRange(first.Range.From.AddMonths(-first.Range.Length), first.Range.From.AddMonths(-1)), false, null)
            : context.Resolve(secondSpec, [measure], request.Component);
        if (second is null) return new NoFiguresView(measure.ShortName, context.Definition, request.Note, measure);
        // Earlier period first, so the difference reads forwards in time.
        var (a, b) = first.Range.From <= second.Range.From ? (first, second) : (second, first);
        var comparison = Comparison.Of(measure, context.Figures, a.Range, b.Range);
        var notes = new[] { request.Note, a.NoDataNote, b.NoDataNote }.Where(n => n is not null).Distinct().ToList();
        if (a.Range == b.Range) notes.Add($"Both sides came to {a.Label(context.Year)}, so there is nothing to compare.");
        return new CompareView(comparison, a.Label(context.Year), b.Label(context.Year), request.Component,
            notes.Count == 0 ? null : string.Join(" ", notes), context.LastSubmission([measure], new MonthRange(a.Range.From, b.Range.To)));
    }
}

/// <summary>Why the year to date sits below (or above) every month shown, across the scorecard.</summary>
public sealed class YearToDateGapsHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measures = context.Scope(request);
        var latest = context.Figures.LatestMonthFor(measures.SelectMany(m => m.Components).Select(c => c.Id));
        if (latest is null) return new NoFiguresView("the scorecard", context.Definition, request.Note);
        var year = context.Year;
        var end = latest.Value > year.End ? year.End : latest.Value;
        // The months shown as months: those after any balance at the start of the year.
        var firstMonth = context.Figures.Balances.Where(b => b.Period.From == year.Start).Select(b => b.Period.To.AddMonths(1)).DefaultIfEmpty(year.Start).Max();
        if (firstMonth > end || firstMonth <= year.Start)
        {
            return new YearToDateGapsView([], year.Label, context.Definition, request.Note);
        }
        var shown = new MonthRange(firstMonth, end);
        var gaps = measures.Select(m => YearToDateGap.Find(m, context.Figures, year, shown)).OfType<YearToDateGap>().ToList();
        return new YearToDateGapsView(gaps, shown.ToLongLabel(), context.Definition, request.Note);
    }
}

/// <summary>
/// "Will we hit target this year", "hotline projection": each measure's year end at its run rate so far, the status
/// that would get, and what the remaining months need, as of the latest month with figures (or the month named).
/// </summary>
public sealed class ProjectionHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measures = request.Measure is { } one ? [one] : context.Scope(request);
        if (AsOf(request, measures, context) is not { } asOf) return new NoFiguresView("the scorecard", context.Definition, request.Note, request.Measure);
        var projections = measures.Select(m => Projections.YearEnd(m, context.Figures, context.Year, asOf.Month)).ToList();
        return new ProjectionView(projections, asOf.Month, context.Definition, AnswerContext.Notes(request.Note, asOf.Note));
    }

    /// <summary>The month the projection stands on: the end of the period named, else the latest with figures, within the year.</summary>
    public static (YearMonth Month, string? Note)? AsOf(Request request, IReadOnlyList<Core.Definition.Measure> measures, AnswerContext context)
    {
        var resolved = context.Resolve(request.Period, measures);
        if (resolved is null) return null;
        var year = context.Year;
        var end = resolved.Range.To;
        if (end < year.Start) return null;
        return (end > year.End ? year.End : end, resolved.NoDataNote);
    }
}

/// <summary>
/// "What changed since last month": from the month before to the latest month with figures (or the month named). Late
/// figures need the month's revisions, which the caller reads from the store for <see cref="Month"/>.
/// </summary>
public static class ChangesAnswer
{
    /// <summary>The month the digest ends at, and what the data could not give; null when there are no figures.</summary>
    public static (YearMonth Month, string? Note)? Month(Request request, AnswerContext context) =>
        ProjectionHandler.AsOf(request, context.Definition.Measures, context);

    public static IAnswerView View(Request request, AnswerContext context, (YearMonth Month, string? Note)? asOf, IReadOnlyList<Revision> revisions, int dueDay)
    {
        if (asOf is not { } at) return new NoFiguresView("the scorecard", context.Definition, request.Note);
        var changes = Changes.SinceLastMonth(context.Definition, context.Figures, at.Month, revisions, dueDay);
        return new ChangesView(changes, context.Definition, AnswerContext.Notes(request.Note, at.Note));
    }
}
