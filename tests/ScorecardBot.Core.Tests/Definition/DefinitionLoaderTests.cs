using System.Text.Json.Nodes;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Definition;

public sealed class DefinitionLoaderTests
{
    private const string File = "so-test.json";

    private const string Valid = """
        {
          "id": "test", "title": "Test scorecard",
          "financialYear": { "label": "2007/8", "start": "2007-04" },
          "commands": [ { "code": "CTC", "name": "Counter Terrorism Command" }, { "code": "SO14" } ],
          "measures": [
            {
              "number": 1, "title": "Hotline", "command": "CTC",
              "components": [
                { "id": "answered", "name": "Answered within set time", "aggregation": "sum" },
                { "id": "calls", "name": "Calls received", "aggregation": "sum" }
              ],
              "value": { "kind": "ratio", "numerator": "answered", "denominator": "calls", "basis": "calls" },
              "target": { "value": 85, "text": "85% of the time" },
              "unit": "percent", "direction": "higherIsBetter", "tolerance": 0.10, "decimals": 0
            },
            {
              "number": 2, "title": "Intrusions", "command": "SO14",
              "components": [
                { "id": "red", "name": "Intrusions into Red and Purple Zones", "aggregation": "sum" },
                { "id": "green", "name": "Green", "aggregation": "sum", "reportedOnly": true }
              ],
              "value": { "kind": "count", "component": "red", "basis": "intrusions" },
              "target": { "value": 0, "per": "month" },
              "unit": "count", "direction": "lowerIsBetter", "tolerance": 0.10
            }
          ],
          "glossary": [ { "term": "BOCU", "meaning": "Borough Operational Command Unit" } ]
        }
        """;

    private static DefinitionLoadResult LoadWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Valid)!.AsObject();
        change(root);
        return DefinitionLoader.Parse(root.ToJsonString(), File);
    }

    private static JsonObject Measure(JsonObject root, int index) => root["measures"]![index]!.AsObject();

    private static DefinitionProblem SingleProblem(DefinitionLoadResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(File, problem.File);
        return problem;
    }

    [Fact]
    public void The_inline_base_definition_is_valid()
    {
        var result = DefinitionLoader.Parse(Valid, File);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(2, result.Definition!.Measures.Count);
        Assert.Equal("85% of the time", result.Definition.GetMeasure(1).Target.Text);
        Assert.Equal("0", result.Definition.GetMeasure(2).Target.Text);
    }

    [Fact]
    public void The_shipped_definition_is_valid_with_6_measures_and_10_glossary_terms()
    {
        var result = DefinitionLoader.LoadFile(ShippedFiles.Definition);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var definition = result.Definition!;
        Assert.Equal([1, 2, 3, 4, 5, 6], definition.Measures.Select(m => m.Number));
        Assert.Equal(10, definition.Glossary.Count);
        Assert.Equal(["CTC", "SO14"], definition.Commands.Select(c => c.Code));
        Assert.Equal("2007/8", definition.FinancialYear.Label);
        Assert.Equal("Borough Operational Command Unit", definition.Glossary.Single(g => g.Term == "BOCU").Meaning);
        Assert.All(definition.Measures, m => Assert.NotNull(m.Outcome));
    }

    [Fact]
    public void A_missing_target_is_refused_naming_file_and_path()
    {
        var problem = SingleProblem(LoadWith(root => Measure(root, 0).Remove("target")));

        Assert.Equal("$.measures[0].target", problem.Path);
        Assert.Equal("is missing", problem.Message);
        Assert.Equal("so-test.json: $.measures[0].target: is missing", problem.ToString());
    }

    [Fact]
    public void A_target_without_a_value_is_refused()
    {
        var problem = SingleProblem(LoadWith(root => Measure(root, 0)["target"]!.AsObject().Remove("value")));

        Assert.Equal("$.measures[0].target.value", problem.Path);
        Assert.Equal("is missing", problem.Message);
    }

    [Fact]
    public void A_duplicate_measure_number_is_refused()
    {
        var problem = SingleProblem(LoadWith(root => Measure(root, 1)["number"] = 1));

        Assert.Equal("$.measures[1].number", problem.Path);
        Assert.Contains("measure number 1 is used twice", problem.Message);
        Assert.Contains("$.measures[0]", problem.Message);
    }

    [Fact]
    public void An_unknown_command_is_refused_listing_the_known_ones()
    {
        var problem = SingleProblem(LoadWith(root => Measure(root, 0)["command"] = "SO99"));

        Assert.Equal("$.measures[0].command", problem.Path);
        Assert.Equal("unknown command 'SO99' (known: CTC, SO14)", problem.Message);
    }

    [Fact]
    public void A_component_used_by_no_measure_value_is_refused()
    {
        var problem = SingleProblem(LoadWith(root => Measure(root, 1)["components"]!.AsArray()
            .Add(JsonNode.Parse("""{ "id": "yellow", "name": "Yellow", "aggregation": "sum" }"""))));

        Assert.Equal("$.measures[1].components[2]", problem.Path);
        Assert.Contains("component 'Yellow' is used by no measure value", problem.Message);
        Assert.Contains("reportedOnly", problem.Message);
    }

    [Fact]
    public void A_value_referring_to_a_component_the_measure_lacks_is_refused()
    {
        var result = LoadWith(root => Measure(root, 0)["value"]!["denominator"] = "nope");

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Path == "$.measures[0].value.denominator"
            && p.Message == "refers to component 'nope', which this measure does not have");
    }

    [Theory]
    [InlineData("number", "\"one\"", "$.measures[0].number", "must be a whole number, not the text \"one\"")]
    [InlineData("number", "1.5", "$.measures[0].number", "must be a whole number, not the number 1.5")]
    [InlineData("tolerance", "\"10%\"", "$.measures[0].tolerance", "must be a number, not the text \"10%\"")]
    [InlineData("title", "42", "$.measures[0].title", "must be text, not the number 42")]
    [InlineData("aliases", "\"hotline\"", "$.measures[0].aliases", "must be a list, not the text \"hotline\"")]
    [InlineData("direction", "\"upwards\"", "$.measures[0].direction", "'upwards' is not one of 'higherIsBetter', 'lowerIsBetter'")]
    [InlineData("unit", "\"count\"", "$.measures[0].unit", "'count' does not suit a ratio (use 'percent')")]
    [InlineData("tolerance", "10", "$.measures[0].tolerance", "must be a fraction of the target between 0 and 1 (0.10 means 10%), not 10")]
    public void Wrong_types_and_values_are_refused_naming_the_path(string property, string json, string path, string message)
    {
        var problem = SingleProblem(LoadWith(root => Measure(root, 0)[property] = JsonNode.Parse(json)));

        Assert.Equal(path, problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_percentage_target_above_100_is_refused()
    {
        var problem = SingleProblem(LoadWith(root => Measure(root, 0)["target"]!["value"] = 185));

        Assert.Equal("$.measures[0].target.value", problem.Path);
    }

    [Fact]
    public void Invalid_JSON_is_refused_with_its_line_number()
    {
        const string broken = "{\n  \"id\": \"test\",\n  \"title\": \"x\"\n  \"measures\": []\n}";

        var problem = SingleProblem(DefinitionLoader.Parse(broken, File));

        Assert.StartsWith("line 4,", problem.Path);
        Assert.StartsWith("is not valid JSON", problem.Message);
    }

    [Fact]
    public void An_unreadable_file_is_refused_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "scorecard.json");

        var result = DefinitionLoader.LoadFile(path);

        var problem = Assert.Single(result.Problems);
        Assert.False(result.IsValid);
        Assert.Equal(path, problem.File);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("cannot be read", problem.Message);
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_refused()
    {
        var problem = SingleProblem(DefinitionLoader.Parse("[]", File));

        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once()
    {
        var result = LoadWith(root =>
        {
            Measure(root, 0).Remove("target");
            Measure(root, 0)["command"] = "SO99";
            Measure(root, 1)["number"] = 1;
            root.Remove("title");
        });

        Assert.False(result.IsValid);
        var found = result.Problems.Select(p => (p.Path, p.Message)).ToList();
        Assert.Contains(("$.title", "is missing"), found);
        Assert.Contains(("$.measures[0].target", "is missing"), found);
        Assert.Contains(found, p => p.Path == "$.measures[0].command" && p.Message.StartsWith("unknown command 'SO99'"));
        Assert.Contains(found, p => p.Path == "$.measures[1].number" && p.Message.Contains("used twice"));
        Assert.All(result.Problems, p => Assert.Equal(File, p.File));

        var thrown = Assert.Throws<DefinitionException>(() => result.GetOrThrow());
        Assert.Contains("so-test.json: $.measures[0].target: is missing", thrown.Message);
        Assert.Contains("so-test.json: $.title: is missing", thrown.Message);
        Assert.Equal(result.Problems.Count, thrown.Problems.Count);
    }

    [Fact]
    public void An_outcome_naming_an_undefined_measure_is_refused()
    {
        var problem = SingleProblem(LoadWith(root => root["objectives"] = JsonNode.Parse(
            """[ { "id": "o", "title": "Objective", "outcomes": [ { "id": "x", "title": "Outcome", "measures": [1, 2, 7] } ] } ]""")));

        Assert.Equal("$.objectives[0].outcomes[0].measures[2]", problem.Path);
        Assert.Contains("measure 7", problem.Message);
    }
}
