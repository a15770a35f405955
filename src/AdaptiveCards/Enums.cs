using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace AdaptiveCards;

// Every enum is written as the camelCase string the schema expects ("extraLarge", "bolder").
// Member zero is always the schema default, so properties can omit it.

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveSpacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveTextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveTextWeight
{
    Default,
    Lighter,
    Bolder,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveTextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveFontType
{
    Default,
    Monospace,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveTextBlockStyle
{
    Default,
    Heading,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveHorizontalAlignment
{
    Left,
    Center,
    Right,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveHorizontalContentAlignment
{
    Left,
    Center,
    Right,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveVerticalContentAlignment
{
    Top,
    Center,
    Bottom,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveHeightType
{
    Auto,
    Stretch,
    Pixel,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveImageStyle
{
    Default,
    Person,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}

[JsonConverter(typeof(StringEnumConverter), typeof(CamelCaseNamingStrategy))]
public enum AdaptiveAssociatedInputs
{
    Auto,
    None,
}

// Values for AdaptiveAction.Style, which the official model keeps as a string.
public static class AdaptiveActionStyle
{
    public const string Default = "default";
    public const string Positive = "positive";
    public const string Destructive = "destructive";
}
