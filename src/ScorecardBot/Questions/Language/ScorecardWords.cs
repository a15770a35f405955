using System.Text.Json;

namespace ScorecardBot.Questions.Language;

/// <summary>A span of months a scorecard's readers name ("the summer" for the committee's June–August paper).</summary>
public sealed record NamedSpan(string Phrase, int From, int To);

/// <summary>
/// A scorecard's own words that its definition does not hold: zone colours that are counts rather than statuses,
/// named spans of months, the prefix of command codes it might be asked about. Read from a file beside the definition
/// (so-2007-08.json → so-2007-08.en.json); a scorecard without one has none.
/// </summary>
public sealed record ScorecardWords(
    IReadOnlySet<string> ZoneColours,
    IReadOnlySet<string> ZoneWords,
    IReadOnlyList<NamedSpan> NamedSpans,
    string? CommandCodePrefix)
{
    public static ScorecardWords None { get; } = new(new HashSet<string>(), new HashSet<string>(), [], null);

    /// <summary>The extras beside a definition for a language, or none when there is no such file.</summary>
    public static ScorecardWords ForDefinition(string definitionPath, string language)
    {
        var path = Path.ChangeExtension(definitionPath, null) + "." + language + ".json";
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : None;
    }

    public static ScorecardWords Parse(string json, string fileName)
    {
        Data? data;
        try
        {
            data = JsonSerializer.Deserialize<Data>(json, HandWrittenJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The scorecard words file {fileName} is not valid: {e.Message}");
        }
        if (data is null) return None;
        var spans = data.NamedSpans ?? [];
        if (spans.FirstOrDefault(s => s.From is < 1 or > 12 || s.To is < 1 or > 12 || string.IsNullOrWhiteSpace(s.Phrase)) is { } bad)
        {
            throw new InvalidDataException($"The scorecard words file {fileName} has a named span '{bad.Phrase}' whose months are not 1 to 12.");
        }
        return new ScorecardWords(
            new HashSet<string>(data.ZoneColours ?? [], StringComparer.Ordinal),
            new HashSet<string>(data.ZoneWords ?? [], StringComparer.Ordinal),
            spans,
            string.IsNullOrWhiteSpace(data.CommandCodePrefix) ? null : data.CommandCodePrefix.ToLowerInvariant());
    }

    private sealed record Data(string[]? ZoneColours, string[]? ZoneWords, List<NamedSpan>? NamedSpans, string? CommandCodePrefix);
}
