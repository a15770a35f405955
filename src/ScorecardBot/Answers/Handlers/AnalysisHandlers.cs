using ScorecardBot.Core.Calculation;
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
