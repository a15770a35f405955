using Newtonsoft.Json.Linq;

namespace AdaptiveCards.Tests;

internal static class Json
{
    // Same properties and values (order aside, as Newtonsoft writes derived-class properties first),
    // and wherever an object has a "type" it comes first, as hosts that sniff the type expect.
    public static void Equal(string expected, JToken actual)
    {
        var want = JToken.Parse(expected);
        Assert.True(JToken.DeepEquals(want, actual), $"Expected:\n{want}\nActual:\n{actual}");
        var objects = actual is JContainer container ? container.DescendantsAndSelf().OfType<JObject>() : [];
        foreach (var obj in objects.Where(o => o.ContainsKey("type")))
        {
            Assert.Equal("type", obj.Properties().First().Name);
        }
    }

    public static JObject Of(AdaptiveCard card) => JObject.Parse(card.ToJson());

    public static JObject Body(AdaptiveCard card, int index = 0) => (JObject)Of(card)["body"]![index]!;
}
