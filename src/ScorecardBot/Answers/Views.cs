using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Questions;

namespace ScorecardBot.Answers;

/// <summary>
/// What an answer says, as plain data: no Adaptive Cards here. A handler fills one; a renderer in Cards/ draws it.
/// <see cref="Note"/> is said first: what was not understood, what the figures could not give, what is shown instead.
/// </summary>
public interface IAnswerView
{
    string? Note { get; }
}

public enum MeasureFocus { Value, Target, Trend, Comments }

/// <summary>One measure for a period: its value, year to date, trend, comments, freshness.</summary>
public sealed record MeasureView(
    MeasureResult Result,
    MeasureResult YearToDate,
    string PeriodLabel,
    IReadOnlyList<MeasureResult> Trend,
    IReadOnlyList<string> Comments,
    Figure? LastSubmission,
    string? Note,
    MeasureFocus Focus = MeasureFocus.Value) : IAnswerView
{
    public Measure Measure => Result.Measure;
}

/// <summary>The rest of a ratio ("6 of 353 calls were not answered in time") beside the measure itself.</summary>
public sealed record ComplementView(MeasureView Measure) : IAnswerView
{
    public string? Note => Measure.Note;
}

/// <summary>One raw figure, with the measure it feeds; by month when asked ("recruits each month").</summary>
public sealed record ComponentView(Component Component, MeasureView Measure, IReadOnlyList<ComponentFigure>? ByMonth) : IAnswerView
{
    public string? Note => Measure.Note;
}

/// <summary>A component's figure for a month, or for months held only together (the seed's April–May balance).</summary>
public sealed record ComponentFigure(MonthRange Period, long Value);

/// <summary>The committee table for some months, some or all measures.</summary>
public sealed record ScorecardView(CommitteeReport Report, string Title, string? Note, Figure? LastSubmission) : IAnswerView
{
    /// <summary>Months of the scorecard's year that are locked against changes.</summary>
    public IReadOnlyList<YearMonth> Locked { get; init; } = [];

    /// <summary>Each row's projected year end, when asked for ("scorecard with projection"); in the rows' order.</summary>
    public IReadOnlyList<Core.Analysis.YearEndProjection>? Projections { get; init; }
}

/// <summary>Measures in the statuses asked about for a period.</summary>
public sealed record ExceptionsView(
    IReadOnlyList<MeasureResult> Matching,
    IReadOnlySet<Status> Statuses,
    string PeriodLabel,
    string ScopeLabel,
    string? Note,
    Figure? LastSubmission,
    ScorecardDefinition Definition,
    PeriodSpec Period) : IAnswerView;

/// <summary>Measures ranked by how far they are from target, by the Key's own measure (shortfall ÷ target).</summary>
public sealed record WorstView(IReadOnlyList<RankedResult> Ranked, string PeriodLabel, string? Note) : IAnswerView;

/// <summary>A measure's result and how far short of target it is as a fraction of the target (0 when on target).</summary>
public sealed record RankedResult(MeasureResult Result, decimal Shortfall);

/// <summary>Every measure's comments for a period.</summary>
public sealed record CommentsView(IReadOnlyList<MeasureComments> ByMeasure, string PeriodLabel, PeriodSpec Period, string? Note) : IAnswerView;

public sealed record MeasureComments(Measure Measure, IReadOnlyList<string> Comments);

/// <summary>How up to date the figures are.</summary>
public sealed record FreshnessView(string Scope, Figure? LastSubmission, YearMonth? LatestMonth, string? Note) : IAnswerView;

/// <summary>One glossary term, or the whole acronyms table.</summary>
public sealed record GlossaryView(GlossaryEntry? Term, IReadOnlyList<GlossaryEntry> Glossary, string? Note) : IAnswerView;

/// <summary>The Key: each status in the scorecard's own words, and what the year to date is.</summary>
public sealed record KeyView(ScorecardDefinition Definition, string? Note) : IAnswerView;

/// <summary>A suggested question: the words a person would type, and the request a tap sends.</summary>
public sealed record Example(string Title, Request Request);

public enum HelpKind { Help, Welcome, Greeting, Thanks, NotUnderstood }

/// <summary>Help, the welcome, a greeting, or "I didn't understand", each with questions to tap.</summary>
public sealed record HelpView(HelpKind Kind, ScorecardDefinition Definition, string Asked, IReadOnlyList<Example> Examples, string? Note = null) : IAnswerView;

/// <summary>"Which did you mean?", with a button per choice.</summary>
public sealed record ClarifyView(string Asked, IReadOnlyList<Choice> Choices, string? Note) : IAnswerView;

/// <summary>A measure (or one of its figures) over two periods side by side.</summary>
public sealed record CompareView(Comparison Comparison, string FirstLabel, string SecondLabel, Component? Component, string? Note, Figure? LastSubmission) : IAnswerView;

/// <summary>What a measure is for: its intended outcome and corporate objective.</summary>
public sealed record ObjectiveView(Measure Measure, string? Note) : IAnswerView;

/// <summary>Why a measure stands where it does: its figures and comments, and what pulls the year to date.</summary>
/// <remarks>
/// <see cref="Shortfall"/>, for a measure not Above Target: how far short in its own units, what moved it, and what the
/// rest of the year needs when the year to date is off target too.
/// </remarks>
public sealed record WhyView(MeasureView Measure, YearToDateGap? Gap, Core.Analysis.ShortfallAnalysis? Shortfall = null) : IAnswerView
{
    public string? Note => Measure.Note;
}

/// <summary>Where each measure asked about would finish the year at its run rate, as of a month, with the method.</summary>
public sealed record ProjectionView(IReadOnlyList<Core.Analysis.YearEndProjection> Projections, YearMonth AsOf, ScorecardDefinition Definition, string? Note)
    : IAnswerView;

/// <summary>What changed from one month to the next: statuses that moved, the largest movements, new comments, late figures.</summary>
public sealed record ChangesView(Core.Analysis.WhatChanged Changes, ScorecardDefinition Definition, string? Note) : IAnswerView;

/// <summary>"Why is the year to date lower than every month?" across the scorecard.</summary>
public sealed record YearToDateGapsView(IReadOnlyList<YearToDateGap> Gaps, string PeriodLabel, ScorecardDefinition Definition, string? Note) : IAnswerView;

/// <summary>Nothing submitted yet for what was asked: the whole scorecard, or one measure.</summary>
public sealed record NoFiguresView(
    string What, ScorecardDefinition Definition, string? Note = null, Measure? Measure = null) : IAnswerView;

/// <summary>A button from an older card whose request no longer fits the scorecard.</summary>
public sealed record StaleButtonView(ScorecardDefinition Definition, IReadOnlyList<Example> Examples) : IAnswerView
{
    public string? Note => null;
}
