using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdaptiveCards;

public class AdaptiveChoiceSetInput : AdaptiveInput
{
    public const string TypeName = "Input.ChoiceSet";

    public override string Type { get; set; } = TypeName;

    // For multi-select, a comma-separated list of choice values.
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Value { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveChoiceInputStyle Style { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool IsMultiSelect { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Placeholder { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Wrap { get; set; }

    [JsonRequired]
    public List<AdaptiveChoice> Choices { get; set; } = [];

    public override string GetNonInteractiveValue()
    {
        var chosen = (Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(", ", Choices.Where(c => chosen.Contains(c.Value)).Select(c => c.Title));
    }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
public class AdaptiveChoice
{
    [JsonRequired]
    public string Title { get; set; } = "";

    [JsonRequired]
    public string Value { get; set; } = "";
}
