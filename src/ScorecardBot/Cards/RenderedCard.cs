using System.Text;
using AdaptiveCards;
using Newtonsoft.Json;

namespace ScorecardBot.Cards;

/// <summary>
/// A card ready to send: the card and its compact JSON, written once with Newtonsoft (as the Bot Framework writes
/// attachments) and used both to check its size and to send it.
/// </summary>
public sealed class RenderedCard
{
    private RenderedCard(AdaptiveCard card, string json)
    {
        Card = card;
        Json = json;
    }

    public AdaptiveCard Card { get; }

    public string Json { get; }

    /// <summary>Bytes on the wire, which is what Teams' 28 KB card limit counts.</summary>
    public int WireSize => Encoding.UTF8.GetByteCount(Json);

    /// <summary>Writes the card now; change it afterwards and this is stale, so render a card only when it is finished.</summary>
    public static RenderedCard Of(AdaptiveCard card) => new(card, JsonConvert.SerializeObject(card, Formatting.None));
}
