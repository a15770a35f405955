using System.Globalization;
using Newtonsoft.Json;

namespace AdaptiveCards;

[JsonConverter(typeof(AdaptiveHeightConverter))]
public class AdaptiveHeight : IEquatable<AdaptiveHeight>
{
    public static AdaptiveHeight Auto { get; } = new(AdaptiveHeightType.Auto);

    public static AdaptiveHeight Stretch { get; } = new(AdaptiveHeightType.Stretch);

    public AdaptiveHeight() { }

    public AdaptiveHeight(AdaptiveHeightType heightType)
    {
        HeightType = heightType;
    }

    public AdaptiveHeight(uint px)
    {
        HeightType = AdaptiveHeightType.Pixel;
        Unit = px;
    }

    public AdaptiveHeight(string? value)
    {
        if (value is null)
        {
            HeightType = AdaptiveHeightType.Auto;
        }
        else if (uint.TryParse(value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value, NumberStyles.None, CultureInfo.InvariantCulture, out var px))
        {
            HeightType = AdaptiveHeightType.Pixel;
            Unit = px;
        }
        else
        {
            HeightType = Enum.Parse<AdaptiveHeightType>(value, ignoreCase: true);
        }
    }

    public AdaptiveHeightType HeightType { get; set; }

    public uint? Unit { get; set; }

    public bool IsPixel() => HeightType == AdaptiveHeightType.Pixel;

    public bool ShouldSerializeAdaptiveHeight() =>
        HeightType switch
        {
            AdaptiveHeightType.Auto => false,
            AdaptiveHeightType.Pixel => Unit is > 0,
            _ => true,
        };

    public static implicit operator AdaptiveHeight(AdaptiveHeightType value) => new(value);

    public static implicit operator AdaptiveHeight(uint value) => new(value);

    public static implicit operator AdaptiveHeight(string value) => new(value);

    public bool Equals(AdaptiveHeight? other) =>
        other is not null && HeightType == other.HeightType && (HeightType != AdaptiveHeightType.Pixel || Unit == other.Unit);

    public override bool Equals(object? obj) => Equals(obj as AdaptiveHeight);

    public override int GetHashCode() => HashCode.Combine(HeightType, Unit);

    public static bool operator ==(AdaptiveHeight? left, AdaptiveHeight? right) => Equals(left, right);

    public static bool operator !=(AdaptiveHeight? left, AdaptiveHeight? right) => !Equals(left, right);

    public override string ToString() =>
        HeightType switch
        {
            AdaptiveHeightType.Stretch => "stretch",
            AdaptiveHeightType.Auto => "auto",
            _ => $"{Unit}px",
        };
}
