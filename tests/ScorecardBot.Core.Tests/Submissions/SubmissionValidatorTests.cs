using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Submissions;

/// <summary>The server's check of a submitted form, on the shipped scorecard: nothing the card sends is trusted.</summary>
public sealed class SubmissionValidatorTests
{
    private static readonly ScorecardDefinition Definition = DefinitionLoader.LoadFile(ShippedFiles.Definition).GetOrThrow();
    private static readonly YearMonth September = new(2007, 9);
    private static readonly YearMonth Today = new(2007, 10);
    private static readonly FigureSet August = new([new Figure("ctio-total-bocus", MonthRange.Single(new YearMonth(2007, 8)), 29)]);

    private static SubmissionForm Form(string command = "CTC", YearMonth? month = null) =>
        SubmissionForm.For(Definition, Definition.FindCommand(command)!, month ?? September);

    private static Dictionary<string, string?> Valid() => new()
    {
        ["month"] = "2007-09",
        ["figure.ctio-rolled-out"] = "1", ["figure.ctio-total-bocus"] = "30",
        ["figure.snt-recruited"] = "12", ["figure.snt-briefed"] = "11",
        ["figure.ied-in-time"] = "40", ["figure.ied-calls"] = "40",
        ["figure.scenes-appropriate"] = "9", ["figure.scenes-managed"] = "9",
        ["figure.hotline-answered"] = "300", ["figure.hotline-calls"] = "400",
        ["comment.5"] = "  Two handlers off sick.\u0007 ",
    };

    private static SubmissionCheck Check(Dictionary<string, string?> fields, SubmissionForm? form = null, bool locked = false, YearMonth? today = null) =>
        SubmissionValidator.Check(form ?? Form(), fields, August, Definition.FinancialYear, today ?? Today, locked);

    [Fact]
    public void A_complete_form_is_valid_with_every_figure_and_a_cleaned_comment()
    {
        var check = Check(Valid());

        Assert.True(check.IsValid, string.Join("; ", check.Errors));
        Assert.Empty(check.Warnings);
        Assert.Equal(10, check.Figures.Count);
        Assert.Equal("Two handlers off sick.", check.Comments.Single(c => c.Measure.Number == 5).Text);
        Assert.Equal("", check.Comments.Single(c => c.Measure.Number == 1).Text);
    }

    [Theory]
    [InlineData("401", "Answered within set time (401) can't be more than Calls received (400).")]
    [InlineData("-1", "Answered within set time can't be negative.")]
    [InlineData("3.0", "Answered within set time must be a whole number, without decimals or separators.")]
    [InlineData("1,000", "Answered within set time must be a whole number, without decimals or separators.")]
    [InlineData("three", "Answered within set time must be a number, not \"three\".")]
    [InlineData("+5", "Answered within set time must be a whole number, without decimals or separators.")]
    [InlineData("9223372036854775808", "Answered within set time is too large to be a count.")]
    [InlineData(" ", "Enter Answered within set time as a whole number (0 if there were none).")]
    public void A_bad_figure_is_an_error_on_its_own_field(string value, string message)
    {
        var fields = Valid();
        fields["figure.hotline-answered"] = value;

        var error = Assert.Single(Check(fields).Errors);

        Assert.Equal(("figure.hotline-answered", message), (error.Field, error.Message));
    }

    [Fact]
    public void A_stock_cannot_exceed_its_fixed_total()
    {
        var fields = Valid();
        fields["figure.ctio-total-bocus"] = "34";

        Assert.Contains(Check(fields).Errors, e => e.Field == "figure.ctio-total-bocus" && e.Message.Contains("33"));
    }

    [Fact]
    public void A_rolled_out_count_that_disagrees_with_the_change_in_the_total_is_a_warning_not_an_error()
    {
        var fields = Valid();
        fields["figure.ctio-rolled-out"] = "3";

        var check = Check(fields);

        Assert.True(check.IsValid);
        var warning = Assert.Single(check.Warnings);
        Assert.Equal("figure.ctio-rolled-out", warning.Field);
        Assert.Contains("went from 29 in August 2007 to 30 (a change of 1)", warning.Message);
    }

    [Fact]
    public void A_field_the_form_does_not_have_refuses_the_submission()
    {
        var fields = Valid();
        fields["figure.intrusions-red-purple"] = "0";

        Assert.Contains(Check(fields).Errors, e => e.Field == "" && e.Message.Contains("figure.intrusions-red-purple"));
    }

    [Fact]
    public void A_missing_figure_is_an_error()
    {
        var fields = Valid();
        fields.Remove("figure.hotline-calls");

        Assert.Contains(Check(fields).Errors, e => e.Field == "figure.hotline-calls" && e.Message.Contains("missing"));
    }

    [Fact]
    public void A_future_month_a_locked_month_and_a_month_outside_the_year_are_refused()
    {
        Assert.Contains(Check(Valid(), today: new YearMonth(2007, 8)).Errors, e => e.Field == "month" && e.Message.Contains("still to come"));
        Assert.Contains(Check(Valid(), locked: true).Errors, e => e.Field == "month" && e.Message.Contains("locked"));
        Assert.Contains(Check(Valid(), Form(month: new YearMonth(2008, 4))).Errors, e => e.Field == "month" && e.Message.Contains("outside"));
    }

    [Fact]
    public void A_comment_longer_than_fits_is_refused()
    {
        var fields = Valid();
        fields["comment.5"] = new string('x', SubmissionValidator.MaxCommentLength + 1);

        Assert.Contains(Check(fields).Errors, e => e.Field == "comment.5");
    }

    [Fact]
    public void Only_a_lead_of_the_command_or_an_admin_may_submit_for_it()
    {
        var ctc = Definition.FindCommand("CTC")!;
        Assert.True(new Submitter("a", "A", false, new HashSet<string> { "CTC" }).CanSubmitFor(ctc));
        Assert.False(new Submitter("b", "B", false, new HashSet<string> { "SO14" }).CanSubmitFor(ctc));
        Assert.True(new Submitter("c", "C", true, new HashSet<string>()).CanSubmitFor(ctc));
        Assert.False(new Submitter("d", "D", false, new HashSet<string>()).CanSubmit);
    }

    // Saved for September: the hotline's 300 of 400, and a total of 30 BOCUs after August's 29 with 1 rolled out.
    private static readonly FigureSet SavedSeptember = new(
    [
        new Figure("ctio-total-bocus", MonthRange.Single(new YearMonth(2007, 8)), 29),
        new Figure("ctio-total-bocus", MonthRange.Single(September), 30),
        new Figure("ctio-rolled-out", MonthRange.Single(September), 1),
        new Figure("hotline-answered", MonthRange.Single(September), 300),
        new Figure("hotline-calls", MonthRange.Single(September), 400),
    ]);

    private static SubmissionCheck CheckPart(Dictionary<string, string?> fields) =>
        SubmissionValidator.Check(Form(), fields, SavedSeptember, Definition.FinancialYear, Today, locked: false,
            SubmissionScope.Part);

    [Fact]
    public void A_part_of_a_form_submits_only_the_figures_and_comments_it_gives()
    {
        var check = CheckPart(new()
        {
            ["figure.ied-calls"] = "41", ["figure.ied-in-time"] = "40", ["comment.3"] = " Quiet month. ",
        });

        Assert.True(check.IsValid, string.Join("; ", check.Errors));
        Assert.Equal(["ied-in-time", "ied-calls"], check.Figures.Select(f => f.Component.Id));
        Assert.Equal(("Quiet month.", 3), (check.Comments.Single().Text, check.Comments.Single().Measure.Number));
    }

    [Fact]
    public void A_whole_form_still_clears_the_comments_it_leaves_empty()
    {
        var check = Check(Valid());

        // CTC's five measures: the hotline's comment, and four that the form sent empty.
        Assert.Equal((5, 4), (check.Comments.Count, check.Comments.Count(c => c.Text.Length == 0)));
    }

    [Fact]
    public void A_numerator_given_alone_is_checked_against_the_saved_denominator()
    {
        var error = Assert.Single(CheckPart(new() { ["figure.hotline-answered"] = "401" }).Errors);

        Assert.Equal("figure.hotline-answered", error.Field);
        Assert.Equal("Answered within set time (401) can't be more than Calls received (400, as saved for September 2007).",
            error.Message);
    }

    [Fact]
    public void A_denominator_given_alone_is_checked_against_the_saved_numerator_and_the_error_sits_on_it()
    {
        var error = Assert.Single(CheckPart(new() { ["figure.hotline-calls"] = "250" }).Errors);

        Assert.Equal("figure.hotline-calls", error.Field);
        Assert.Equal("Calls received (250) can't be less than Answered within set time (300, as saved for September 2007).",
            error.Message);
    }

    [Fact]
    public void A_figure_given_but_unreadable_is_not_replaced_by_the_saved_one_in_the_cross_checks()
    {
        var errors = CheckPart(new() { ["figure.hotline-calls"] = "lots", ["figure.hotline-answered"] = "350" }).Errors;

        Assert.Equal(["Calls received must be a number, not \"lots\"."], errors.Select(e => e.Message));
    }

    [Fact]
    public void A_stock_given_alone_is_warned_about_when_the_saved_flow_disagrees_with_its_change()
    {
        var check = CheckPart(new() { ["figure.ctio-total-bocus"] = "31" });

        Assert.True(check.IsValid);
        var warning = Assert.Single(check.Warnings);
        Assert.Equal("figure.ctio-total-bocus", warning.Field);
        Assert.Contains("is 1, but Total BOCUs with CTIOs went from 29 in August 2007 to 31 (a change of 2)",
            warning.Message);
    }
}
