using System.Reflection;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Manifest;

/// <summary>The Teams app package in manifest/ against the official manifest schema, validated offline by tests/manifest-validation.</summary>
public sealed class TeamsManifestTests : IDisposable
{
    private static readonly string Root =
        typeof(TeamsManifestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private readonly string _scratch = Directory.CreateTempSubdirectory("manifest-").FullName;

    [Fact]
    public async Task Shipped_manifest_passes_the_Teams_schema_and_icon_checks()
    {
        var (exit, output) = await ValidateAsync(Path.Combine(Root, "manifest"));
        Assert.True(exit == 0, output);
        Assert.Empty(JObject.Parse(output)["problems"]!);
    }

    [Fact]
    public async Task A_manifest_that_breaks_the_schema_is_refused()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "manifest"), "*.png")) File.Copy(file, Path.Combine(_scratch, Path.GetFileName(file)));
        var manifest = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "manifest", "manifest.json")));
        manifest["developer"]!["name"] = new string('x', 40);
        ((JObject)manifest["bots"]![0]!).Remove("botId");
        await File.WriteAllTextAsync(Path.Combine(_scratch, "manifest.json"), manifest.ToString());

        var (exit, output) = await ValidateAsync(_scratch);

        Assert.Equal(1, exit);
        var problems = JObject.Parse(output)["problems"]!.Select(p => (string)p!).ToList();
        Assert.Contains(problems, p => p.Contains("/developer/name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("botId", StringComparison.Ordinal));
    }

    [Fact]
    public void Bot_manifest_offers_every_scope_the_product_serves()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(Root, "manifest", "manifest.json")));
        var scopes = manifest["bots"]![0]!["scopes"]!.Select(s => (string)s!).ToList();
        Assert.Equal(["personal", "team", "groupChat"], scopes);
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string manifestFolder)
    {
        var validator = Path.Combine(Root, "tests", "manifest-validation");
        Assert.True(Directory.Exists(Path.Combine(validator, "node_modules", "@microsoft", "app-manifest")),
            "The manifest validator is not installed: run `npm ci` in tests/manifest-validation (scripts/test does this).");
        var (exit, output, errors) = await NodeScript.RunAsync(validator, "run `npm ci` in tests/manifest-validation", "validate.js", manifestFolder);
        return (exit, output + errors);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
