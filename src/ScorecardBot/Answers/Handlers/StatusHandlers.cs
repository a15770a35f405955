using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Questions;

namespace ScorecardBot.Answers.Handlers;

/// <summary>Measures in the statuses asked about ("which measures are off target", "anything red in July").</summary>
public sealed class ExceptionsHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measures = request.Measures.Count > 0 ? request.Measures : context.Scope(request);
        var resolved = context.Resolve(request.Period, measures);
        if (resolved is null) return new NoFiguresView("the scorecard", context.Definition, request.Note);

        var statuses = request.Statuses ?? new HashSet<Status> { Status.WithinTolerance, Status.OutsideTolerance };
        var matching = measures
            .Select(m => ScorecardCalculator.Evaluate(m, context.Figures, resolved.Range))
            .Where(r => statuses.Contains(r.Status))
            .OrderByDescending(r => r.Status)
            .ThenBy(r => r.Measure.Number)
            .ToList();
        var scopeLabel = request.Command is { } c ? $"for {c.Code} " : "";
        return new ExceptionsView(matching, statuses, resolved.Label(context.Year), scopeLabel, AnswerContext.Notes(request.Note, resolved.NoDataNote),
            context.LastSubmission(measures, resolved.Range), context.Definition, request.Period);
    }
}

/// <summary>
/// The measure furthest from its target, by the Key's own measure: how far short as a fraction of the target (a
/// zero target breached counts as furthest of all). Measures on target rank by how little room they have, a zero target
/// met last.
/// </summary>
public sealed class WorstHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measures = context.Scope(request);
        var resolved = context.Resolve(request.Period, measures);
        if (resolved is null) return new NoFiguresView("the scorecard", context.Definition, request.Note);
        var ranked = measures
            .Select(m => ScorecardCalculator.Evaluate(m, context.Figures, resolved.Range))
            .Where(r => r.HasData)
            .Select(r => new RankedResult(r, Shortfall(r)))
            .OrderByDescending(r => r.Shortfall)
            .ThenBy(r => r.Result.Measure.Number)
            .ToList();
        return new WorstView(ranked, resolved.Label(context.Year), AnswerContext.Notes(request.Note, resolved.NoDataNote));
    }

    /// <summary>Shortfall ÷ target, the quantity the Key's bands are drawn on; negative is room to spare.</summary>
    public static decimal Shortfall(MeasureResult r)
    {
        var target = r.Target;
        var value = r.Published!.Value;
        var shortfall = r.Measure.Direction == Direction.HigherIsBetter ? target - value : value - target;
        // A zero target breached is furthest of all. Met, it has no share of the target to spare and is as good as
        // the measure can be ("no intrusions"), so it ranks after every measure whose room can be measured.
        if (target == 0) return shortfall > 0 ? decimal.MaxValue / 2 : decimal.MinValue / 2;
        return shortfall / Math.Abs(target);
    }
}
