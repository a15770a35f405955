using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace AdaptiveCards;

public class AdaptiveTable : AdaptiveElement
{
    public const string TypeName = "Table";

    public override string Type { get; set; } = TypeName;

    public List<AdaptiveTableColumnDefinition> Columns { get; set; } = [];

    public List<AdaptiveTableRow> Rows { get; set; } = [];

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue(true)]
    public bool FirstRowAsHeaders { get; set; } = true;

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue(true)]
    public bool ShowGridLines { get; set; } = true;

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveContainerStyle GridStyle { get; set; }
}

[JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
public class AdaptiveTableColumnDefinition
{
    public const string TypeName = "TableColumnDefinition";

    [JsonProperty("verticalCellContentAlignment", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveVerticalContentAlignment VerticalContentAlignment { get; set; }

    [JsonProperty("horizontalCellContentAlignment", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveHorizontalContentAlignment HorizontalContentAlignment { get; set; }

    // Relative weight; written as a bare number.
    [JsonIgnore]
    public long Width { get; set; }

    // Fixed width; wins over Width when set and is written as "NNpx".
    [JsonIgnore]
    public double PixelWidth { get; set; }

    [JsonProperty("width", NullValueHandling = NullValueHandling.Ignore)]
    private object? WidthJson
    {
        get => PixelWidth > 0 ? $"{PixelWidth.ToString(CultureInfo.InvariantCulture)}px" : Width > 0 ? Width : null;
        set
        {
            switch (value)
            {
                case long relative:
                    Width = relative;
                    break;
                case double relative:
                    Width = (long)relative;
                    break;
                case string px when px.EndsWith("px", StringComparison.Ordinal):
                    PixelWidth = double.Parse(px[..^2], CultureInfo.InvariantCulture);
                    break;
                case string relative:
                    Width = long.Parse(relative, CultureInfo.InvariantCulture);
                    break;
            }
        }
    }
}

public class AdaptiveTableRow : AdaptiveElement
{
    public const string TypeName = "TableRow";

    public override string Type { get; set; } = TypeName;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public AdaptiveContainerStyle? Style { get; set; }

    [JsonRequired]
    public List<AdaptiveTableCell> Cells { get; set; } = [];
}

public class AdaptiveTableCell : AdaptiveContainer
{
    public new const string TypeName = "TableCell";

    public override string Type { get; set; } = TypeName;
}
