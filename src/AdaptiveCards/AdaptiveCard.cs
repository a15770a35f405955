using System.ComponentModel;
using Newtonsoft.Json;

namespace AdaptiveCards;

public class AdaptiveCard : AdaptiveTypedElement
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string TypeName = "AdaptiveCard";

    internal const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    // This subset covers schema 1.5, the highest version Teams renders.
    public static AdaptiveSchemaVersion KnownSchemaVersion { get; } = new(1, 5);

    public AdaptiveCard(AdaptiveSchemaVersion schemaVersion)
    {
        Version = schemaVersion;
    }

    public AdaptiveCard(string schemaVersion) : this(new AdaptiveSchemaVersion(schemaVersion)) { }

    [Obsolete("Please use the overload that accepts a version parameter and specify the version your card requires")]
    public AdaptiveCard() : this(new AdaptiveSchemaVersion(1, 0)) { }

    public override string Type { get; set; } = TypeName;

    [JsonProperty("$schema", Order = -9)]
    internal string JsonSchema { get; set; } = SchemaUrl;

    [JsonProperty(Order = -8)]
    public AdaptiveSchemaVersion Version { get; set; }

    [JsonProperty(Order = -7, NullValueHandling = NullValueHandling.Ignore)]
    public string? FallbackText { get; set; }

    [JsonProperty(Order = -6, NullValueHandling = NullValueHandling.Ignore)]
    public string? Speak { get; set; }

    [JsonProperty(Order = -6, NullValueHandling = NullValueHandling.Ignore)]
    public string? Lang { get; set; }

    [JsonProperty(Order = -5, NullValueHandling = NullValueHandling.Ignore)]
    public AdaptiveRefresh? Refresh { get; set; }

    [JsonProperty(Order = -4, NullValueHandling = NullValueHandling.Ignore)]
    public string? MinHeight { get; set; }

    [JsonProperty(Order = -4, DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveVerticalContentAlignment VerticalContentAlignment { get; set; }

    [JsonProperty(Order = -3)]
    public List<AdaptiveElement> Body { get; set; } = [];

    public bool ShouldSerializeBody() => Body?.Count > 0;

    [JsonProperty(Order = -2)]
    public List<AdaptiveAction> Actions { get; set; } = [];

    public bool ShouldSerializeActions() => Actions?.Count > 0;

    [JsonProperty(Order = -2, NullValueHandling = NullValueHandling.Ignore)]
    [DefaultValue(null)]
    public AdaptiveAction? SelectAction { get; set; }

    public static AdaptiveCardParseResult FromJson(string json)
    {
        var result = new AdaptiveCardParseResult();
        try
        {
            result.Card = JsonConvert.DeserializeObject<AdaptiveCard>(json);
        }
        catch (JsonException ex)
        {
            throw new AdaptiveSerializationException(ex.Message, ex);
        }

        return result;
    }

    public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented);
}
