using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ScorecardBot.Conversation;

/// <summary>
/// Bot state as JSON the way the SDK's own storages write it: Newtonsoft with TypeNameHandling.All, so every value
/// reads back as its own type and BotState sees what it would see over MemoryStorage. Unlike theirs, this JSON may
/// name only the allowed types: a stored document cannot make the bot load or build anything else.
/// </summary>
public sealed class StateSerializer
{
    // BotState keeps each state (conversation, user, private conversation) as one of these.
    private static readonly Type[] SdkContainers = [typeof(Dictionary<string, object>)];

    private readonly JsonSerializer _serializer;

    /// <param name="stateTypes">The classes the bot keeps in state, and every collection type they hold.</param>
    public StateSerializer(IEnumerable<Type> stateTypes)
    {
        _serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.All,
            SerializationBinder = new AllowedTypes(SdkContainers.Concat(stateTypes)),
            // The SDK lifts the limit (MaxDepth = null); the bot's state is shallow, so reading it stays bounded.
            MaxDepth = 64,
        });
    }

    /// <exception cref="JsonSerializationException">The value is or holds a type that is not allowed.</exception>
    public string Serialize(object value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _serializer.Serialize(writer, value);
        return writer.ToString();
    }

    /// <exception cref="JsonException">The JSON is malformed, too deep, or names a type that is not allowed.</exception>
    public object? Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return _serializer.Deserialize(reader);
    }

    /// <summary>Maps names to allowed types only: no name read from the database is resolved by itself.</summary>
    private sealed class AllowedTypes(IEnumerable<Type> types) : ISerializationBinder
    {
        private readonly Dictionary<string, Type> _byName = types.Distinct().ToDictionary(NameOf);

        public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
        {
            var name = NameOf(serializedType);
            if (!_byName.ContainsKey(name))
            {
                throw new JsonSerializationException(
                    $"Bot state cannot hold a {serializedType}: add the type to the StateSerializer's state types.");
            }
            assemblyName = null;
            typeName = name;
        }

        public Type BindToType(string? assemblyName, string typeName)
        {
            var name = assemblyName is null ? typeName : $"{typeName}, {assemblyName}";
            return _byName.GetValueOrDefault(name)
                ?? throw new JsonSerializationException($"Stored bot state names a type it may not hold: {name}.");
        }

        // "Type, Assembly" at every level, without version, culture or key: the names Newtonsoft writes by default.
        private static string NameOf(Type type)
        {
            var name = new StringBuilder();
            var inAssemblyName = false;
            var skipping = false;
            foreach (var c in type.AssemblyQualifiedName!)
            {
                switch (c)
                {
                    case '[' or ']':
                        inAssemblyName = skipping = false;
                        name.Append(c);
                        break;
                    case ',' when !inAssemblyName:
                        inAssemblyName = true;
                        name.Append(c);
                        break;
                    case ',':
                        skipping = true;
                        break;
                    default:
                        if (!skipping) name.Append(c);
                        break;
                }
            }
            return name.ToString();
        }
    }
}
