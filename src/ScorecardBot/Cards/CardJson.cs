using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace ScorecardBot.Cards;

/// <summary>
/// Writes a card exactly as <c>JsonConvert.SerializeObject(card, Formatting.None)</c> would, character for character,
/// at a fraction of the cost. It reads the same Newtonsoft contracts (names, order, null and default handling,
/// ShouldSerialize methods, converters, extension data), so the card model's attributes stay the one description of
/// its JSON; what it saves is Newtonsoft's general machinery, which boxes and compares every property of every
/// element (a scorecard card has about 240). Values it has no fast path for (a converter other than an enum's, a
/// date, a dictionary) are handed to Newtonsoft itself. Measured (benchmarks/ScorecardBot.Benchmarks, QuestionBenchmarks):
/// the 13 KB committee card in 215 µs and 172 KB with Newtonsoft, in 60 µs and 63 KB here.
/// </summary>
public static class CardJson
{
    private const int MaxDepth = 64;
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();
    private static readonly ConcurrentDictionary<Type, ObjectPlan> Plans = new();
    private static readonly ConcurrentDictionary<(JsonConverter Converter, object Value), string> ConvertedEnums = new();
    private const int MaxKeptCapacity = 64 * 1024;
    private static StringBuilder? _spare;

    /// <summary>The compact JSON of <paramref name="value"/>: the same text as Newtonsoft's default serialisation.</summary>
    public static string Serialize(object value)
    {
        // Anyone who changes Newtonsoft's process-wide defaults gets Newtonsoft's own answer, never a different one.
        if (JsonConvert.DefaultSettings is not null) return JsonConvert.SerializeObject(value, Formatting.None);
        var text = Interlocked.Exchange(ref _spare, null) ?? new StringBuilder(16 * 1024);
        try
        {
            new Writer(text).Value(value, Serializer.ContractResolver.ResolveContract(value.GetType()), member: null, containerProperty: null, containerContract: null, depth: 0);
            return text.ToString();
        }
        finally
        {
            // One builder is kept for the next card, so a card does not allocate and grow a builder of its own.
            text.Clear();
            if (text.Capacity <= MaxKeptCapacity) _spare = text;
        }
    }

    /// <summary>How a contract's properties are written, worked out once per type.</summary>
    private sealed class ObjectPlan(JsonObjectContract contract)
    {
        public JsonObjectContract Contract { get; } = contract;

        /// <summary>
        /// A card model type, written property by property. Framework types (some carry Newtonsoft converters no
        /// contract exposes), serialisation callbacks and references are left to Newtonsoft.
        /// </summary>
        public bool Plain { get; } = IsPlain(contract);

        /// <summary>Reads the [JsonExtensionData] dictionary itself, so an empty one (nearly every element's) costs no enumerator.</summary>
        public Func<object, object?>? ExtensionData { get; } = contract.ExtensionDataGetter is null ? null : CompileExtensionDataRead(contract.UnderlyingType);

        public PropertyPlan[] Properties { get; } = !IsPlain(contract) ? [] : contract.Properties
            .Where(p => !p.Ignored && p.Readable)
            .Select(p => new PropertyPlan(p, contract))
            .ToArray();

        private static Func<object, object?>? CompileExtensionDataRead(Type type)
        {
            for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
            {
                var member = declaring
                    .GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .FirstOrDefault(m => m is PropertyInfo { CanRead: true } or FieldInfo && m.IsDefined(typeof(JsonExtensionDataAttribute), inherit: false));
                if (member is null) continue;
                var target = Expression.Parameter(typeof(object), "target");
                var read = Expression.Convert(Expression.MakeMemberAccess(Expression.Convert(target, declaring), member), typeof(object));
                return Expression.Lambda<Func<object, object?>>(read, target).Compile();
            }
            return null;
        }

        private static bool IsPlain(JsonObjectContract contract) =>
            contract.OnSerializingCallbacks.Count == 0 && contract.OnSerializedCallbacks.Count == 0 && contract.IsReference != true
            && contract.UnderlyingType.Namespace?.StartsWith("System", StringComparison.Ordinal) == false;
    }

    private enum ValueKind
    {
        Other,
        String,
        Bool,
        Enum,
    }

    private sealed class PropertyPlan
    {
        public PropertyPlan(JsonProperty property, JsonObjectContract container)
        {
            Property = property;
            NameJson = Escape(property.PropertyName!) + ":";
            IgnoreNull = (property.NullValueHandling ?? container.ItemNullValueHandling ?? NullValueHandling.Include) == NullValueHandling.Ignore;
            IgnoreDefault = (property.DefaultValueHandling ?? DefaultValueHandling.Include).HasFlag(DefaultValueHandling.Ignore);
            var required = property.Required == Required.Default ? container.ItemRequired ?? Required.Default : property.Required;
            NullForbidden = required is Required.Always or Required.DisallowNull;
            Contract = Serializer.ContractResolver.ResolveContract(property.PropertyType!);
            // Newtonsoft's default for an enum property is the boxed integer 0, compared numerically; the same
            // comparison against a boxed enum of that value is exact and cheap.
            var fallback = property.DefaultValue ?? (property.PropertyType!.IsValueType ? Activator.CreateInstance(property.PropertyType) : null);
            Default = fallback is not null && property.PropertyType!.IsEnum && fallback.GetType() != property.PropertyType
                ? Enum.ToObject(property.PropertyType, fallback)
                : fallback;
            var member = MemberOf(property);
            if (member is not null && property.Converter is null && TypedReader(property, member) is var (kind, reader))
            {
                Kind = kind;
                Reader = reader;
                EnumConverter = kind == ValueKind.Enum ? Contract.Converter : null;
                DefaultNumber = kind == ValueKind.Enum && Default is not null ? Convert.ToInt64(Default, CultureInfo.InvariantCulture) : null;
            }
            else
            {
                SkipsAsDefault = IgnoreDefault && member is not null ? CompileIsDefault(property, member, Default) : null;
            }
        }

        /// <summary>
        /// A string, bool or enum property the card model declares as such, with no converter of its own: read through a
        /// typed delegate and written directly, with no boxing (most of what a card's elements carry).
        /// </summary>
        public ValueKind Kind { get; }

        /// <summary>A <c>Func&lt;object, string?&gt;</c>, <c>Func&lt;object, bool&gt;</c> or <c>Func&lt;object, long&gt;</c>, by <see cref="Kind"/>.</summary>
        public Delegate? Reader { get; }

        /// <summary>The enum type's converter (camelCase names), asked once per value; none writes the number, as Newtonsoft does.</summary>
        public JsonConverter? EnumConverter { get; }

        public long? DefaultNumber { get; }

        private readonly string?[] _enumText = new string?[64];

        public string EnumJson(long value)
        {
            if (EnumConverter is null) return value.ToString(CultureInfo.InvariantCulture);
            if (value is >= 0 and < 64 && _enumText[value] is { } known) return known;
            var text = ConvertedEnum(EnumConverter, Enum.ToObject(Property.PropertyType!, value));
            if (value is >= 0 and < 64) _enumText[value] = text;
            return text;
        }

        private static MemberInfo? MemberOf(JsonProperty property)
        {
            if (property.DeclaringType is not { } declaring || property.UnderlyingName is not { } name) return null;
            var type = property.PropertyType!;
            return declaring
                .GetMember(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .FirstOrDefault(m => m is PropertyInfo { CanRead: true } p && p.GetIndexParameters().Length == 0 && p.PropertyType == type || m is FieldInfo f && f.FieldType == type);
        }

        private static (ValueKind, Delegate)? TypedReader(JsonProperty property, MemberInfo member)
        {
            var type = property.PropertyType!;
            var target = Expression.Parameter(typeof(object), "target");
            var read = Expression.MakeMemberAccess(Expression.Convert(target, property.DeclaringType!), member);
            if (type == typeof(string)) return (ValueKind.String, Expression.Lambda<Func<object, string?>>(read, target).Compile());
            if (type == typeof(bool)) return (ValueKind.Bool, Expression.Lambda<Func<object, bool>>(read, target).Compile());
            if (type.IsEnum) return (ValueKind.Enum, Expression.Lambda<Func<object, long>>(Expression.Convert(read, typeof(long)), target).Compile());
            return null;
        }

        /// <summary>For a value-type property left out at its default, a typed test that reads it without boxing.</summary>
        public Func<object, bool>? SkipsAsDefault { get; }

        public JsonProperty Property { get; }
        public string NameJson { get; }
        public bool IgnoreNull { get; }
        public bool IgnoreDefault { get; }
        public bool NullForbidden { get; }
        public JsonContract Contract { get; }
        public object? Default { get; }

        public bool IsDefault(object? value) => value is null ? Default is null : Default is not null && (value.Equals(Default) || NumericallyEqual(value, Default));

        /// <summary>Newtonsoft compares an integer against a differently typed integer (or a float against a float) by value.</summary>
        private static bool NumericallyEqual(object a, object b)
        {
            if (a.GetType() == b.GetType()) return false;
            if (IsInteger(a) && IsInteger(b)) return Convert.ToDecimal(a, CultureInfo.InvariantCulture) == Convert.ToDecimal(b, CultureInfo.InvariantCulture);
            if (a is double or float or decimal && b is double or float or decimal)
            {
                var x = Convert.ToDouble(a, CultureInfo.InvariantCulture);
                var y = Convert.ToDouble(b, CultureInfo.InvariantCulture);
                var tolerance = (Math.Abs(x) + Math.Abs(y) + 10.0) * 2.2204460492503131E-16;
                return x == y || (-tolerance < x - y && tolerance > x - y);
            }
            return false;
        }

        private static Func<object, bool>? CompileIsDefault(JsonProperty property, MemberInfo member, object? defaultValue)
        {
            var type = property.PropertyType!;
            if (!type.IsValueType || defaultValue is null || defaultValue.GetType() != type) return null;
            var target = Expression.Parameter(typeof(object), "target");
            var comparer = typeof(EqualityComparer<>).MakeGenericType(type);
            var equals = Expression.Call(
                Expression.Property(null, comparer.GetProperty(nameof(EqualityComparer<int>.Default))!),
                comparer.GetMethod(nameof(EqualityComparer<int>.Equals), [type, type])!,
                Expression.MakeMemberAccess(Expression.Convert(target, property.DeclaringType!), member),
                Expression.Constant(defaultValue, type));
            return Expression.Lambda<Func<object, bool>>(equals, target).Compile();
        }

        private static bool IsInteger(object value) => value is Enum or sbyte or byte or short or ushort or int or uint or long or ulong;
    }

    private sealed class Writer(StringBuilder text)
    {
        private readonly StringBuilder _text = text;

        public override string ToString() => _text.ToString();

        public void Value(object? value, JsonContract contract, JsonProperty? member, JsonProperty? containerProperty, JsonContainerContract? containerContract, int depth)
        {
            if (value is null)
            {
                _text.Append("null");
                return;
            }
            if (depth > MaxDepth) throw new JsonSerializationException($"A card nests deeper than {MaxDepth} levels; it is probably a loop.");

            var converter = member?.Converter ?? containerProperty?.ItemConverter ?? containerContract?.ItemConverter ?? contract.Converter;
            if (converter is { CanWrite: true })
            {
                Converted(converter, value);
                return;
            }

            switch (contract)
            {
                case JsonObjectContract objectContract when Plans.GetOrAdd(objectContract.UnderlyingType, _ => new ObjectPlan(objectContract)) is { Plain: true } plan:
                    Object(value, plan, member, depth);
                    return;
                case JsonArrayContract arrayContract when value is IEnumerable items && !arrayContract.IsMultidimensionalArray:
                    List(items, arrayContract, member, depth);
                    return;
                case JsonPrimitiveContract:
                    Primitive(value);
                    return;
                case JsonLinqContract:
                    Token((JToken)value);
                    return;
                default:
                    Newtonsoft(value);
                    return;
            }
        }

        private void Object(object value, ObjectPlan plan, JsonProperty? holder, int depth)
        {
            _text.Append('{');
            var first = true;
            foreach (var p in plan.Properties)
            {
                var property = p.Property;
                if (property.ShouldSerialize is { } should && !should(value)) continue;
                if (property.GetIsSpecified is { } specified && !specified(value)) continue;
                if (p.SkipsAsDefault is { } isDefault && isDefault(value)) continue;
                if (p.Kind != ValueKind.Other && holder?.ItemConverter is null && plan.Contract.ItemConverter is null)
                {
                    Typed(value, p, ref first);
                    continue;
                }

                var member = property.ValueProvider!.GetValue(value);
                if (member is null && p.IgnoreNull) continue;
                if (p.IgnoreDefault && p.IsDefault(member)) continue;
                if (member is null && p.NullForbidden) throw new JsonSerializationException($"Cannot write a card: {property.PropertyName} is required but null.");

                if (!first) _text.Append(',');
                first = false;
                _text.Append(p.NameJson);
                var contract = member is null || p.Contract.UnderlyingType.IsSealed ? p.Contract : Serializer.ContractResolver.ResolveContract(member.GetType());
                Value(member, contract, property, holder, plan.Contract, depth + 1);
            }

            var hasExtensions = plan.ExtensionData is not { } read || read(value) is not ICollection { Count: 0 };
            if (hasExtensions && plan.Contract.ExtensionDataGetter?.Invoke(value) is { } extensions)
            {
                foreach (var (key, extra) in extensions)
                {
                    var name = Convert.ToString(key, CultureInfo.InvariantCulture)!;
                    if (plan.Contract.ExtensionDataNameResolver is { } resolve) name = resolve(name);
                    if (!first) _text.Append(',');
                    first = false;
                    _text.Append(Escape(name)).Append(':');
                    Value(extra, Serializer.ContractResolver.ResolveContract(extra?.GetType() ?? typeof(object)), null, holder, plan.Contract, depth + 1);
                }
            }
            _text.Append('}');
        }

        /// <summary>A string, bool or enum property, read and written without boxing, with Newtonsoft's null and default rules.</summary>
        private void Typed(object value, PropertyPlan p, ref bool first)
        {
            switch (p.Kind)
            {
                case ValueKind.String:
                    var text = ((Func<object, string?>)p.Reader!)(value);
                    if (text is null)
                    {
                        if (p.IgnoreNull || (p.IgnoreDefault && p.Default is null)) return;
                        if (p.NullForbidden) throw new JsonSerializationException($"Cannot write a card: {p.Property.PropertyName} is required but null.");
                    }
                    else if (p.IgnoreDefault && p.Default is string defaultText && defaultText == text)
                    {
                        return;
                    }
                    Name(p, ref first);
                    if (text is null) _text.Append("null");
                    else AppendEscaped(_text, text);
                    return;
                case ValueKind.Bool:
                    var flag = ((Func<object, bool>)p.Reader!)(value);
                    if (p.IgnoreDefault && p.Default is bool defaultFlag && defaultFlag == flag) return;
                    Name(p, ref first);
                    _text.Append(flag ? "true" : "false");
                    return;
                default:
                    var number = ((Func<object, long>)p.Reader!)(value);
                    if (p.IgnoreDefault && p.DefaultNumber == number) return;
                    Name(p, ref first);
                    _text.Append(p.EnumJson(number));
                    return;
            }
        }

        private void Name(PropertyPlan p, ref bool first)
        {
            if (!first) _text.Append(',');
            first = false;
            _text.Append(p.NameJson);
        }

        private void List(IEnumerable items, JsonArrayContract contract, JsonProperty? member, int depth)
        {
            _text.Append('[');
            var first = true;
            foreach (var item in items)
            {
                if (!first) _text.Append(',');
                first = false;
                var itemContract = item is null ? null : Serializer.ContractResolver.ResolveContract(item.GetType());
                if (itemContract is null) _text.Append("null");
                else Value(item, itemContract, null, member, contract, depth + 1);
            }
            _text.Append(']');
        }

        private void Primitive(object value)
        {
            switch (value)
            {
                case string s:
                    AppendEscaped(_text, s);
                    return;
                case bool b:
                    _text.Append(b ? "true" : "false");
                    return;
                case int i:
                    _text.Append(i);
                    return;
                case long l:
                    _text.Append(l);
                    return;
                case double d when double.IsFinite(d):
                    _text.Append(JsonConvert.ToString(d));
                    return;
                case decimal m:
                    _text.Append(JsonConvert.ToString(m));
                    return;
                default:
                    Newtonsoft(value);
                    return;
            }
        }

        private void Token(JToken token)
        {
            switch (token)
            {
                case JObject o:
                    _text.Append('{');
                    var first = true;
                    foreach (var property in o.Properties())
                    {
                        if (!first) _text.Append(',');
                        first = false;
                        AppendEscaped(_text, property.Name);
                        _text.Append(':');
                        Token(property.Value);
                    }
                    _text.Append('}');
                    return;
                case JArray a:
                    _text.Append('[');
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (i > 0) _text.Append(',');
                        Token(a[i]);
                    }
                    _text.Append(']');
                    return;
                case JValue { Type: JTokenType.String, Value: string s }:
                    AppendEscaped(_text, s);
                    return;
                case JValue { Type: JTokenType.Integer or JTokenType.Boolean, Value: long or int or bool } v:
                    Primitive(v.Value!);
                    return;
                case JValue { Type: JTokenType.Null }:
                    _text.Append("null");
                    return;
                default:
                    var writer = Fallback();
                    token.WriteTo(writer);
                    writer.Flush();
                    return;
            }
        }

        /// <summary>An enum's converter is asked once per value and remembered; any other converter writes every time.</summary>
        private void Converted(JsonConverter converter, object value)
        {
            if (value is Enum)
            {
                _text.Append(ConvertedEnum(converter, value));
                return;
            }
            Converter(converter, value);
        }

        public void Converter(JsonConverter converter, object value)
        {
            var writer = Fallback();
            converter.WriteJson(writer, value, Serializer);
            writer.Flush();
        }

        private void Newtonsoft(object value)
        {
            var writer = Fallback();
            Serializer.Serialize(writer, value);
            writer.Flush();
        }

        /// <summary>A Newtonsoft writer appending to the same text, for one complete value, as at the top level.</summary>
        private JsonTextWriter Fallback() =>
            new(new StringWriter(_text, CultureInfo.InvariantCulture)) { Formatting = Formatting.None, CloseOutput = false };
    }

    private static string ConvertedEnum(JsonConverter converter, object value) =>
        ConvertedEnums.GetOrAdd((converter, value), key =>
        {
            var once = new Writer(new StringBuilder());
            once.Converter(key.Converter, key.Value);
            return once.ToString();
        });

    private static string Escape(string s)
    {
        var text = new StringBuilder(s.Length + 2);
        AppendEscaped(text, s);
        return text.ToString();
    }

    /// <summary>Newtonsoft's default escaping: quotes, backslash, control characters, U+0085, U+2028 and U+2029; all else as is.</summary>
    private static void AppendEscaped(StringBuilder text, string s)
    {
        text.Append('"');
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c >= ' ' && c != '"' && c != '\\' && c != '\u0085' && c != '\u2028' && c != '\u2029') continue;
            text.Append(s, start, i - start);
            start = i + 1;
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default: text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }
        text.Append(s, start, s.Length - start).Append('"');
    }
}
