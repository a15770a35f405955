using System.ComponentModel;
using Newtonsoft.Json;

namespace AdaptiveCards;

public class AdaptiveToggleInput : AdaptiveInput
{
    public const string TypeName = "Input.Toggle";

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public string Title { get; set; } = "";

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Value { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue("true")]
    public string ValueOn { get; set; } = "true";

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue("false")]
    public string ValueOff { get; set; } = "false";

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Wrap { get; set; }

    public override string GetNonInteractiveValue() => Value == ValueOn ? "Yes" : "No";
}
