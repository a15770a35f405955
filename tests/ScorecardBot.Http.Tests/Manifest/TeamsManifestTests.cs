using System.Buffers.Binary;
using System.IO.Compression;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Questions;

namespace ScorecardBot.Http.Tests.Manifest;

/// <summary>
/// The Teams app package in manifest/: validated offline against the official manifest schema (tests/manifest-validation
/// validate.js) and by the Microsoft 365 Agents Toolkit CLI, describing only what the bot does, with commands it understands.
/// </summary>
public sealed class TeamsManifestTests : IDisposable
{
    private static readonly string Root =
        typeof(TeamsManifestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly string Validator = Path.Combine(Root, "tests", "manifest-validation");

    private static readonly string[] Scopes = ["personal", "team", "groupChat"];

    private readonly string _scratch = Directory.CreateTempSubdirectory("manifest-").FullName;

    private static JObject Shipped => JObject.Parse(File.ReadAllText(Path.Combine(Root, "manifest", "manifest.json")));

    [Fact]
    public async Task Shipped_manifest_passes_the_Teams_schema_icon_and_command_list_checks()
    {
        var (exit, output) = await ValidateAsync(Path.Combine(Root, "manifest"));
        Assert.True(exit == 0, output);
        Assert.Empty(JObject.Parse(output)["problems"]!);
    }

    [Fact]
    public async Task Shipped_manifest_passes_the_Agents_Toolkit_validation()
    {
        var (exit, output) = await AgentsToolkitValidateAsync(Path.Combine(Root, "manifest", "manifest.json"));

        Assert.True(exit == 0, output);
        Assert.Contains("All passed", output, StringComparison.Ordinal);
    }

    /// <summary>The newest schema both the bundled schemas and the Agents Toolkit know; at least v1.20.</summary>
    [Fact]
    public void Shipped_manifest_is_on_the_newest_bundled_schema()
    {
        var schemas = Path.Combine(Validator, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");
        var newest = Directory.GetDirectories(schemas, "v1.*")
            .Select(d => Version.Parse(Path.GetFileName(d)[1..]))
            .Max()!;
        var manifest = Shipped;

        Assert.Equal(newest.ToString(), (string)manifest["manifestVersion"]!);
        Assert.True(newest >= new Version(1, 20));
        Assert.Equal($"https://developer.microsoft.com/en-us/json-schemas/teams/v{newest}/MicrosoftTeams.schema.json", (string)manifest["$schema"]!);
    }

    [Fact]
    public async Task A_manifest_that_breaks_the_schema_is_refused_by_both_validators()
    {
        CopyIcons();
        var manifest = Shipped;
        manifest["developer"]!["name"] = new string('x', 40);
        ((JObject)manifest["bots"]![0]!).Remove("botId");
        await File.WriteAllTextAsync(Path.Combine(_scratch, "manifest.json"), manifest.ToString());

        var (exit, output) = await ValidateAsync(_scratch);
        var (toolkitExit, toolkitOutput) = await AgentsToolkitValidateAsync(Path.Combine(_scratch, "manifest.json"));

        Assert.Equal(1, exit);
        var problems = JObject.Parse(output)["problems"]!.Select(p => (string)p!).ToList();
        Assert.Contains(problems, p => p.Contains("/developer/name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("botId", StringComparison.Ordinal));
        Assert.NotEqual(0, toolkitExit);
        Assert.DoesNotContain("All passed", toolkitOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_command_title_and_a_scope_without_its_own_command_list_are_refused()
    {
        CopyIcons();
        var manifest = Shipped;
        var lists = (JArray)manifest["bots"]![0]!["commandLists"]!;
        lists[0]!["commands"]![0]!["title"] = "CTIO coverage of London boroughs in July";
        lists.RemoveAt(2);
        await File.WriteAllTextAsync(Path.Combine(_scratch, "manifest.json"), manifest.ToString());

        var (exit, output) = await ValidateAsync(_scratch);

        Assert.Equal(1, exit);
        var problems = JObject.Parse(output)["problems"]!.Select(p => (string)p!).ToList();
        Assert.Contains(problems, p => p.Contains("is longer than 32", StringComparison.Ordinal));
        Assert.Contains("bot scope groupChat has 0 command lists, needs exactly one", problems);
    }

    [Fact]
    public async Task Icons_are_a_192_pixel_colour_icon_and_a_32_pixel_white_outline_on_transparency()
    {
        var color = await File.ReadAllBytesAsync(Path.Combine(Root, "manifest", "color.png"));
        var outline = await File.ReadAllBytesAsync(Path.Combine(Root, "manifest", "outline.png"));
        Assert.Equal((192, 192), PngSize(color));
        Assert.Equal((32, 32), PngSize(outline));

        // An opaque outline (a white square) is refused: Teams draws the outline over its own background.
        CopyIcons();
        await File.WriteAllTextAsync(Path.Combine(_scratch, "manifest.json"), Shipped.ToString());
        await File.WriteAllBytesAsync(Path.Combine(_scratch, "outline.png"), OpaqueWhitePng(32));

        var (exit, output) = await ValidateAsync(_scratch);

        Assert.Equal(1, exit);
        Assert.Contains("outline icon has no transparent pixel", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_offers_every_scope_the_product_serves_each_with_its_own_command_list()
    {
        var bot = Shipped["bots"]![0]!;

        Assert.Equal(Scopes, bot["scopes"]!.Select(s => (string)s!));
        Assert.Equal(Scopes, bot["commandLists"]!.SelectMany(l => l["scopes"]!).Select(s => (string)s!));
    }

    /// <summary>
    /// Each kind of thing the bot does is offered in at least one scope's menu; the menus hold 12 commands each, so
    /// forms and locks are in the personal chat, the alert admin commands in every scope.
    /// </summary>
    [Fact]
    public void Command_lists_offer_questions_submissions_alerts_and_analysis()
    {
        var titles = CommandTitles().Select(c => c.Title).ToHashSet(StringComparer.Ordinal);

        string[] expected =
        [
            "CTIO coverage in July", "which measures are off target", "submit figures", "history of measure 5 July 2007",
            "lock July 2007", "subscribe", "unsubscribe", "alerts status", "preview alerts for August 2007",
            "run alerts for August 2007", "alerts log", "committee pack June to August", "what changed since last month",
            "will we hit target this year",
        ];
        Assert.All(expected, title => Assert.Contains(title, titles));
        foreach (var scope in Scopes)
        {
            var inScope = CommandTitles().Where(c => c.Scope == scope).Select(c => c.Title).ToList();
            Assert.Contains("CTIO coverage in July", inScope);
            Assert.Contains("subscribe", inScope);
        }
    }

    /// <summary>A command in the menu is a message the user sends: the bot's own recogniser must read it as what it offers.</summary>
    [Fact]
    public async Task Every_command_title_is_understood_by_the_bots_recogniser()
    {
        await using var app = new BotApp();
        var recognizer = app.Services.GetRequiredService<QuestionRecognizer>();

        var misread = CommandTitles()
            .Select(c => c.Title).Distinct()
            .Select(title => (Title: title, Request: recognizer.Recognize(title)))
            .Where(r => r.Request.Intent is Intent.Unknown or Intent.Help or Intent.Greeting or Intent.Clarify || r.Request.Note is not null)
            .Select(r => $"\"{r.Title}\" → {r.Request.Intent} ({r.Request.Rule}) {r.Request.Note}")
            .ToList();

        Assert.True(misread.Count == 0, string.Join('\n', misread));
    }

    [Fact]
    public void Manifest_claims_nothing_the_bot_does_not_do()
    {
        var manifest = Shipped;
        var bot = (JObject)manifest["bots"]![0]!;

        foreach (var feature in new[] { "composeExtensions", "staticTabs", "configurableTabs", "connectors", "permissions",
                     "devicePermissions", "webApplicationInfo", "authorization", "copilotAgents" })
            Assert.Null(manifest[feature]);
        foreach (var claim in new[] { "supportsFiles", "supportsCalling", "supportsVideo", "isNotificationOnly" })
            Assert.Null(bot[claim]);
        // The bot has no tab, task module or sign-in page for Teams to load; its pack links open in the browser.
        Assert.Empty(manifest["validDomains"]!);
    }

    private static IEnumerable<(string Scope, string Title)> CommandTitles() =>
        Shipped["bots"]![0]!["commandLists"]!.SelectMany(list =>
            list["scopes"]!.SelectMany(scope => list["commands"]!.Select(c => ((string)scope!, (string)c["title"]!))));

    private void CopyIcons()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "manifest"), "*.png"))
            File.Copy(file, Path.Combine(_scratch, Path.GetFileName(file)), overwrite: true);
    }

    private static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    /// <summary>A size×size RGBA PNG, every pixel opaque white.</summary>
    private static byte[] OpaqueWhitePng(int size)
    {
        var rows = new byte[size * (1 + size * 4)];
        for (var y = 0; y < size; y++) Array.Fill(rows, (byte)0xff, y * (1 + size * 4) + 1, size * 4);
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(rows);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        (header[8], header[9]) = (8, 6);
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(length);
        png.Write(typed);
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xffffffffu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string manifestFolder)
    {
        Assert.True(Directory.Exists(Path.Combine(Validator, "node_modules", "@microsoft", "app-manifest")),
            "The manifest validator is not installed: run `npm ci` in tests/manifest-validation (scripts/test does this).");
        var (exit, output, errors) = await NodeScript.RunAsync(Validator, "run `npm ci` in tests/manifest-validation", "validate.js", manifestFolder);
        return (exit, output + errors);
    }

    /// <summary>`atk validate` of the Microsoft 365 Agents Toolkit CLI, offline, without telemetry or prompts.</summary>
    private static async Task<(int ExitCode, string Output)> AgentsToolkitValidateAsync(string manifestFile)
    {
        var cli = Path.Combine(Validator, "node_modules", "@microsoft", "m365agentstoolkit-cli", "cli.js");
        Assert.True(File.Exists(cli), "The Agents Toolkit CLI is not installed: run `npm ci` in tests/manifest-validation (scripts/test does this).");
        var (exit, output, errors) = await NodeScript.RunAsync(Validator, "run `npm ci` in tests/manifest-validation",
            cli, "validate", "--manifest-file", manifestFile, "--telemetry", "false", "--interactive", "false");
        return (exit, output + errors);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
