using System.Globalization;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Core.Tests.Support;

/// <summary>Small scorecards written inline, loaded through the real <see cref="DefinitionLoader"/>.</summary>
public static class InlineDefinition
{
    /// <summary>A percentage measure: "num" ÷ "den", both summed.</summary>
    public static Measure Ratio(decimal target, string direction = "higherIsBetter", decimal tolerance = 0.10m) =>
        Load(Wrap($$"""
            {
              "number": 1, "title": "Ratio measure", "command": "CTC",
              "components": [
                { "id": "num", "name": "Answered within set time", "aggregation": "sum" },
                { "id": "den", "name": "Calls received", "aggregation": "sum" }
              ],
              "value": { "kind": "ratio", "numerator": "num", "denominator": "den", "basis": "calls" },
              "target": { "value": {{Num(target)}} },
              "unit": "percent", "direction": "{{direction}}", "tolerance": {{Num(tolerance)}}, "decimals": 0
            }
            """)).GetMeasure(1);

    /// <summary>A coverage measure: the stock "covered" ÷ a fixed number of BOCUs.</summary>
    public static Measure Coverage(decimal target, long of) =>
        Load(Wrap($$"""
            {
              "number": 1, "title": "Coverage", "command": "CTC",
              "components": [ { "id": "covered", "name": "Total BOCUs with CTIOs", "aggregation": "latest", "max": {{of}} } ],
              "value": { "kind": "ratio", "numerator": "covered", "denominatorConstant": {{of}}, "basis": "BOCUs" },
              "target": { "value": {{Num(target)}} },
              "unit": "percent", "direction": "higherIsBetter", "tolerance": 0.10, "decimals": 0
            }
            """)).GetMeasure(1);

    /// <summary>A count of "events", lower is better.</summary>
    public static Measure Count(decimal target, string per = "month") =>
        Load(Wrap($$"""
            {
              "number": 1, "title": "Intrusions", "command": "CTC",
              "components": [ { "id": "events", "name": "Intrusions", "aggregation": "sum" } ],
              "value": { "kind": "count", "component": "events", "basis": "intrusions" },
              "target": { "value": {{Num(target)}}, "per": "{{per}}" },
              "unit": "count", "direction": "lowerIsBetter", "tolerance": 0.10, "decimals": 0
            }
            """)).GetMeasure(1);

    public static string Wrap(params string[] measures) => $$"""
        {
          "id": "inline", "title": "Inline scorecard",
          "financialYear": { "label": "2007/8", "start": "2007-04" },
          "commands": [ { "code": "CTC" } ],
          "measures": [ {{string.Join(",\n", measures)}} ]
        }
        """;

    public static ScorecardDefinition Load(string json) => DefinitionLoader.Parse(json, "inline.json").GetOrThrow();

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
