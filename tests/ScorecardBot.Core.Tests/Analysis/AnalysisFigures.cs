using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Analysis;

/// <summary>The shipped scorecard and seed, and hand-made monthly figures for inline measures.</summary>
internal static class AnalysisFigures
{
    public static readonly FinancialYear Year = new("2007/8", new YearMonth(2007, 4));

    public static ScorecardDefinition Scorecard { get; } = DefinitionLoader.LoadFile(ShippedFiles.Definition).GetOrThrow();

    private static SeedData Seed { get; } = SeedData.Parse(File.ReadAllText(ShippedFiles.Seed), Scorecard);

    /// <summary>The seed's figures, with any figure given here replacing the seed's for the same component and month.</summary>
    public static FigureSet SeedWith(params Figure[] figures) => SeedWith(figures, []);

    public static FigureSet SeedWith(IEnumerable<Figure> figures, IEnumerable<MeasureComment> comments)
    {
        var given = figures.ToList();
        var kept = Seed.Figures.Where(f => !given.Any(g => g.ComponentId == f.ComponentId && g.Period == f.Period));
        return new FigureSet([.. kept, .. given], [.. Seed.Comments, .. comments]);
    }

    public static Figure Month(string component, int year, int month, long value) =>
        new(component, MonthRange.Single(new YearMonth(year, month)), value);

    /// <summary>Ratio figures ("num" of "den") for consecutive months from April 2007.</summary>
    public static FigureSet Ratio(params (long Num, long Den)[] months) => new(months.SelectMany((m, i) => new[]
    {
        new Figure("num", MonthRange.Single(Year.Start.AddMonths(i)), m.Num),
        new Figure("den", MonthRange.Single(Year.Start.AddMonths(i)), m.Den),
    }));

    /// <summary>One component's monthly figures from April 2007.</summary>
    public static FigureSet Series(string component, params long[] months) =>
        new(months.Select((v, i) => new Figure(component, MonthRange.Single(Year.Start.AddMonths(i)), v)));

    public static YearMonth M(int year, int month) => new(year, month);
}
