using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Seeding;

namespace ScorecardBot.Pack.Tests.Support;

/// <summary>The shipped definition and seed figures, and where the tests keep what they render for people to look at.</summary>
public static class SeedPack
{
    public static readonly MonthRange PaperRange = new(new YearMonth(2007, 6), new YearMonth(2007, 8));

    public static ScorecardDefinition Definition { get; } =
        DefinitionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.json")).GetOrThrow();

    public static SeedData Seed { get; } =
        SeedData.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.seed.json")), Definition);

    public static FigureSet Figures(params Figure[] more) => new([.. Seed.Figures, .. more], Seed.Comments);

    public static readonly DateTimeOffset Produced = new(2007, 9, 10, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>TestResults/pack/ under the repository: the rendered packs and their page images, kept as artefacts.</summary>
    public static string ArtefactFolder(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScorecardBot.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? Path.GetTempPath();
        var folder = Path.Combine(root, "TestResults", "pack", name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
