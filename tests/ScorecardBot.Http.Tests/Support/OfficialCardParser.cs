using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>The official Adaptive Cards parser and validation at schema 1.5 (npm adaptivecards, tests/card-validation/validate.js).</summary>
public static class OfficialCardParser
{
    /// <summary>Every problem the parser reports, as "card name: event message"; empty when all cards pass.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IReadOnlyList<(string Name, JObject Card)> cards)
    {
        var file = Path.Combine(Path.GetTempPath(), $"scorecardbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JArray(cards.Select(c => c.Card)).ToString(Formatting.None));
        try
        {
            var folder = typeof(OfficialCardParser).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CardValidationFolder").Value!;
            var (exitCode, output, errors) = await NodeScript.RunAsync(folder, "run `npm ci` in tests/card-validation", "validate.js", file);
            JObject report;
            try
            {
                report = JObject.Parse(output);
            }
            catch (JsonReaderException)
            {
                throw new Xunit.Sdk.XunitException($"validate.js exited {exitCode} without a report.\nstdout: {output}\nstderr: {errors}");
            }
            Assert.True(report["fatal"] is null, $"validate.js could not run: {report["fatal"]}");
            Assert.Equal(cards.Count, (int)report["cards"]!);
            return report["results"]!
                .SelectMany(r => r["errors"]!.Select(e => $"{cards[(int)r["index"]!].Name}: {e["event"]} {e["message"]}"))
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
