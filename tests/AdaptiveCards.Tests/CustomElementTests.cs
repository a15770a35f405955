using Newtonsoft.Json;

namespace AdaptiveCards.Tests;

public class CustomElementTests
{
    // Shaped like the Teams chart element a bot project would define for itself.
    private sealed class LineChart : AdaptiveElement
    {
        public const string TypeName = "Chart.Line";

        public override string Type { get; set; } = TypeName;

        [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
        public string? Title { get; set; }
    }

    [Fact]
    public void Custom_element_type_serialises_with_its_own_type_and_fallback()
    {
        var chart = new LineChart
        {
            Title = "Trend",
            Fallback = new AdaptiveFallbackElement(new AdaptiveTextBlock("Chart not supported")),
        };
        var dropped = new LineChart { Fallback = new AdaptiveFallbackElement(AdaptiveFallbackElement.AdaptiveFallbackType.Drop) };
        var card = new AdaptiveCard("1.5") { Body = { chart, dropped } };

        Json.Equal("""
            { "type": "Chart.Line", "title": "Trend", "fallback": { "type": "TextBlock", "text": "Chart not supported" } }
            """, Json.Body(card));
        Json.Equal("""{ "type": "Chart.Line", "fallback": "drop" }""", Json.Body(card, 1));
    }

    [Fact]
    public void From_json_reads_known_elements_and_keeps_unknown_ones()
    {
        var original = new AdaptiveCard("1.5")
        {
            Body =
            {
                new AdaptiveTextBlock("hello") { Weight = AdaptiveTextWeight.Bolder },
                new LineChart { Title = "Trend", Fallback = new AdaptiveFallbackElement(AdaptiveFallbackElement.AdaptiveFallbackType.Drop) },
                new AdaptiveColumnSet { Columns = { new AdaptiveColumn { Width = "2", Items = { new AdaptiveNumberInput { Id = "n" } } } } },
            },
            Actions = { new AdaptiveExecuteAction { Verb = "go", Data = new { a = 1 } } },
        };

        var parsed = AdaptiveCard.FromJson(original.ToJson()).Card!;

        Assert.Equal(new AdaptiveSchemaVersion(1, 5), parsed.Version);
        Assert.Equal(AdaptiveTextWeight.Bolder, Assert.IsType<AdaptiveTextBlock>(parsed.Body[0]).Weight);
        var unknown = Assert.IsType<AdaptiveUnknownElement>(parsed.Body[1]);
        Assert.Equal("Chart.Line", unknown.Type);
        Assert.Equal(AdaptiveFallbackElement.AdaptiveFallbackType.Drop, unknown.Fallback!.Type);
        var column = Assert.IsType<AdaptiveColumnSet>(parsed.Body[2]).Columns[0];
        Assert.Equal("2", column.Width);
        Assert.IsType<AdaptiveNumberInput>(column.Items[0]);
        Assert.Equal("go", Assert.IsType<AdaptiveExecuteAction>(parsed.Actions[0]).Verb);
        Json.Equal(original.ToJson(), Json.Of(parsed));
    }
}
