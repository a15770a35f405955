using System.Globalization;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Submissions;

/// <summary>
/// Checks a submission on the server, trusting nothing the card sent: whole numbers of 0 or more, numerators within
/// their denominators, stocks within their fixed totals and maxima, the month inside the scorecard's year and not
/// in the future or locked, and no fields the form did not carry. Pure: the figures, today and the lock are passed in.
/// </summary>
public static class SubmissionValidator
{
    public const int MaxCommentLength = 2000;

    public static SubmissionCheck Check(
        SubmissionForm form,
        IReadOnlyDictionary<string, string?> fields,
        FigureSet current,
        FinancialYear year,
        YearMonth today,
        bool locked,
        SubmissionScope scope = SubmissionScope.WholeForm)
    {
        var errors = new List<FieldError>();
        var warnings = new List<FieldError>();
        var known = form.FieldIds;
        foreach (var unknown in fields.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new FieldError("",
                $"The submission carried a field the form does not have ({Shorten(unknown)}), so nothing was saved."));
        }
        var month = form.Month.ToLongLabel();
        if (!year.Contains(form.Month)) errors.Add(OnMonth($"{month} is outside the scorecard's year ({year.Label})."));
        else if (form.Month > today)
            errors.Add(OnMonth($"{month} is still to come: figures can be submitted once the month has begun."));
        if (locked) errors.Add(OnMonth($"{month} is locked; an admin can unlock it."));

        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var component in form.Components)
        {
            var id = SubmissionForm.FieldId(component);
            if (!fields.TryGetValue(id, out var raw))
            {
                if (scope == SubmissionScope.WholeForm)
                    errors.Add(new FieldError(id, $"{component.Name} is missing from the submission."));
                continue;
            }
            if (ParseWholeNumber(raw, component.Name) is { } problem) errors.Add(new FieldError(id, problem));
            else values[component.Id] = long.Parse(raw!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var figures = new FormFigures(form.Month, fields, values, current, scope);
        foreach (var measure in form.Measures) CheckMeasure(measure, figures, errors, warnings);

        var comments = new List<SubmittedComment>();
        foreach (var measure in form.Measures)
        {
            var id = SubmissionForm.CommentId(measure);
            // A part of a form says nothing about the comments it leaves out; a whole form clears an empty one.
            if (scope == SubmissionScope.Part && !fields.ContainsKey(id)) continue;
            var text = Clean(fields.GetValueOrDefault(id));
            if (text.Length > MaxCommentLength)
                errors.Add(new FieldError(id, $"The comment is {text.Length} characters; at most {MaxCommentLength} fit."));
            else comments.Add(new SubmittedComment(measure, text));
        }

        var submitted = form.Components.Where(c => values.ContainsKey(c.Id))
            .Select(c => new SubmittedFigure(c, values[c.Id]))
            .ToList();
        return new SubmissionCheck(errors, warnings, submitted, comments);
    }

    /// <summary>A whole number of 0 or more, exactly as typed (no signs, decimals, separators or words); null when it is one.</summary>
    public static string? ParseWholeNumber(string? raw, string name)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0) return $"Enter {name} as a whole number (0 if there were none).";
        if (text.StartsWith('-') && text.Length > 1 && text[1..].All(char.IsAsciiDigit)) return $"{name} can't be negative.";
        if (!text.All(char.IsAsciiDigit))
        {
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                ? $"{name} must be a whole number, without decimals or separators."
                : $"{name} must be a number, not \"{Shorten(text)}\".";
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : $"{name} is too large to be a count.";
    }

    private static void CheckMeasure(
        Measure measure, FormFigures figures, List<FieldError> errors, List<FieldError> warnings)
    {
        foreach (var component in measure.Components)
        {
            if (!figures.TryGetSubmitted(component, out var value)) continue;
            if (component.Max is { } max && value > max)
                errors.Add(new FieldError(SubmissionForm.FieldId(component), $"{component.Name} can't be more than {max}."));
        }
        if (measure.Value is RatioFormula ratio)
        {
            var numerator = measure.FindComponent(ratio.Numerator)!;
            if (ratio.Denominator is { } denominatorId)
                CheckWithinDenominator(numerator, measure.FindComponent(denominatorId)!, figures, errors);
            if (ratio.DenominatorConstant is { } total && numerator.Max is null
                && figures.TryGetSubmitted(numerator, out var count) && count > total)
            {
                errors.Add(new FieldError(SubmissionForm.FieldId(numerator),
                    $"{numerator.Name} can't be more than the {total} {ratio.Basis} there are."));
            }
        }
        foreach (var flow in measure.Components.Where(c => c.ChangeOf is not null))
        {
            var stock = measure.FindComponent(flow.ChangeOf!)!;
            if (!figures.TryGetPair(flow, stock, out var change, out var now)) continue;
            var previous = figures.Month.AddMonths(-1);
            if (figures.Current.Month(stock.Id, previous) is not { } before || now.Value - before == change.Value) continue;
            warnings.Add(new FieldError(figures.FieldOf(flow, stock),
                $"{flow.Name} is {change}, but {stock.Name} went from {before} in {previous.ToLongLabel()} to {now} "
                + $"(a change of {now.Value - before})."));
        }
    }

    /// <summary>
    /// A numerator no larger than its denominator. When a part of a form gives only one of them, the other is the
    /// figure already saved for the month, and the error sits on the one given.
    /// </summary>
    private static void CheckWithinDenominator(
        Component numerator, Component denominator, FormFigures figures, List<FieldError> errors)
    {
        if (!figures.TryGetPair(numerator, denominator, out var n, out var d) || n.Value <= d.Value) return;
        var saved = $"as saved for {figures.Month.ToLongLabel()}";
        var message = (n.Submitted, d.Submitted) switch
        {
            (true, true) => $"{numerator.Name} ({n}) can't be more than {denominator.Name} ({d}).",
            (true, false) => $"{numerator.Name} ({n}) can't be more than {denominator.Name} ({d}, {saved}).",
            _ => $"{denominator.Name} ({d}) can't be less than {numerator.Name} ({n}, {saved}).",
        };
        errors.Add(new FieldError(figures.FieldOf(numerator, denominator), message));
    }

    private static FieldError OnMonth(string message) => new(SubmissionForm.MonthField, message);

    /// <summary>The comment as it will be kept: trimmed, with control characters other than line breaks removed.</summary>
    private static string Clean(string? text) =>
        new string((text ?? "").Where(c => !char.IsControl(c) || c is '\n').ToArray()).Trim();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>A figure for a cross-check: submitted in this form, or (for a part of a form) already saved.</summary>
    private readonly record struct Known(long Value, bool Submitted)
    {
        public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The month's figures as a check sees them: those submitted, then (for part of a form) saved ones.</summary>
    private sealed class FormFigures(
        YearMonth month,
        IReadOnlyDictionary<string, string?> fields,
        Dictionary<string, long> values,
        FigureSet current,
        SubmissionScope scope)
    {
        public YearMonth Month => month;
        public FigureSet Current => current;

        public bool TryGetSubmitted(Component component, out long value) => values.TryGetValue(component.Id, out value);

        /// <summary>
        /// Both figures, when at least one was submitted and neither is unreadable: a figure given but not a number has
        /// its own error, and a saved figure must not stand in for it.
        /// </summary>
        public bool TryGetPair(Component a, Component b, out Known first, out Known second)
        {
            first = second = default;
            if (!Find(a, out first) || !Find(b, out second)) return false;
            return first.Submitted || second.Submitted;
        }

        /// <summary>Where an error about two figures sits: beside the first if it was submitted, else the second.</summary>
        public string FieldOf(Component first, Component second) =>
            SubmissionForm.FieldId(values.ContainsKey(first.Id) ? first : second);

        private bool Find(Component component, out Known figure)
        {
            figure = default;
            if (values.TryGetValue(component.Id, out var value)) figure = new Known(value, true);
            else if (fields.ContainsKey(SubmissionForm.FieldId(component))) return false;
            else if (scope == SubmissionScope.Part && current.Month(component.Id, month) is { } saved)
                figure = new Known(saved, false);
            else return false;
            return true;
        }
    }
}

/// <summary>What a submission carries: a card's form sends every field; an import sends only those it gives.</summary>
public enum SubmissionScope
{
    /// <summary>Every figure is required, and an empty comment clears the measure's comment.</summary>
    WholeForm,

    /// <summary>
    /// Any subset of the fields: a figure left out keeps its saved value (and the cross-checks use it), a comment left
    /// out is left as it is.
    /// </summary>
    Part,
}
