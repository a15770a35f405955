using System.ComponentModel;
using Newtonsoft.Json;

namespace AdaptiveCards;

public abstract class AdaptiveAction : AdaptiveTypedElement
{
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Title { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? IconUrl { get; set; }

    // A string, as in the official model: "default", "positive" or "destructive" (see AdaptiveActionStyle).
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.IgnoreAndPopulate)]
    [DefaultValue(AdaptiveActionStyle.Default)]
    public string Style { get; set; } = AdaptiveActionStyle.Default;
}

public class AdaptiveSubmitAction : AdaptiveAction
{
    public const string TypeName = "Action.Submit";

    public override string Type { get; set; } = TypeName;

    // Merged with the input values and sent back to the bot, e.g. new { command = "submit" }.
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public object? Data { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveAssociatedInputs AssociatedInputs { get; set; }
}

// Universal Actions: Teams sends an adaptiveCard/action invoke carrying Verb and Data.
public class AdaptiveExecuteAction : AdaptiveAction
{
    public const string TypeName = "Action.Execute";

    public override string Type { get; set; } = TypeName;

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Verb { get; set; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public object? Data { get; set; }

    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
    public AdaptiveAssociatedInputs AssociatedInputs { get; set; }
}

public class AdaptiveOpenUrlAction : AdaptiveAction
{
    public const string TypeName = "Action.OpenUrl";

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public Uri? Url { get; set; }

    [JsonIgnore]
    public string? UrlString
    {
        get => Url?.ToString();
        set => Url = value is null ? null : new Uri(value);
    }
}

public class AdaptiveShowCardAction : AdaptiveAction
{
    public const string TypeName = "Action.ShowCard";

    public override string Type { get; set; } = TypeName;

    [JsonRequired]
    public AdaptiveCard? Card { get; set; }
}

public class AdaptiveUnknownAction : AdaptiveAction
{
    public override string Type { get; set; } = "";
}
