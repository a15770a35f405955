using Newtonsoft.Json;

namespace AdaptiveCards;

public class AdaptiveImage : AdaptiveElement
{
    public const string TypeName = "Image";

    public AdaptiveImage() { }

    public AdaptiveImage(string url)
    {
        Url = new Uri(url);
    }

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public Uri? Url { get; set; }

    [JsonIgnore]
    public string? UrlString
    {
        get => Url?.ToString();
        set => Url = value is null ? null : new Uri(value);
    }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? AltText { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveImageSize Size { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveImageStyle Style { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public AdaptiveAction? SelectAction { get; set; }
}
