using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdaptiveCards;

public class AdaptiveFactSet : AdaptiveElement
{
    public const string TypeName = "FactSet";

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public List<AdaptiveFact> Facts { get; set; } = [];
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
public class AdaptiveFact
{
    public AdaptiveFact() { }

    public AdaptiveFact(string title, string value)
    {
        Title = title;
        Value = value;
    }

    [JsonRequired]
    public string Title { get; set; } = "";

    [JsonRequired]
    public string Value { get; set; } = "";
}
