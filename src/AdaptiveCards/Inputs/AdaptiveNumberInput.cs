using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;

namespace AdaptiveCards;

// As in the official model, "no value" is double.NaN rather than null, and NaN is never written.
public class AdaptiveNumberInput : AdaptiveInput
{
    public const string TypeName = "Input.Number";

    public override string Type { get; set; } = TypeName;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Placeholder { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue(double.NaN)]
    public double Value { get; set; } = double.NaN;

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue(double.NaN)]
    public double Min { get; set; } = double.NaN;

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue(double.NaN)]
    public double Max { get; set; } = double.NaN;

    public override string GetNonInteractiveValue() =>
        double.IsNaN(Value) ? $"*[{Placeholder}]*" : Value.ToString(CultureInfo.InvariantCulture);
}
