using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Submissions;

/// <summary>Who is submitting: an admin may submit for any command, a lead for their own commands only.</summary>
public sealed record Submitter(string Id, string Name, bool IsAdmin, IReadOnlySet<string> LeadOf)
{
    public bool CanSubmitFor(Command command) => IsAdmin || LeadOf.Contains(command.Code);

    public bool CanSubmit => IsAdmin || LeadOf.Count > 0;
}

/// <summary>
/// What one command submits for one month: a figure per component of each of its measures, and a comment per
/// measure. The field ids are what the card's inputs carry; the server accepts exactly these and no others.
/// </summary>
public sealed record SubmissionForm(Command Command, YearMonth Month, IReadOnlyList<Measure> Measures)
{
    public const string MonthField = "month";

    public static SubmissionForm For(ScorecardDefinition definition, Command command, YearMonth month) =>
        new(command, month, definition.Measures.Where(m => m.Command == command).ToList());

    public IEnumerable<Component> Components => Measures.SelectMany(m => m.Components);

    public static string FieldId(Component component) => "figure." + component.Id;

    public static string CommentId(Measure measure) => "comment." + measure.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every input the form's card carries.</summary>
    public IReadOnlySet<string> FieldIds =>
        Components.Select(FieldId).Concat(Measures.Select(CommentId)).Append(MonthField).ToHashSet(StringComparer.Ordinal);
}

/// <summary>A problem with one field ("" for the submission as a whole), shown beside that field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>A figure as checked: the component and its value.</summary>
public sealed record SubmittedFigure(Component Component, long Value);

/// <summary>A measure's comment as submitted; empty clears it.</summary>
public sealed record SubmittedComment(Measure Measure, string Text);

/// <summary>The outcome of checking a submission: errors refuse it whole; warnings ask the lead to confirm.</summary>
public sealed record SubmissionCheck(
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<FieldError> Warnings,
    IReadOnlyList<SubmittedFigure> Figures,
    IReadOnlyList<SubmittedComment> Comments)
{
    public bool IsValid => Errors.Count == 0;
}
