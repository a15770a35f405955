using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions;

namespace ScorecardBot.Answers.Handlers;

/// <summary>One measure (or one of its figures) for a period: value, target, trend, comments, the rest of a ratio, why.</summary>
public sealed class MeasureHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measure = request.Measure!;
        var component = request.Intent is Intent.ComponentValue or Intent.Trend ? request.Component : null;
        if (View(request, measure, component, context) is not { } view)
        {
            return new NoFiguresView(measure.ShortName, context.Definition, request.Note, measure);
        }
        if (request.Complement) return new ComplementView(view);
        if (component is not null) return new ComponentView(component, view, request.Intent == Intent.Trend ? ByMonth(component, context) : null);
        if (request.Intent == Intent.Why)
        {
            var gap = YearToDateGap.Find(measure, context.Figures, context.Year, view.Result.Period.IsSingleMonth ? LastMonthsShown(view) : view.Result.Period);
            var shortfall = Core.Analysis.Shortfalls.Analyse(measure, context.Figures, view.Result.Period, context.Year);
            return new WhyView(view with { Focus = MeasureFocus.Comments }, gap, shortfall);
        }
        return request.Intent switch
        {
            Intent.Trend => view with { Focus = MeasureFocus.Trend },
            Intent.Target => view with { Focus = MeasureFocus.Target },
            Intent.Comments => view with
            {
                Focus = MeasureFocus.Comments,
                Note = view.Note ?? (view.Comments.Count == 0 ? $"There are no comments on {measure.ShortName} for {view.PeriodLabel}." : null),
            },
            _ => view,
        };
    }

    /// <summary>The measure's view for the period asked, or null when it has no figures at all.</summary>
    public static MeasureView? View(Request request, Measure measure, Component? component, AnswerContext context)
    {
        var figures = context.Figures;
        var resolved = context.Resolve(request.Period, [measure], component);
        if (resolved is null) return null;
        var year = context.Year;
        var result = ScorecardCalculator.Evaluate(measure, figures, resolved.Range);
        var ytdEnd = resolved.Range.To > year.End ? year.End : resolved.Range.To;
        var ytd = ScorecardCalculator.Evaluate(measure, figures, year.ToDate(ytdEnd));
        var trend = Trend.Of(measure, figures, year, figures.LatestMonthFor(measure.Components.Select(c => c.Id)) ?? ytdEnd);
        // "Why did the hotline lose data?" names no month: the comments are the whole year's, not the latest month's.
        var yearsComments = request.Intent is Intent.Comments or Intent.Why && !request.Period.IsStated;
        var comments = figures.CommentsFor(measure.Number, yearsComments ? year.Months : resolved.Range).Select(c => c.Text).Distinct().ToList();
        var last = figures.LastSubmission(measure.Components.Select(c => c.Id), resolved.Range);
        var note = AnswerContext.Notes(request.Note, resolved.NoDataNote);
        if (yearsComments)
        {
            note = AnswerContext.Notes(note, comments.Count == 0
                ? $"There are no comments on {measure.ShortName} in {year.Label}."
                : $"No month was named, so these are the comments from the whole of {year.Label}.");
        }
        return new MeasureView(result, ytd, resolved.Label(year), trend, comments, last, note);
    }

    /// <summary>
    /// A component through the year so far: each month's figure, and a balance held for several months as the one
    /// figure it is, in its place, never split.
    /// </summary>
    private static List<ComponentFigure> ByMonth(Component component, AnswerContext context)
    {
        var figures = context.Figures;
        var rows = new List<ComponentFigure>();
        if (figures.LatestMonthFor([component.Id]) is not { } latest) return rows;
        var year = context.Year;
        var end = latest > year.End ? year.End : latest;
        for (var month = year.Start; month <= end; month = month.AddMonths(1))
        {
            if (figures.Month(component.Id, month) is { } value)
            {
                rows.Add(new ComponentFigure(Core.Periods.MonthRange.Single(month), value));
                continue;
            }
            if (figures.Balances.FirstOrDefault(b => b.ComponentId == component.Id && b.Period.From == month) is { } balance)
            {
                rows.Add(new ComponentFigure(balance.Period, balance.Value));
                month = balance.Period.To;
            }
        }
        return rows;
    }

    /// <summary>For a single month, the months shown beside the year to date are the year's months with figures so far.</summary>
    private static Core.Periods.MonthRange LastMonthsShown(MeasureView view)
    {
        var withData = view.Trend.Where(t => t.HasData).Select(t => t.Period.From).ToList();
        return withData.Count == 0 ? view.Result.Period : new Core.Periods.MonthRange(withData[0], withData[^1]);
    }
}
