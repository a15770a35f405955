using System.Globalization;
using Newtonsoft.Json;

namespace AdaptiveCards;

[JsonConverter(typeof(AdaptiveSchemaVersionConverter))]
public class AdaptiveSchemaVersion : IComparable<AdaptiveSchemaVersion>
{
    public AdaptiveSchemaVersion() { }

    public AdaptiveSchemaVersion(int major, int minor)
    {
        Major = major;
        Minor = minor;
    }

    public AdaptiveSchemaVersion(string versionString)
    {
        ArgumentNullException.ThrowIfNull(versionString);
        var parts = versionString.Split('.');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || (parts.Length > 1 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new AdaptiveSerializationException($"'{versionString}' is not a valid version identifier");
        }

        Major = major;
        Minor = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
    }

    public int Major { get; set; }

    public int Minor { get; set; }

    public static implicit operator AdaptiveSchemaVersion(string versionString) => new(versionString);

    public override string ToString() => $"{Major}.{Minor}";

    public override bool Equals(object? obj) => obj is AdaptiveSchemaVersion other && Major == other.Major && Minor == other.Minor;

    public override int GetHashCode() => HashCode.Combine(Major, Minor);

    public int CompareTo(AdaptiveSchemaVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var major = Major.CompareTo(other.Major);
        return major != 0 ? major : Minor.CompareTo(other.Minor);
    }

    public static bool operator ==(AdaptiveSchemaVersion? left, AdaptiveSchemaVersion? right) => Equals(left, right);

    public static bool operator !=(AdaptiveSchemaVersion? left, AdaptiveSchemaVersion? right) => !Equals(left, right);

    public static bool operator <(AdaptiveSchemaVersion left, AdaptiveSchemaVersion right) => Comparer<AdaptiveSchemaVersion>.Default.Compare(left, right) < 0;

    public static bool operator >(AdaptiveSchemaVersion left, AdaptiveSchemaVersion right) => Comparer<AdaptiveSchemaVersion>.Default.Compare(left, right) > 0;

    public static bool operator <=(AdaptiveSchemaVersion left, AdaptiveSchemaVersion right) => Comparer<AdaptiveSchemaVersion>.Default.Compare(left, right) <= 0;

    public static bool operator >=(AdaptiveSchemaVersion left, AdaptiveSchemaVersion right) => Comparer<AdaptiveSchemaVersion>.Default.Compare(left, right) >= 0;
}
