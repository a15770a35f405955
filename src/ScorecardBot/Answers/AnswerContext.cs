using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;

namespace ScorecardBot.Answers;

/// <summary>What every handler answers from: the scorecard as it stands, this month, and the scorecard's words.</summary>
public sealed record AnswerContext(ScorecardSnapshot Snapshot, YearMonth Today, Vocabulary Vocabulary)
{
    public ScorecardDefinition Definition => Snapshot.Definition;

    public FigureSet Figures => Snapshot.Figures;

    public FinancialYear Year => Definition.FinancialYear;

    /// <summary>The period asked for, pinned to months that have figures (or null when there are none at all).</summary>
    public ResolvedPeriod? Resolve(PeriodSpec spec, IReadOnlyList<Measure> measures, Component? component = null) =>
        PeriodResolver.Resolve(spec, Definition, Figures, measures, Today, component);

    /// <summary>The measures asked about together ("hotline and IED"), a command's, or all of them.</summary>
    public IReadOnlyList<Measure> Scope(Request request) =>
        request.Measures.Count > 1 ? request.Measures
        : request.Command is { } command ? Definition.Measures.Where(m => m.Command == command).ToList()
        : Definition.Measures;

    public Figure? LastSubmission(IEnumerable<Measure> measures, MonthRange range) =>
        Figures.LastSubmission(measures.SelectMany(m => m.Components).Select(c => c.Id), range);

    /// <summary>What the question got wrong, then what the data lacks: both are said, in that order.</summary>
    public static string? Notes(string? first, string? second) => first is null ? second : second is null ? first : $"{first} {second}";
}

/// <summary>One kind of answer: a request in, a view model out.</summary>
public interface IAnswerHandler
{
    IAnswerView Handle(Request request, AnswerContext context);
}
