using BenchmarkDotNet.Attributes;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Pack;

namespace ScorecardBot.Benchmarks;

/// <summary>
/// The committee pack for 1,000 measures × 24 months. A pack covers one financial year, so 24 months are two packs,
/// one per year's definition (as CommitteeReport24Months). Output size is written to the console in GlobalSetup.
/// </summary>
[MemoryDiagnoser]
public class PackBenchmarks
{
    private static readonly DateTimeOffset Produced = new(2009, 4, 10, 9, 0, 0, TimeSpan.Zero);
    private CommitteeReport[] _reports = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scorecard = GeneratedScorecard.Create();
        _reports = scorecard.Years.Select(d => CommitteeReport.Build(d, scorecard.Figures, d.FinancialYear.Months)).ToArray();
        Console.WriteLine($"// Pack sizes: PDF {Pdf():N0} bytes, XLSX {Xlsx():N0} bytes for two 12-month packs of 1,000 measures");
    }

    [Benchmark]
    public long Pdf()
    {
        long bytes = 0;
        foreach (var report in _reports)
        {
            using var output = new MemoryStream();
            PdfPack.Render(report, output, Produced);
            bytes += output.Length;
        }
        return bytes;
    }

    [Benchmark]
    public long Xlsx()
    {
        long bytes = 0;
        foreach (var report in _reports)
        {
            using var output = new MemoryStream();
            XlsxPack.Render(report, output);
            bytes += output.Length;
        }
        return bytes;
    }
}
