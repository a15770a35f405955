using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;

namespace ScorecardBot.Answers;

/// <summary>
/// Questions to suggest, made from the scorecard's own measures, components, glossary and latest figures, so another
/// scorecard gets its own suggestions with no code change. Each carries the request a tap sends.
/// </summary>
public static class Examples
{
    public static IReadOnlyList<Example> For(ScorecardDefinition definition, FigureSet figures)
    {
        var measures = definition.Measures;
        if (measures.Count == 0) return [];
        var latest = figures.LatestMonth is { } l && definition.FinancialYear.Contains(l) ? l : (YearMonth?)null;
        var month = latest is { } m ? PeriodOf(m) : PeriodSpec.Unspecified;
        var monthWords = latest is { } lm ? " in " + lm.ToLongLabel().Split(' ')[0] : "";
        var examples = new List<Example>();

        var first = measures[0];
        examples.Add(new($"{Name(first)}{monthWords}", new Request(Intent.MeasureValue, "") { Measures = [first], Period = month }));
        var second = measures.Count > 1 ? measures[1] : first;
        examples.Add(new($"{Name(second)} year to date", new Request(Intent.MeasureValue, "") { Measures = [second], Period = YearToDate }));
        if (measures.SelectMany(x => x.Components).FirstOrDefault(c => !c.ReportedOnly && c.Measure.Value is RatioFormula { Denominator: { } d } && d == c.Id)
            is { } counted)
        {
            examples.Add(new($"How many {counted.Name}{monthWords}?",
                new Request(Intent.ComponentValue, "") { Measures = [counted.Measure], Component = counted, Period = month }));
        }
        examples.Add(new("Which measures are off target?",
            new Request(Intent.ByStatus, "") { Statuses = new HashSet<Status> { Status.WithinTolerance, Status.OutsideTolerance } }));
        if (latest is { } end)
        {
            var start = end.AddMonths(-2) < definition.FinancialYear.Start ? definition.FinancialYear.Start : end.AddMonths(-2);
            var range = new MonthRange(start, end);
            examples.Add(new($"Scorecard {Month(start)} to {Month(end)}", new Request(Intent.Scorecard, "") { Period = PeriodOf(range) }));
        }
        else
        {
            examples.Add(new("Scorecard", new Request(Intent.Scorecard, "")));
        }
        var trended = measures.LastOrDefault(x => x.Value is RatioFormula) ?? measures[^1];
        examples.Add(new($"{Name(trended)} trend", new Request(Intent.Trend, "") { Measures = [trended] }));
        if (definition.Glossary.FirstOrDefault(g => g.Term.All(char.IsUpper)) is { } term)
        {
            examples.Add(new($"What does {term.Term} stand for?", new Request(Intent.Glossary, "") { Term = term }));
        }
        return examples;
    }

    public static PeriodSpec YearToDate { get; } = new(PeriodKind.YearToDate, "year to date");

    public static PeriodSpec PeriodOf(YearMonth month) => new(PeriodKind.Month, month.ToLongLabel()) { Month = month.Month, Year = month.Year };

    public static PeriodSpec PeriodOf(MonthRange range) => range.IsSingleMonth
        ? PeriodOf(range.From)
        : new PeriodSpec(PeriodKind.Range, range.ToLongLabel()) { Month = range.From.Month, Year = range.From.Year, EndMonth = range.To.Month, EndYear = range.To.Year };

    /// <summary>The name people use for a measure: its first alias ("CTIO coverage", "hotline"), capitalised.</summary>
    public static string Name(Measure measure)
    {
        var name = measure.Aliases.Count > 0 ? measure.Aliases[0] : measure.ShortName;
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string Month(YearMonth month) => month.ToLongLabel().Split(' ')[0];
}
