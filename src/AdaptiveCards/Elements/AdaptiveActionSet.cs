using Newtonsoft.Json;

namespace AdaptiveCards;

public class AdaptiveActionSet : AdaptiveElement
{
    public const string TypeName = "ActionSet";

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public List<AdaptiveAction> Actions { get; set; } = [];
}
