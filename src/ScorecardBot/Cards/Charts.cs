using AdaptiveCards;
using Newtonsoft.Json;

namespace ScorecardBot.Cards;

/// <summary>Teams' line chart (Chart.Line). Other hosts render its fallback.</summary>
public sealed class LineChart : AdaptiveElement
{
    public const string TypeName = "Chart.Line";

    public override string Type { get; set; } = TypeName;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Title { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? XAxisTitle { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? YAxisTitle { get; set; }

    public List<LineSeries> Data { get; set; } = [];
}

public sealed record LineSeries([property: JsonProperty("legend")] string Legend, [property: JsonProperty("values")] List<ChartPoint> Values);

public sealed record ChartPoint([property: JsonProperty("x")] string X, [property: JsonProperty("y")] decimal Y);

/// <summary>Teams' vertical bar chart (Chart.VerticalBar), for counts by month.</summary>
public sealed class VerticalBarChart : AdaptiveElement
{
    public const string TypeName = "Chart.VerticalBar";

    public override string Type { get; set; } = TypeName;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Title { get; set; }

    public List<ChartPoint> Data { get; set; } = [];
}
