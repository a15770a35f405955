namespace ScorecardBot.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_shipped_definition_is_valid()
    {
        var (exit, output, error) = await _cli.RunAsync(["validate"]);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Contains("so-2007-08.json: valid.", output);
        Assert.Contains("6 measures", output);
        Assert.Contains("10 glossary terms", output);
    }

    [Fact]
    public async Task The_shipped_definition_named_explicitly_is_valid()
    {
        var (exit, _, _) = await _cli.RunAsync(["validate", Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.json")]);

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task A_broken_definition_exits_1_listing_every_problem()
    {
        var path = Path.Combine(_cli.Folder, "broken.json");
        await File.WriteAllTextAsync(path, """
            {
              "id": "broken", "title": "Broken",
              "financialYear": { "label": "2007/8", "start": "2007-04" },
              "commands": [ { "code": "CTC" } ],
              "measures": [
                {
                  "number": 1, "title": "Hotline", "command": "SO99",
                  "components": [
                    { "id": "answered", "name": "Answered within set time", "aggregation": "sum" },
                    { "id": "calls", "name": "Calls received", "aggregation": "sum" },
                    { "id": "spare", "name": "Spare", "aggregation": "sum" }
                  ],
                  "value": { "kind": "ratio", "numerator": "answered", "denominator": "calls" },
                  "unit": "percent", "direction": "higherIsBetter", "tolerance": 0.1
                },
                {
                  "number": 1, "title": "Again", "command": "CTC",
                  "components": [ { "id": "x", "name": "X", "aggregation": "sum" } ],
                  "value": { "kind": "count", "component": "x" },
                  "target": { "value": 0, "per": "month" }, "unit": "count", "direction": "lowerIsBetter", "tolerance": 0.1
                }
              ]
            }
            """);

        var (exit, output, error) = await _cli.RunAsync(["validate", path]);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var lines = error.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal($"{path}: 4 problems:", lines[0]);
        Assert.Contains($"{path}: $.measures[0].command: unknown command 'SO99' (known: CTC)", lines);
        Assert.Contains($"{path}: $.measures[0].target: is missing", lines);
        Assert.Contains(lines, l => l.StartsWith($"{path}: $.measures[0].components[2]: component 'Spare' is used by no measure value", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{path}: $.measures[1].number: measure number 1 is used twice", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task A_definition_that_is_not_JSON_exits_1_with_the_line()
    {
        var path = Path.Combine(_cli.Folder, "not-json.json");
        await File.WriteAllTextAsync(path, "{\n  \"id\": \"x\"\n  \"title\": \"y\"\n}");

        var (exit, _, error) = await _cli.RunAsync(["validate", path]);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}: line 3,", error);
        Assert.Contains("is not valid JSON", error);
    }

    [Fact]
    public async Task A_missing_definition_file_exits_1_saying_it_cannot_be_read()
    {
        var path = Path.Combine(_cli.Folder, "absent.json");

        var (exit, _, error) = await _cli.RunAsync(["validate", path]);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}: $: cannot be read", error);
        Assert.DoesNotContain("   at ", error);
    }
}
