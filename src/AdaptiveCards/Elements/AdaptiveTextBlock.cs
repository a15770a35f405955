using Newtonsoft.Json;

namespace AdaptiveCards;

public class AdaptiveTextBlock : AdaptiveElement
{
    public const string TypeName = "TextBlock";

    public AdaptiveTextBlock() { }

    public AdaptiveTextBlock(string text)
    {
        Text = text;
    }

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public string Text { get; set; } = "";

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveTextSize Size { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveTextWeight Weight { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveTextColor Color { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool IsSubtle { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveHorizontalAlignment HorizontalAlignment { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Wrap { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int MaxLines { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveFontType FontType { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveTextBlockStyle Style { get; set; }
}
