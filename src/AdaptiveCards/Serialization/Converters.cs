using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdaptiveCards;

// Reading only: picks the concrete class from "type". Writing is Newtonsoft's default, which
// already uses each object's runtime type.
internal sealed class AdaptiveTypedElementConverter : JsonConverter
{
    private static readonly Lazy<Dictionary<string, Type>> KnownTypes = new(() =>
        typeof(AdaptiveTypedElement).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(AdaptiveTypedElement).IsAssignableFrom(t))
            .Select(t => (Type: t, Name: t.GetField("TypeName", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)?.GetRawConstantValue() as string))
            .Where(x => x.Name is not null)
            .ToDictionary(x => x.Name!, x => x.Type));

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => typeof(AdaptiveTypedElement).IsAssignableFrom(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var json = JObject.Load(reader);
        var target = ResolveType(objectType, json.Value<string>("type"));
        var element = (AdaptiveTypedElement)Activator.CreateInstance(target)!;
        serializer.Populate(json.CreateReader(), element);
        return element;
    }

    internal static Type ResolveType(Type requested, string? typeName)
    {
        if (!requested.IsAbstract)
        {
            return requested;
        }

        if (typeName is not null && KnownTypes.Value.TryGetValue(typeName, out var known) && requested.IsAssignableFrom(known))
        {
            return known;
        }

        var isAction = typeof(AdaptiveAction).IsAssignableFrom(requested)
            || (typeName?.StartsWith("Action.", StringComparison.Ordinal) ?? false);
        return isAction ? typeof(AdaptiveUnknownAction) : typeof(AdaptiveUnknownElement);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException();
}

internal sealed class AdaptiveFallbackConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(AdaptiveFallbackElement);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        var fallback = (AdaptiveFallbackElement?)value;
        switch (fallback?.Type)
        {
            case AdaptiveFallbackElement.AdaptiveFallbackType.Drop:
                writer.WriteValue(AdaptiveFallbackElement.drop);
                break;
            case AdaptiveFallbackElement.AdaptiveFallbackType.Content when fallback.Content is not null:
                serializer.Serialize(writer, fallback.Content);
                break;
            default:
                writer.WriteNull();
                break;
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.String when (string?)reader.Value == AdaptiveFallbackElement.drop:
                return new AdaptiveFallbackElement(AdaptiveFallbackElement.AdaptiveFallbackType.Drop);
            case JsonToken.StartObject:
                var content = serializer.Deserialize<AdaptiveTypedElement>(reader)!;
                return new AdaptiveFallbackElement(content);
            default:
                throw new AdaptiveSerializationException("The only valid string value for the fallback property is 'drop'.");
        }
    }
}

internal sealed class AdaptiveSchemaVersionConverter : JsonConverter<AdaptiveSchemaVersion>
{
    public override void WriteJson(JsonWriter writer, AdaptiveSchemaVersion? value, JsonSerializer serializer) =>
        writer.WriteValue(value?.ToString());

    public override AdaptiveSchemaVersion? ReadJson(JsonReader reader, Type objectType, AdaptiveSchemaVersion? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.Value is null ? null : new AdaptiveSchemaVersion(Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture)!);
}

internal sealed class AdaptiveHeightConverter : JsonConverter<AdaptiveHeight>
{
    public override void WriteJson(JsonWriter writer, AdaptiveHeight? value, JsonSerializer serializer) =>
        writer.WriteValue(value?.ToString());

    public override AdaptiveHeight? ReadJson(JsonReader reader, Type objectType, AdaptiveHeight? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        new(Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture));
}
