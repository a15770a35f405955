using Newtonsoft.Json;

namespace AdaptiveCards;

// Shared by everything that holds other elements and can be styled as a block.
public abstract class AdaptiveCollectionElement : AdaptiveElement
{
    // Nullable so an explicit "default" can still be written to reset an inherited style.
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public AdaptiveContainerStyle? Style { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveVerticalContentAlignment VerticalContentAlignment { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Bleed { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public AdaptiveAction? SelectAction { get; set; }
}

public class AdaptiveContainer : AdaptiveCollectionElement
{
    public const string TypeName = "Container";

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public List<AdaptiveElement> Items { get; set; } = [];
}

public class AdaptiveColumnSet : AdaptiveCollectionElement
{
    public const string TypeName = "ColumnSet";

    public override string Type { get; set; } = TypeName;

    public List<AdaptiveColumn> Columns { get; set; } = [];
}

public class AdaptiveColumn : AdaptiveContainer
{
    public new const string TypeName = "Column";

    public override string Type { get; set; } = TypeName;

    // "auto", "stretch", a relative weight such as "2", or pixels such as "50px".
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Width { get; set; }
}
