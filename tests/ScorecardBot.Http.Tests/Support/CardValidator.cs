using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// The official Adaptive Cards parser and validation at schema 1.5 (npm adaptivecards, run by
/// tests/card-validation/validate.js) over named cards: what it reports, and the Teams charts it accepted.
/// </summary>
public static class CardValidator
{
    public sealed record Report(IReadOnlyList<string> Problems, IReadOnlyList<string> Accepted);

    /// <summary>Validates the cards; fails the test if the validator cannot run or does not judge every card.</summary>
    public static async Task<Report> ValidateAsync(IReadOnlyList<(string Name, JObject Card)> cards)
    {
        var file = Path.Combine(Path.GetTempPath(), $"scorecardbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JArray(cards.Select(c => c.Card)).ToString(Formatting.None));
        try
        {
            var (exitCode, output, errors) = await RunAsync(file);
            JObject report;
            try
            {
                report = JObject.Parse(output);
            }
            catch (JsonReaderException)
            {
                throw new Xunit.Sdk.XunitException(
                    $"validate.js exited {exitCode} without a report.\nstdout: {output}\nstderr: {errors}");
            }
            Assert.True(report["fatal"] is null, $"validate.js could not run: {report["fatal"]}");
            Assert.Equal(cards.Count, (int)report["cards"]!);
            var problems = report["results"]!
                .SelectMany(r => r["errors"]!.Select(e =>
                    $"{cards[(int)r["index"]!].Name}: {e["event"]} {e["message"]}"))
                .ToList();
            Assert.True(problems.Count > 0 || exitCode == 0, $"validate.js exited {exitCode}, reporting nothing: {errors}");
            var accepted = report["results"]!.SelectMany(r => r["accepted"]!)
                .Select(e => (string?)e["message"] ?? "").ToList();
            return new Report(problems, accepted);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task AssertValidAsync(IReadOnlyList<(string Name, JObject Card)> cards)
    {
        var report = await ValidateAsync(cards);
        Assert.True(report.Problems.Count == 0,
            "The Adaptive Cards parser reported:\n" + string.Join("\n", report.Problems));
    }

    private static string Folder =>
        typeof(CardValidator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CardValidationFolder").Value!;

    private static Task<(int ExitCode, string Output, string Errors)> RunAsync(string cardsFile)
    {
        var folder = Folder;
        Assert.True(File.Exists(Path.Combine(folder, "validate.js")), $"No validate.js in {folder}.");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "adaptivecards")),
            $"The Adaptive Cards validator is not installed ({Path.Combine(folder, "node_modules")} is missing): "
            + "run `npm ci` in tests/card-validation.");
        return NodeScript.RunAsync(folder, "run `npm ci` in tests/card-validation", "validate.js", cardsFile);
    }
}
