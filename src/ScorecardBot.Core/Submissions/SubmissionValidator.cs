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
        bool locked)
    {
        var errors = new List<FieldError>();
        var warnings = new List<FieldError>();
        foreach (var unknown in fields.Keys.Where(k => !form.FieldIds.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new FieldError("", $"The submission carried a field the form does not have ({Shorten(unknown)}), so nothing was saved."));
        }
        if (!year.Contains(form.Month)) errors.Add(new FieldError(SubmissionForm.MonthField, $"{form.Month.ToLongLabel()} is outside the scorecard's year ({year.Label})."));
        else if (form.Month > today) errors.Add(new FieldError(SubmissionForm.MonthField, $"{form.Month.ToLongLabel()} is still to come: figures can be submitted once the month has begun."));
        if (locked) errors.Add(new FieldError(SubmissionForm.MonthField, $"{form.Month.ToLongLabel()} is locked; an admin can unlock it."));

        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var component in form.Components)
        {
            var id = SubmissionForm.FieldId(component);
            if (!fields.TryGetValue(id, out var raw))
            {
                errors.Add(new FieldError(id, $"{component.Name} is missing from the submission."));
                continue;
            }
            if (ParseWholeNumber(raw, component.Name) is { } problem) errors.Add(new FieldError(id, problem));
            else values[component.Id] = long.Parse(raw!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        foreach (var measure in form.Measures) CheckMeasure(measure, values, errors, warnings, current, form.Month);

        var comments = new List<SubmittedComment>();
        foreach (var measure in form.Measures)
        {
            var id = SubmissionForm.CommentId(measure);
            var text = Clean(fields.GetValueOrDefault(id));
            if (text.Length > MaxCommentLength) errors.Add(new FieldError(id, $"The comment is {text.Length} characters; at most {MaxCommentLength} fit."));
            else comments.Add(new SubmittedComment(measure, text));
        }

        var figures = form.Components.Where(c => values.ContainsKey(c.Id)).Select(c => new SubmittedFigure(c, values[c.Id])).ToList();
        return new SubmissionCheck(errors, warnings, figures, comments);
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

    private static void CheckMeasure(Measure measure, Dictionary<string, long> values, List<FieldError> errors, List<FieldError> warnings, FigureSet current, YearMonth month)
    {
        foreach (var component in measure.Components)
        {
            if (!values.TryGetValue(component.Id, out var value)) continue;
            if (component.Max is { } max && value > max)
                errors.Add(new FieldError(SubmissionForm.FieldId(component), $"{component.Name} can't be more than {max}."));
        }
        if (measure.Value is RatioFormula ratio && values.TryGetValue(ratio.Numerator, out var numerator))
        {
            var numeratorName = measure.FindComponent(ratio.Numerator)!.Name;
            if (ratio.Denominator is { } denominatorId && values.TryGetValue(denominatorId, out var denominator) && numerator > denominator)
            {
                errors.Add(new FieldError(SubmissionForm.FieldId(measure.FindComponent(ratio.Numerator)!),
                    $"{numeratorName} ({numerator}) can't be more than {measure.FindComponent(denominatorId)!.Name} ({denominator})."));
            }
            if (ratio.DenominatorConstant is { } total && numerator > total && measure.FindComponent(ratio.Numerator)!.Max is null)
            {
                errors.Add(new FieldError(SubmissionForm.FieldId(measure.FindComponent(ratio.Numerator)!),
                    $"{numeratorName} can't be more than the {total} {ratio.Basis} there are."));
            }
        }
        foreach (var flow in measure.Components.Where(c => c.ChangeOf is not null))
        {
            var stock = measure.FindComponent(flow.ChangeOf!)!;
            if (!values.TryGetValue(flow.Id, out var change) || !values.TryGetValue(stock.Id, out var now)) continue;
            if (current.Month(stock.Id, month.AddMonths(-1)) is not { } before || now - before == change) continue;
            warnings.Add(new FieldError(SubmissionForm.FieldId(flow),
                $"{flow.Name} is {change}, but {stock.Name} went from {before} in {month.AddMonths(-1).ToLongLabel()} to {now} (a change of {now - before})."));
        }
    }

    /// <summary>The comment as it will be kept: trimmed, with control characters other than line breaks removed.</summary>
    private static string Clean(string? text) =>
        new string((text ?? "").Where(c => !char.IsControl(c) || c is '\n').ToArray()).Trim();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
