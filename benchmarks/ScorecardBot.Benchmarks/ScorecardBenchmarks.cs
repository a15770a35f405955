using BenchmarkDotNet.Attributes;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Benchmarks;

/// <summary>The pure core over 1,000 measures × 24 months (two financial years): every value, FYTD and status.</summary>
[MemoryDiagnoser]
public class ScorecardBenchmarks
{
    private GeneratedScorecard _scorecard = null!;

    [GlobalSetup]
    public void Setup() => _scorecard = GeneratedScorecard.Create();

    [Benchmark]
    public int FullScorecard()
    {
        var offTarget = 0;
        var figures = _scorecard.Figures;
        foreach (var measure in _scorecard.Years[0].Measures)
        {
            foreach (var (month, year) in _scorecard.Months)
            {
                var monthly = ScorecardCalculator.Evaluate(measure, figures, Core.Periods.MonthRange.Single(month));
                var yearToDate = ScorecardCalculator.EvaluateYearToDate(measure, figures, year, month);
                if (monthly.Status.IsOffTarget()) offTarget++;
                if (yearToDate.Status.IsOffTarget()) offTarget++;
            }
        }
        return offTarget;
    }

    /// <summary>A committee report is for one financial year, so 24 months are two reports, one per year's definition.</summary>
    [Benchmark]
    public int CommitteeReport24Months()
    {
        var rows = 0;
        foreach (var definition in _scorecard.Years)
        {
            var report = CommitteeReport.Build(definition, _scorecard.Figures, definition.FinancialYear.Months);
            rows += report.Rows.Count;
        }
        return rows;
    }
}
