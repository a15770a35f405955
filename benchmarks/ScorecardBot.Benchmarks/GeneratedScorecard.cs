using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using ScorecardBot.Cli.Csv;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Benchmarks;

/// <summary>
/// A large, deterministic scorecard: a third each of ratios of two flows, ratios of a stock to a fixed number, and
/// lower-is-better counts against a zero target. Flows carry an April–May balance, as the seed does; stocks have
/// every month. Two financial years share the measures, each year's definition loaded from its own JSON.
/// </summary>
public sealed class GeneratedScorecard
{
    public const int MeasureCount = 1_000;
    public const int MonthCount = 24;
    private static readonly YearMonth FirstMonth = new(2007, 4);

    private GeneratedScorecard(IReadOnlyList<string> json, IReadOnlyList<ScorecardDefinition> years, FigureSet figures)
    {
        Json = json;
        Years = years;
        Figures = figures;
        Months = Enumerable.Range(0, MonthCount)
            .Select(i => (FirstMonth.AddMonths(i), years[i / 12].FinancialYear))
            .ToArray();
    }

    /// <summary>Each year's definition as the JSON it was loaded from, for a CLI that reads it from a file.</summary>
    public IReadOnlyList<string> Json { get; }

    public IReadOnlyList<ScorecardDefinition> Years { get; }
    public FigureSet Figures { get; }

    /// <summary>Each month with the financial year it falls in.</summary>
    public (YearMonth Month, FinancialYear Year)[] Months { get; }

    public static GeneratedScorecard Create(int measureCount = MeasureCount)
    {
        var json = new[] { ("2007/8", FirstMonth), ("2008/9", FirstMonth.AddMonths(12)) }
            .Select(y => DefinitionJson(y.Item1, y.Item2, measureCount))
            .ToList();
        var years = json.Select((j, i) => DefinitionLoader.Parse(j, $"generated-{i}.json").GetOrThrow()).ToList();
        return new GeneratedScorecard(json, years, new FigureSet(GenerateFigures(years[0]), GenerateComments()));
    }

    /// <summary>
    /// The first year's single months as the figures CSV `import` reads, month by month, at most
    /// <paramref name="rows"/> rows; every row passes the checks a form's figures do (numerators within denominators,
    /// stocks within 33).
    /// </summary>
    public void WriteImportCsv(TextWriter text, int rows)
    {
        var year = Years[0];
        var months = Figures.All.Where(f => f.Period.IsSingleMonth && year.FinancialYear.Contains(f.Period.From));
        var figures = new FigureSet(months);
        using var csv = CsvWriter.Create(text, FigureCsv.Options, leaveOpen: true);
        FigureCsv.WriteHeader(csv);
        foreach (var row in FigureCsv.Rows(year, figures, null).Take(rows)) FigureCsv.Write(csv, row);
        csv.Flush();
    }

    /// <summary>A digest of every monthly and FYTD result and every report cell.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var measure in Years[0].Measures)
        {
            foreach (var (month, year) in Months)
            {
                Append(text, ScorecardCalculator.Evaluate(measure, Figures, MonthRange.Single(month)));
                Append(text, ScorecardCalculator.EvaluateYearToDate(measure, Figures, year, month));
            }
        }
        foreach (var definition in Years)
        {
            foreach (var row in CommitteeReport.Build(definition, Figures, definition.FinancialYear.Months).Rows)
            {
                foreach (var cell in row.Cells) Append(text, cell);
                text.AppendJoin(',', row.Comments).Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, MeasureResult r) =>
        text.Append(CultureInfo.InvariantCulture,
            $"{r.Measure.Number}|{r.Period}|{r.Exact}|{r.Published}|{r.Numerator}|{r.Denominator}|{r.Status}|{string.Join(',', r.Components.Select(c => c.Value))}|{r.Display}|{r.Basis}\n");

    private static string DefinitionJson(string label, YearMonth start, int measureCount)
    {
        var measures = new JsonArray();
        for (var n = 1; n <= measureCount; n++)
        {
            measures.Add((n % 3) switch
            {
                1 => Measure(n, "percent", "higherIsBetter", 85,
                    [Component($"m{n}-done", "Done within set time", "sum"), Component($"m{n}-all", "All received", "sum")],
                    new JsonObject { ["kind"] = "ratio", ["numerator"] = $"m{n}-done", ["denominator"] = $"m{n}-all", ["basis"] = "calls" }),
                2 => Measure(n, "percent", "higherIsBetter", 85,
                    [Component($"m{n}-new", "Rolled out this month", "sum", reportedOnly: true), Component($"m{n}-total", "Total with cover", "latest", max: 33)],
                    new JsonObject { ["kind"] = "ratio", ["numerator"] = $"m{n}-total", ["denominatorConstant"] = 33, ["basis"] = "BOCUs" }),
                _ => Measure(n, "count", "lowerIsBetter", 0,
                    [Component($"m{n}-red", "Intrusions into Red Zones", "sum"), Component($"m{n}-green", "Green", "sum", reportedOnly: true)],
                    new JsonObject { ["kind"] = "count", ["component"] = $"m{n}-red", ["basis"] = "intrusions" }),
            });
        }
        var root = new JsonObject
        {
            ["id"] = "generated-" + label.Replace('/', '-'),
            ["title"] = "Generated benchmark scorecard",
            ["financialYear"] = new JsonObject { ["label"] = label, ["start"] = start.ToString() },
            ["commands"] = new JsonArray(new JsonObject { ["code"] = "CTC", ["name"] = "Counter Terrorism Command" }),
            ["measures"] = measures,
        };
        return root.ToJsonString();
    }

    private static JsonObject Measure(int number, string unit, string direction, int target, JsonObject[] components, JsonObject value) => new()
    {
        ["number"] = number,
        ["title"] = $"Generated measure {number}",
        ["command"] = "CTC",
        ["components"] = new JsonArray(components),
        ["value"] = value,
        // A count's target says its period; a zero target is zero for any period.
        ["target"] = unit == "count" ? new JsonObject { ["value"] = target, ["per"] = "month" } : new JsonObject { ["value"] = target },
        ["unit"] = unit,
        ["direction"] = direction,
        ["tolerance"] = 0.10,
        ["decimals"] = 0,
    };

    private static JsonObject Component(string id, string name, string aggregation, bool reportedOnly = false, int? max = null)
    {
        var component = new JsonObject { ["id"] = id, ["name"] = name, ["aggregation"] = aggregation };
        if (reportedOnly) component["reportedOnly"] = true;
        if (max is { } m) component["max"] = m;
        return component;
    }

    private static List<Figure> GenerateFigures(ScorecardDefinition definition)
    {
        var random = new Random(2007);
        var figures = new List<Figure>();
        var balance = new MonthRange(FirstMonth, FirstMonth.AddMonths(1));
        var monthly = Enumerable.Range(2, MonthCount - 2).Select(i => FirstMonth.AddMonths(i)).ToList();
        foreach (var measure in definition.Measures)
        {
            switch (measure.Value)
            {
                case RatioFormula { Denominator: { } denominator } ratio:
                {
                    var all = random.Next(100, 900);
                    figures.Add(new Figure(denominator, balance, all));
                    figures.Add(new Figure(ratio.Numerator, balance, all * random.Next(70, 101) / 100));
                    foreach (var month in monthly)
                    {
                        if (random.Next(100) == 0) continue; // now and then a month with no figures
                        var received = random.Next(0, 500);
                        figures.Add(new Figure(denominator, MonthRange.Single(month), received));
                        figures.Add(new Figure(ratio.Numerator, MonthRange.Single(month), received * random.Next(70, 101) / 100));
                    }
                    break;
                }
                case RatioFormula ratio:
                {
                    var rolledOut = measure.Components.First(c => c.Id != ratio.Numerator).Id;
                    figures.Add(new Figure(rolledOut, balance, random.Next(0, 4)));
                    var total = random.Next(20, 30);
                    for (var i = 0; i < MonthCount; i++)
                    {
                        var month = FirstMonth.AddMonths(i);
                        var added = random.Next(0, 3) == 0 && total < 33 ? 1 : 0;
                        total += added;
                        if (i >= 2) figures.Add(new Figure(rolledOut, MonthRange.Single(month), added));
                        figures.Add(new Figure(ratio.Numerator, MonthRange.Single(month), total));
                    }
                    break;
                }
                case CountFormula count:
                {
                    var green = measure.Components.First(c => c.Id != count.Component).Id;
                    figures.Add(new Figure(count.Component, balance, random.Next(0, 10) == 0 ? 1 : 0));
                    figures.Add(new Figure(green, balance, random.Next(0, 20)));
                    foreach (var month in monthly)
                    {
                        figures.Add(new Figure(count.Component, MonthRange.Single(month), random.Next(0, 12) == 0 ? 1 : 0));
                        figures.Add(new Figure(green, MonthRange.Single(month), random.Next(0, 10)));
                    }
                    break;
                }
            }
        }
        return figures;
    }

    private static List<MeasureComment> GenerateComments() =>
        Enumerable.Range(0, 50)
            .Select(i => new MeasureComment(i * 20 + 1, FirstMonth.AddMonths(i % MonthCount), $"Comment {i}: figures delayed by a system change."))
            .ToList();
}
