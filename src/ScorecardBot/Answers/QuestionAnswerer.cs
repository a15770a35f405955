using AdaptiveCards;
using ScorecardBot.Cards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;

namespace ScorecardBot.Answers;

/// <summary>Answers a recognised question from the current figures: picks the period, computes, and asks the right card to draw itself.</summary>
public sealed class QuestionAnswerer(TimeProvider clock, TimeZoneInfo zone)
{
    /// <summary>The answer card, rendered: a scorecard card has to be written to know whether it fits, so every answer comes written once.</summary>
    public RenderedCard Answer(Question question, ScorecardSnapshot snapshot) =>
        question.Intent == Intent.Scorecard ? Scorecard(question, snapshot) : RenderedCard.Of(Card(question, snapshot));

    private AdaptiveCard Card(Question question, ScorecardSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        switch (question.Intent)
        {
            case Intent.Help:
                return HelpCard.Help(definition);
            case Intent.Greeting:
                return HelpCard.Greeting(definition, thanks: question.Text.Split(' ').Any(w => w is "thanks" or "thank" or "thx" or "cheers" or "ta" or "ty"));
            case Intent.Glossary:
                return GlossaryCard.Draw(question.Term, definition.Glossary);
            case Intent.Clarify:
                return HelpCard.Clarify(question.Text, question.Choices.Select(c => (c.Title, c.Question)).ToList(), question.Note);
            case Intent.Unknown:
                return HelpCard.NotUnderstood(question.Text, definition);
            case Intent.Exceptions:
                return Exceptions(question, snapshot);
            case Intent.Comments when question.Measure is null:
                return AllComments(question, snapshot);
            case Intent.Freshness:
                return Freshness(question, snapshot);
            case Intent.Key:
                return KeyCard.Draw(definition);
            default:
                return question.Measure is { } measure ? Measure(question, measure, snapshot) : HelpCard.NotUnderstood(question.Text, definition);
        }
    }

    private YearMonth Today => YearMonth.FromDate(clock.GetUtcNow(), zone);

    private AdaptiveCard Measure(Question question, Measure measure, ScorecardSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        var figures = snapshot.Figures;
        var resolved = PeriodResolver.Resolve(question.Period, definition, figures, [measure], Today, question.Intent == Intent.ComponentValue ? question.Component : null);
        if (resolved is null) return NoFigures(definition, measure.ShortName);

        var year = definition.FinancialYear;
        var result = ScorecardCalculator.Evaluate(measure, figures, resolved.Range);
        var ytdEnd = resolved.Range.To > year.End ? year.End : resolved.Range.To;
        var ytd = ScorecardCalculator.Evaluate(measure, figures, year.ToDate(ytdEnd));
        var trend = MeasureCard.TrendOf(measure, figures, year, figures.LatestMonthFor(measure.Components.Select(c => c.Id)) ?? ytdEnd);
        // "Why did the hotline lose data?" names no month: the comments are the whole year's, not the latest month's.
        var yearsComments = question.Intent == Intent.Comments && !question.Period.IsStated;
        var comments = figures.CommentsFor(measure.Number, yearsComments ? year.Months : resolved.Range).Select(c => c.Text).Distinct().ToList();
        var last = figures.LastSubmission(measure.Components.Select(c => c.Id), resolved.Range);
        var view = new MeasureView(result, ytd, resolved.Label(year), trend, comments, last, Notes(question.Note, resolved.NoDataNote));
        if (yearsComments)
        {
            view = view with
            {
                Note = Notes(view.Note, comments.Count == 0 ? $"There are no comments on {measure.ShortName} in {year.Label}." : $"No month was named, so these are the comments from the whole of {year.Label}."),
            };
        }

        return question.Intent switch
        {
            _ when question.Complement => ComplementCard.Draw(view, zone),
            Intent.ComponentValue when question.Component is { } component => ComponentCard.Draw(component, view, zone),
            Intent.Trend => MeasureCard.Draw(view, zone, MeasureFocus.Trend),
            Intent.Target => MeasureCard.Draw(view, zone, MeasureFocus.Target),
            Intent.Comments => MeasureCard.Draw(view with { Note = view.Note ?? (comments.Count == 0 ? $"There are no comments on {measure.ShortName} for {view.PeriodLabel}." : null) }, zone, MeasureFocus.Comments),
            _ => MeasureCard.Draw(view, zone),
        };
    }

    private RenderedCard Scorecard(Question question, ScorecardSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        var measures = Scope(question, definition);
        var resolved = PeriodResolver.Resolve(question.Period, definition, snapshot.Figures, measures, Today);
        if (resolved is null) return RenderedCard.Of(NoFigures(definition, "the scorecard"));

        var year = definition.FinancialYear;
        // The committee layout always has months and FYTD; a year-to-date question shows the year's months.
        var range = resolved.IsYearToDate ? LastMonths(resolved.Range, 6) : resolved.Range.Length > 6 ? LastMonths(resolved.Range, 6) : resolved.Range;
        var report = CommitteeReport.Build(definition, snapshot.Figures, range, measures);
        var numbers = question.Measures.Select(m => m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var scope = question.Measures.Count > 1 ? $" · measures {string.Join(", ", numbers[..^1])} and {numbers[^1]}"
            : question.Command is { } c ? $" · {c.Code}" : "";
        var title = $"Scorecard{scope} · {range.ToLongLabel()}";
        var note = Notes(question.Note, resolved.NoDataNote ?? (range != resolved.Range && !resolved.IsYearToDate ? $"Showing the last {range.Length} months of {resolved.Range.ToLongLabel()}." : null));
        var last = snapshot.Figures.LastSubmission(measures.SelectMany(m => m.Components).Select(x => x.Id), year.Months);
        return ScorecardCard.Draw(report, title, note, CardParts.FreshnessText(last, zone));
    }

    private AdaptiveCard Exceptions(Question question, ScorecardSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        var measures = question.Measures.Count > 0 ? question.Measures : Scope(question, definition);
        var resolved = PeriodResolver.Resolve(question.Period, definition, snapshot.Figures, measures, Today);
        if (resolved is null) return NoFigures(definition, "the scorecard");

        var statuses = question.Statuses ?? new HashSet<Status> { Status.WithinTolerance, Status.OutsideTolerance };
        var matching = measures
            .Select(m => ScorecardCalculator.Evaluate(m, snapshot.Figures, resolved.Range))
            .Where(r => statuses.Contains(r.Status))
            .OrderByDescending(r => r.Status)
            .ThenBy(r => r.Measure.Number)
            .ToList();
        var scopeLabel = question.Command is { } c ? $"for {c.Code} " : "";
        var last = snapshot.Figures.LastSubmission(measures.SelectMany(m => m.Components).Select(x => x.Id), resolved.Range);
        return ExceptionsCard.Draw(matching, statuses, resolved.Label(definition.FinancialYear), scopeLabel, Notes(question.Note, resolved.NoDataNote), CardParts.FreshnessText(last, zone));
    }

    private AdaptiveCard AllComments(Question question, ScorecardSnapshot snapshot)
    {
        var definition = snapshot.Definition;
        var measures = Scope(question, definition);
        var resolved = PeriodResolver.Resolve(question.Period, definition, snapshot.Figures, measures, Today);
        if (resolved is null) return NoFigures(definition, "the scorecard");
        // "Any comments?" names no month: the whole year's comments, not the latest month's.
        var year = definition.FinancialYear;
        var (range, label) = question.Period.IsStated ? (resolved.Range, resolved.Label(year)) : (year.Months, year.Label);
        var byMeasure = measures
            .Select(m => (m, (IReadOnlyList<string>)snapshot.Figures.CommentsFor(m.Number, range).Select(c => c.Text).Distinct().ToList()))
            .ToList();
        return CommentsCard.Draw(byMeasure, label, Notes(question.Note, question.Period.IsStated ? resolved.NoDataNote : null));
    }

    private AdaptiveCard Freshness(Question question, ScorecardSnapshot snapshot)
    {
        var measures = question.Measure is { } one ? [one] : Scope(question, snapshot.Definition);
        var ids = measures.SelectMany(m => m.Components).Select(c => c.Id).ToList();
        var scope = question.Measure?.ShortName ?? (question.Command is { } c ? c.Code : "the scorecard");
        // The scorecard's year, as the scorecard card's own freshness line reads it.
        return FreshnessCard.Draw(scope, snapshot.Figures.LastSubmission(ids, snapshot.Definition.FinancialYear.Months), snapshot.Figures.LatestMonthFor(ids), zone);
    }

    /// <summary>What the question got wrong, then what the data lacks: both are said, in that order.</summary>
    private static string? Notes(string? first, string? second) => first is null ? second : second is null ? first : $"{first} {second}";

    /// <summary>The measures asked about together ("hotline and IED"), a command's, or all of them.</summary>
    private static IReadOnlyList<Measure> Scope(Question question, ScorecardDefinition definition) =>
        question.Measures.Count > 1 ? question.Measures
        : question.Command is { } command ? definition.Measures.Where(m => m.Command == command).ToList()
        : definition.Measures;

    private static MonthRange LastMonths(MonthRange range, int count) =>
        range.Length <= count ? range : new MonthRange(range.To.AddMonths(-(count - 1)), range.To);

    private static AdaptiveCard NoFigures(ScorecardDefinition definition, string what)
    {
        var card = CardParts.NewCard($"There are no figures yet for {what}.");
        card.Body.Add(CardParts.Heading("No figures yet"));
        card.Body.Add(CardParts.Text($"No figures have been submitted for {what} in the {definition.Title} scorecard yet."));
        return card;
    }
}
