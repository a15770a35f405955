using System.ComponentModel;
using Newtonsoft.Json;

namespace AdaptiveCards;

// Subclass this (with a const TypeName and `public override string Type { get; set; } = TypeName;`)
// to add host-specific elements such as Teams charts.
public abstract class AdaptiveElement : AdaptiveTypedElement
{
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveSpacing Spacing { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Separator { get; set; }

    [JsonConverter(typeof(AdaptiveHeightConverter))]
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveHeight Height { get; set; } = new AdaptiveHeight(AdaptiveHeightType.Auto);

    public bool ShouldSerializeHeight() => Height?.ShouldSerializeAdaptiveHeight() == true;

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue(true)]
    public bool IsVisible { get; set; } = true;
}
