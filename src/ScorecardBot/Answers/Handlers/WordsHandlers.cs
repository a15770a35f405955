using ScorecardBot.Questions;

namespace ScorecardBot.Answers.Handlers;

/// <summary>Every measure's comments for a period, or the year's when no month is named.</summary>
public sealed class CommentsHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measures = context.Scope(request);
        var resolved = context.Resolve(request.Period, measures);
        if (resolved is null) return new NoFiguresView("the scorecard", context.Definition, request.Note);
        var year = context.Year;
        var (range, label) = request.Period.IsStated ? (resolved.Range, resolved.Label(year)) : (year.Months, year.Label);
        var byMeasure = measures
            .Select(m => new MeasureComments(m, context.Figures.CommentsFor(m.Number, range).Select(c => c.Text).Distinct().ToList()))
            .ToList();
        return new CommentsView(byMeasure, label, request.Period, AnswerContext.Notes(request.Note, request.Period.IsStated ? resolved.NoDataNote : null));
    }
}

/// <summary>When the figures were last submitted, by whom, and the latest month they cover.</summary>
public sealed class FreshnessHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var measures = request.Measure is { } one ? [one] : context.Scope(request);
        var ids = measures.SelectMany(m => m.Components).Select(c => c.Id).ToList();
        var scope = request.Measure?.ShortName ?? (request.Command is { } c ? c.Code : "the scorecard");
        return new FreshnessView(scope, context.Figures.LastSubmission(ids, context.Year.Months), context.Figures.LatestMonthFor(ids), request.Note);
    }
}

public sealed class GlossaryHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context) =>
        new GlossaryView(request.Term, context.Definition.Glossary, request.Note);
}

public sealed class KeyHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context) => new KeyView(context.Definition, request.Note);
}

/// <summary>What a measure is for: its intended outcome and the corporate objective above it.</summary>
public sealed class ObjectiveHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context) => new ObjectiveView(request.Measure!, request.Note);
}

/// <summary>Help, greetings, "did you mean", "I didn't understand": each with questions made from the scorecard.</summary>
public sealed class HelpHandler : IAnswerHandler
{
    public IAnswerView Handle(Request request, AnswerContext context)
    {
        var definition = context.Definition;
        var examples = Examples.For(definition, context.Figures);
        return request.Intent switch
        {
            Intent.Clarify => new ClarifyView(request.Text, request.Choices, request.Note),
            Intent.Greeting => new HelpView(
                request.Text.Split(' ').Any(context.Vocabulary.Language.Thanks.Contains) ? HelpKind.Thanks : HelpKind.Greeting,
                definition, request.Text, examples, request.Note),
            Intent.Unknown => new HelpView(HelpKind.NotUnderstood, definition, request.Text, examples, request.Note),
            _ => new HelpView(HelpKind.Help, definition, request.Text, examples, request.Note),
        };
    }
}
