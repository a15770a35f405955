using System.Text.Json.Nodes;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Definition;

public sealed class KeyWordsTests
{
    private static string Definition(string key, decimal tolerance = 0.05m, bool measureTolerance = true) => $$"""
        {
          "id": "k", "title": "Key test",
          "financialYear": { "label": "2024", "start": "2024-01" },
          "commands": [ { "code": "RESP" } ],
          {{key}}
          "measures": [ {
            "number": 1, "title": "Attended in time", "command": "RESP",
            "components": [
              { "id": "n", "name": "Attended within 10 minutes", "aggregation": "sum" },
              { "id": "d", "name": "Critical incidents", "aggregation": "sum" }
            ],
            "value": { "kind": "ratio", "numerator": "n", "denominator": "d" },
            "target": { "value": 90 }, "unit": "percent", "direction": "higherIsBetter"
            {{(measureTolerance ? $", \"tolerance\": {tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")}}
          } ]
        }
        """;

    [Fact]
    public void Without_a_key_the_papers_labels_carry_the_measures_own_band()
    {
        var measure = InlineDefinition.Load(Definition("")).GetMeasure(1);

        Assert.Equal("Less Than 5% Outside Target", measure.Label(Status.WithinTolerance));
        Assert.Equal("More Than 5% Outside Target", measure.Label(Status.OutsideTolerance));
        Assert.Equal("FYTD", measure.Key.YearToDate);
    }

    [Fact]
    public void A_key_gives_the_scorecards_own_words_and_its_default_band()
    {
        var definition = InlineDefinition.Load(Definition("""
            "key": { "tolerance": 0.05, "aboveTarget": "On target", "withinTolerance": "Within {tolerance} of target",
                     "outsideTolerance": "More than {tolerance} off target", "noData": "No return", "yearToDate": "YTD" },
            """, measureTolerance: false));
        var measure = definition.GetMeasure(1);

        Assert.Equal(0.05m, measure.Tolerance);
        Assert.Equal("On target", measure.Label(Status.AboveTarget));
        Assert.Equal("Within 5% of target", measure.Label(Status.WithinTolerance));
        Assert.Equal("More than 5% off target", measure.Label(Status.OutsideTolerance));
        Assert.Equal("No return", measure.Label(Status.NoData));
        Assert.Equal("YTD", definition.Key.YearToDate);
    }

    [Fact]
    public void A_label_that_prints_another_band_than_the_measures_is_refused()
    {
        var result = DefinitionLoader.Parse(Definition("""
            "key": { "withinTolerance": "Less Than 10% Outside Target" },
            """), "k.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.key.withinTolerance", problem.Path);
        Assert.Contains("5%", problem.Message);
        Assert.Contains("{tolerance}", problem.Message);
    }

    [Fact]
    public void A_band_below_one_percent_is_printed_with_its_decimals()
    {
        Assert.Equal("2.5%", KeyWords.Band(0.025m));
        Assert.Equal("10%", KeyWords.Band(0.10m));
    }

    [Fact]
    public void A_count_target_must_say_which_period_it_is_for()
    {
        var root = JsonNode.Parse(InlineDefinition.Wrap("""
            {
              "number": 1, "title": "Fires", "command": "CTC",
              "components": [ { "id": "fires", "name": "Accidental dwelling fires", "aggregation": "sum" } ],
              "value": { "kind": "count", "component": "fires" },
              "target": { "value": 40 }, "unit": "count", "direction": "lowerIsBetter", "tolerance": 0.05
            }
            """))!;

        var problem = Assert.Single(DefinitionLoader.Parse(root.ToJsonString(), "f.json").Problems);

        Assert.Equal("$.measures[0].target.per", problem.Path);
        Assert.Contains("month", problem.Message);
    }

    [Fact]
    public void A_percentage_target_cannot_be_per_month()
    {
        var root = JsonNode.Parse(InlineDefinition.Wrap("""
            {
              "number": 1, "title": "Ratio", "command": "CTC",
              "components": [ { "id": "n", "name": "N", "aggregation": "sum" }, { "id": "d", "name": "D", "aggregation": "sum" } ],
              "value": { "kind": "ratio", "numerator": "n", "denominator": "d" },
              "target": { "value": 90, "per": "month" }, "unit": "percent", "direction": "higherIsBetter", "tolerance": 0.1
            }
            """))!;

        var problem = Assert.Single(DefinitionLoader.Parse(root.ToJsonString(), "r.json").Problems);

        Assert.Equal("$.measures[0].target.per", problem.Path);
    }
}
