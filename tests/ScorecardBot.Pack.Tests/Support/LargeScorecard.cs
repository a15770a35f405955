using System.Text.Json.Nodes;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Pack.Tests.Support;

/// <summary>A scorecard of many ratio measures with long titles and a figure for every month of 2007/8.</summary>
public static class LargeScorecard
{
    public static (ScorecardDefinition Definition, FigureSet Figures) Create(int measures)
    {
        var list = new JsonArray();
        for (var n = 1; n <= measures; n++)
        {
            list.Add(new JsonObject
            {
                ["number"] = n,
                ["title"] = $"Measure {n}: a deliberately long title that has to wrap over more than one line of the measure column "
                    + "so that the layout's wrapping and pagination are both exercised by the test",
                ["command"] = "CTC",
                ["components"] = new JsonArray(
                    new JsonObject { ["id"] = $"m{n}-done", ["name"] = "Done within set time", ["aggregation"] = "sum" },
                    new JsonObject { ["id"] = $"m{n}-all", ["name"] = "All received", ["aggregation"] = "sum" }),
                ["value"] = new JsonObject { ["kind"] = "ratio", ["numerator"] = $"m{n}-done", ["denominator"] = $"m{n}-all", ["basis"] = "calls" },
                ["target"] = new JsonObject { ["value"] = 85, ["text"] = "85% of calls answered within the set time" },
                ["unit"] = "percent",
                ["direction"] = "higherIsBetter",
                ["tolerance"] = 0.1,
            });
        }
        var json = new JsonObject
        {
            ["id"] = "large",
            ["title"] = "Large generated scorecard",
            ["financialYear"] = new JsonObject { ["label"] = "2007/8", ["start"] = "2007-04" },
            ["commands"] = new JsonArray(new JsonObject { ["code"] = "CTC" }),
            ["measures"] = list,
        };
        var definition = DefinitionLoader.Parse(json.ToJsonString(), "large.json").GetOrThrow();
        var random = new Random(12);
        var figures = new List<Figure>();
        foreach (var month in definition.FinancialYear.Months.Months())
        {
            for (var n = 1; n <= measures; n++)
            {
                var all = random.Next(50, 500);
                figures.Add(new Figure($"m{n}-all", MonthRange.Single(month), all));
                figures.Add(new Figure($"m{n}-done", MonthRange.Single(month), all * random.Next(60, 101) / 100));
            }
        }
        return (definition, new FigureSet(figures));
    }
}
