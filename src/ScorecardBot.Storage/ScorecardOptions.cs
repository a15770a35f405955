namespace ScorecardBot.Storage;

/// <summary>Bound from "Scorecard": which definition the app serves and which seed fills an empty database.</summary>
public sealed class ScorecardOptions
{
    public const string Section = "Scorecard";

    public string DefinitionPath { get; set; } = "scorecard/so-2007-08.json";

    /// <summary>The words the bot understands in the scorecard's language, apart from the scorecard's own.</summary>
    public string LanguagePath { get; set; } = "scorecard/language.en.json";

    /// <summary>Empty turns seeding off.</summary>
    public string? SeedPath { get; set; } = "scorecard/so-2007-08.seed.json";

    /// <summary>The IANA (or Windows) id of the zone whose calendar says which month it is now: what "last month" is, and
    /// that a month still to come takes no figures.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Relative paths are the files shipped beside the app.</summary>
    public static string Resolve(string path) => Path.GetFullPath(path, AppContext.BaseDirectory);
}
