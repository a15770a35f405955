using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Calculation;

/// <summary>
/// Why a year to date sits below (or above) every month shown: the part of the year not shown month by month — a
/// balance such as the seed's April–May, or earlier months — has a value of its own that pulls the total.
/// </summary>
public sealed record YearToDateGap(MeasureResult YearToDate, IReadOnlyList<MeasureResult> MonthsShown, MeasureResult Rest, bool Lower)
{
    /// <summary>
    /// The explanation, when the year to date lies outside the range of the months shown; null when it does not, or
    /// when the measure is a stock (its year to date is its latest month) or there is no earlier part.
    /// </summary>
    public static YearToDateGap? Find(Measure measure, FigureSet figures, FinancialYear year, MonthRange shown)
    {
        if (measure.Components.Any(c => c.Aggregation == Aggregation.Latest && measure.Value.ComponentIds.Contains(c.Id))) return null;
        if (!year.Months.Contains(shown) || shown.From <= year.Start) return null;
        var ytd = ScorecardCalculator.Evaluate(measure, figures, year.ToDate(shown.To));
        var months = shown.Months().Select(m => ScorecardCalculator.Evaluate(measure, figures, MonthRange.Single(m))).ToList();
        var rest = ScorecardCalculator.Evaluate(measure, figures, new MonthRange(year.Start, shown.From.AddMonths(-1)));
        if (ytd.Exact is not { } total || rest.Exact is null || months.Any(m => m.Exact is null)) return null;
        var lower = months.All(m => total < m.Exact!.Value);
        var higher = months.All(m => total > m.Exact!.Value);
        return lower || higher ? new YearToDateGap(ytd, months, rest, lower) : null;
    }
}
