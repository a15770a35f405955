using Newtonsoft.Json.Linq;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>Reads a card the way a person would: its text blocks, facts, button titles, speak and fallback text.</summary>
public static class CardText
{
    public static string Of(JObject card) => string.Join("\n", Strings(card));

    public static IEnumerable<string> Strings(JToken token)
    {
        switch (token)
        {
            case JObject o:
                foreach (var p in o.Properties())
                {
                    if (p.Name is "data") continue;
                    if (p.Name is "text" or "title" or "value" or "speak" or "fallbackText" && p.Value.Type == JTokenType.String) yield return (string)p.Value!;
                    else foreach (var s in Strings(p.Value)) yield return s;
                }
                break;
            case JArray a:
                foreach (var s in a.SelectMany(Strings)) yield return s;
                break;
        }
    }

    private static IEnumerable<JToken> All(JToken token) => token is JContainer c ? c.DescendantsAndSelf() : [token];

    /// <summary>Every TextBlock, wherever it sits (columns, containers, table cells, fallbacks).</summary>
    public static IReadOnlyList<JObject> TextBlocks(JToken card) =>
        All(card).OfType<JObject>().Where(o => (string?)o["type"] == "TextBlock").ToList();

    public static JObject TextBlock(JToken card, string text) =>
        TextBlocks(card).FirstOrDefault(b => (string?)b["text"] == text)
        ?? throw new Xunit.Sdk.XunitException($"No TextBlock reads \"{text}\" in:\n{Of((JObject)card)}");

    /// <summary>Fact titles to values, from every FactSet.</summary>
    public static IReadOnlyDictionary<string, string> Facts(JToken card)
    {
        var facts = new Dictionary<string, string>();
        foreach (var fact in All(card).OfType<JObject>().Where(o => (string?)o["type"] == "FactSet").SelectMany(f => f["facts"]!.OfType<JObject>()))
            facts.TryAdd((string)fact["title"]!, (string)fact["value"]!);
        return facts;
    }

    /// <summary>The rows of the first Table, each as its cells' texts.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> TableRows(JToken card)
    {
        var table = All(card).OfType<JObject>().First(o => (string?)o["type"] == "Table");
        return table["rows"]!.Select(r => (IReadOnlyList<string>)r["cells"]!.Select(c => string.Join(" ", Strings(c).Select(s => s.Trim()))).ToList()).ToList();
    }

    /// <summary>Buttons anywhere in the card (card actions and action sets).</summary>
    public static IReadOnlyList<JObject> Actions(JToken card) =>
        All(card).OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true).ToList();
}
