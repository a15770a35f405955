using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Calculation;

/// <summary>A measure month by month through its financial year.</summary>
public static class Trend
{
    /// <summary>Each month of the year from its start up to <paramref name="upTo"/> (never past the year's end).</summary>
    public static IReadOnlyList<MeasureResult> Of(Measure measure, FigureSet figures, FinancialYear year, YearMonth upTo)
    {
        var end = upTo > year.End ? year.End : upTo;
        if (end < year.Start) return [];
        return new MonthRange(year.Start, end).Months().Select(month => ScorecardCalculator.Evaluate(measure, figures, MonthRange.Single(month))).ToList();
    }

    /// <summary>The year's months up to the latest month with figures for the measure.</summary>
    public static IReadOnlyList<MeasureResult> Of(Measure measure, FigureSet figures, FinancialYear year) =>
        figures.LatestMonthFor(measure.Components.Select(c => c.Id)) is { } latest ? Of(measure, figures, year, latest) : [];
}
