namespace AdaptiveCards;

// What FromJson produces for element types this library does not model; its properties stay in
// AdditionalProperties so the card round-trips.
public class AdaptiveUnknownElement : AdaptiveElement
{
    public override string Type { get; set; } = "";
}
