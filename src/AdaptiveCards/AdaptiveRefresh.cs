using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdaptiveCards;

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
public class AdaptiveRefresh
{
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public AdaptiveAction? Action { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<string> UserIds { get; set; } = [];

    public bool ShouldSerializeUserIds() => UserIds?.Count > 0;
}
