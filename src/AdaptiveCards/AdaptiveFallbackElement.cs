using Newtonsoft.Json;

namespace AdaptiveCards;

// "fallback" is either the string "drop" or a whole element shown in place of an unsupported one.
[JsonConverter(typeof(AdaptiveFallbackConverter))]
public class AdaptiveFallbackElement
{
    public const string drop = "drop";

    public AdaptiveFallbackElement()
    {
        Type = AdaptiveFallbackType.None;
    }

    public AdaptiveFallbackElement(AdaptiveFallbackType fallbackType)
    {
        Type = fallbackType;
    }

    public AdaptiveFallbackElement(AdaptiveTypedElement fallbackContent)
    {
        Type = AdaptiveFallbackType.Content;
        Content = fallbackContent;
    }

    [JsonIgnore]
    public AdaptiveFallbackType Type { get; set; }

    [JsonIgnore]
    public AdaptiveTypedElement? Content { get; set; }

    public enum AdaptiveFallbackType
    {
        None,
        Drop,
        Content,
    }
}
