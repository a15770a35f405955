using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;
using ScorecardBot.Submissions;

namespace ScorecardBot.Cards;

/// <summary>
/// A command's monthly figures as a Universal Actions form: one Input.Number per component labelled as the paper
/// prints it, prefilled; the month; a comment per measure; an Action.Execute submit carrying the form's version and
/// submission id. What is wrong or needs confirming is shown beside its field. The card answering a submit replaces
/// the form in place.
/// </summary>
public static class FormCard
{
    public const string SubmitVerb = "submitFigures";
    public const string OpenVerb = "openForm";

    public static AdaptiveCard Draw(FormView view)
    {
        var form = view.Form;
        var summary = (view.Notice is null ? "" : view.Notice + " ")
            + $"{form.Command.Code} figures for {form.Month.ToLongLabel()}: " + string.Join("; ", form.Components.Select(c =>
                $"{c.Name} {view.Values.GetValueOrDefault(SubmissionForm.FieldId(c)) ?? "not entered"}")) + ".";
        var card = CardParts.NewCard(summary);
        card.Body.Add(CardParts.Heading($"{form.Command.Code} figures · {form.Month.ToLongLabel()}"));
        card.Body.Add(CardParts.Subtle($"{form.Command.Name}. Enter each figure as a whole number; every save is kept with who made it and when."));
        if (view.Notice is not null) card.Body.Add(CardParts.Note(view.Notice));
        foreach (var general in view.ErrorsFor("")) card.Body.Add(Problem(general));
        if (view.Locked)
        {
            card.Body.Add(CardParts.Text($"🔒 {form.Month.ToLongLabel()} is locked, so its figures cannot be changed. An admin can unlock it."));
            AddMonthChoice(card, view);
            card.Actions.Add(Execute("Show this month's figures", OpenVerb, view, confirm: false));
            return card;
        }

        AddMonthChoice(card, view);
        foreach (var measure in form.Measures) card.Body.Add(MeasureBlock(measure, view));
        if (view.Warnings.Count > 0) card.Actions.Add(Execute("Save anyway", SubmitVerb, view, confirm: true));
        card.Actions.Add(Execute(view.Warnings.Count > 0 ? "Check again" : "Submit figures", SubmitVerb, view, confirm: false));
        return card;
    }

    /// <summary>An admin chooses whose figures to enter: a button per command, each opening that command's form.</summary>
    public static AdaptiveCard Draw(CommandChoiceView view)
    {
        var card = CardParts.NewCard("Which command's figures do you want to submit? " + string.Join(", ", view.Commands.Select(c => c.Code)) + ".");
        card.Body.Add(CardParts.Heading("Submit figures"));
        card.Body.Add(CardParts.Text("Which command's figures do you want to submit?"));
        foreach (var command in view.Commands)
        {
            var data = new Newtonsoft.Json.Linq.JObject { ["command"] = command.Code };
            if (view.Month is { } month) data["month"] = month.ToString();
            card.Actions.Add(new AdaptiveExecuteAction { Title = $"{command.Code} ({Questions.Vocabulary.PlainName(command)})", Verb = OpenVerb, Data = data });
        }
        return card;
    }

    private static AdaptiveContainer MeasureBlock(Measure measure, FormView view)
    {
        var block = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
        block.Items.Add(new AdaptiveTextBlock($"{measure.Number} {measure.ShortName}") { Weight = AdaptiveTextWeight.Bolder, Wrap = true });
        block.Items.Add(CardParts.Subtle($"Target {measure.TargetLabel}"));
        foreach (var component in measure.Components)
        {
            var id = SubmissionForm.FieldId(component);
            var input = new AdaptiveNumberInput
            {
                Id = id,
                Label = component.Name,
                Min = 0,
                Placeholder = "0",
                ErrorMessage = $"Enter {component.Name} as a whole number, 0 or more.",
            };
            if (MaxOf(measure, component) is { } max) input.Max = max;
            if (view.Values.GetValueOrDefault(id) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) input.Value = value;
            block.Items.Add(input);
            foreach (var error in view.ErrorsFor(id)) block.Items.Add(Problem(error));
            foreach (var warning in view.WarningsFor(id)) block.Items.Add(new AdaptiveTextBlock("⚠ " + warning) { Wrap = true, Color = AdaptiveTextColor.Warning, Spacing = AdaptiveSpacing.None });
        }
        var commentId = SubmissionForm.CommentId(measure);
        block.Items.Add(new AdaptiveTextInput
        {
            Id = commentId,
            Label = $"Comment on measure {measure.Number} (optional)",
            IsMultiline = true,
            MaxLength = SubmissionValidator.MaxCommentLength,
            Value = view.Values.GetValueOrDefault(commentId),
            Placeholder = "Anything the committee should know about these figures",
        });
        foreach (var error in view.ErrorsFor(commentId)) block.Items.Add(Problem(error));
        return block;
    }

    private static void AddMonthChoice(AdaptiveCard card, FormView view)
    {
        var months = view.OpenMonths.Contains(view.Form.Month) ? view.OpenMonths : view.OpenMonths.Append(view.Form.Month).Order().ToList();
        var choice = new AdaptiveChoiceSetInput
        {
            Id = SubmissionForm.MonthField,
            Label = "Month",
            Value = view.Form.Month.ToString(),
            IsRequired = true,
            ErrorMessage = "Choose the month these figures are for.",
        };
        foreach (var month in months) choice.Choices.Add(new AdaptiveChoice { Title = Label(month, view), Value = month.ToString() });
        card.Body.Add(choice);
        foreach (var error in view.ErrorsFor(SubmissionForm.MonthField)) card.Body.Add(Problem(error));
    }

    private static string Label(YearMonth month, FormView view) =>
        month.ToLongLabel() + (view.Locked && month == view.Form.Month ? " 🔒" : "");

    /// <summary>A fixed ceiling for the input: the component's own maximum, or the whole a stock is counted against.</summary>
    private static long? MaxOf(Measure measure, Component component) =>
        component.Max ?? (measure.Value is RatioFormula { DenominatorConstant: { } total } ratio && ratio.Numerator == component.Id ? total : null);

    private static AdaptiveExecuteAction Execute(string title, string verb, FormView view, bool confirm) => new()
    {
        Title = title,
        Verb = verb,
        Data = FormPost.Data(view.Form, view.Version, view.SubmissionId, confirm),
        AssociatedInputs = AdaptiveAssociatedInputs.Auto,
    };

    private static AdaptiveTextBlock Problem(string message) =>
        new(message) { Wrap = true, Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.None };
}
