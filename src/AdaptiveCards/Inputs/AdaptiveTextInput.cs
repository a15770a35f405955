using Newtonsoft.Json;

namespace AdaptiveCards;

public class AdaptiveTextInput : AdaptiveInput
{
    public const string TypeName = "Input.Text";

    public override string Type { get; set; } = TypeName;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Placeholder { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Value { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool IsMultiline { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int MaxLength { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Regex { get; set; }

    public override string GetNonInteractiveValue() => Value ?? $"*[{Placeholder}]*";
}
