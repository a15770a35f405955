using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdaptiveCards;

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
[JsonConverter(typeof(AdaptiveTypedElementConverter))]
public abstract class AdaptiveTypedElement
{
    [JsonProperty(Order = -10, Required = Required.Always, DefaultValueHandling = DefaultValueHandling.Include)]
    public abstract string Type { get; set; }

    [JsonProperty(Order = -9, DefaultValueHandling = DefaultValueHandling.Ignore)]
    public string? Id { get; set; }

    [JsonConverter(typeof(AdaptiveFallbackConverter))]
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveFallbackElement? Fallback { get; set; }

    // Host-specific extras such as Teams' "msteams": { "width": "Full" } travel here untouched.
    [JsonExtensionData]
    public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
}
