using System.Globalization;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Questions;

namespace ScorecardBot.Answers.Handlers;

/// <summary>The committee table for a month or range: some measures, a command's, or all of them.</summary>
public sealed class ScorecardHandler : IAnswerHandler
{
    /// <summary>The committee layout shows at most this many months beside the year to date.</summary>
    public const int MaxMonths = 6;

    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var definition = context.Definition;
        var measures = context.Scope(request);
        var resolved = context.Resolve(request.Period, measures);
        if (resolved is null) return new NoFiguresView("the scorecard", definition, request.Note);

        // The committee layout always has months and the year to date; a year-to-date question shows the year's months.
        var range = resolved.IsYearToDate || resolved.Range.Length > MaxMonths ? LastMonths(resolved.Range, MaxMonths) : resolved.Range;
        var report = CommitteeReport.Build(definition, context.Figures, range, measures);
        var numbers = request.Measures.Select(m => m.Number.ToString(CultureInfo.InvariantCulture)).Order().ToList();
        var scope = request.Measures.Count > 1 ? $" · measures {string.Join(", ", numbers[..^1])} and {numbers[^1]}"
            : request.Command is { } c ? $" · {c.Code}" : "";
        var shortened = range != resolved.Range && !resolved.IsYearToDate ? $"Showing the last {range.Length} months of {resolved.Range.ToLongLabel()}." : null;
        var note = AnswerContext.Notes(request.Note, resolved.NoDataNote ?? shortened);
        return new ScorecardView(report, $"Scorecard{scope} · {range.ToLongLabel()}", note, context.LastSubmission(measures, context.Year.Months))
        {
            Locked = context.Snapshot.Locks.Select(l => l.Month).Where(context.Year.Contains).ToList(),
            Projections = request.Projected && range.To >= context.Year.Start
                ? report.Rows.Select(r => Core.Analysis.Projections.YearEnd(r.Measure, context.Figures, context.Year, range.To > context.Year.End ? context.Year.End : range.To)).ToList()
                : null,
        };
    }

    private static MonthRange LastMonths(MonthRange range, int count) =>
        range.Length <= count ? range : new MonthRange(range.To.AddMonths(-(count - 1)), range.To);
}
