using System.Text.Json;

namespace ScorecardBot.Questions.Language;

/// <summary>How the language files, written by hand, are read: comments, trailing commas and names in any case.</summary>
internal static class HandWrittenJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    };
}
