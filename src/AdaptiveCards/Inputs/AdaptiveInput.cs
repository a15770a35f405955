using Newtonsoft.Json;

namespace AdaptiveCards;

public abstract class AdaptiveInput : AdaptiveElement
{
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool IsRequired { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Label { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? ErrorMessage { get; set; }

    // What a host without interactivity shows instead of the input.
    public abstract string GetNonInteractiveValue();
}
