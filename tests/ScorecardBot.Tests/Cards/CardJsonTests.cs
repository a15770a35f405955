using System.Collections;
using System.Reflection;
using AdaptiveCards;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Answers;
using ScorecardBot.Cards;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Cards;

/// <summary>The fast card writer must write exactly what Newtonsoft writes: for every card the bot sends, and for every element type with every property set.</summary>
public sealed class CardJsonTests
{
    private static readonly string[] QuestionList =
    [
        "CTIO coverage in July", "SNT briefing FYTD", "how many IED calls in August", "scorecard june to august", "scorecard for July",
        "latest scorecard", "scorecard for CTC", "which measures are off target", "exceptions in August", "what does BOCU stand for",
        "glossary", "hotline trend", "target for ctio coverage", "comments on hotline", "comments on snt briefings", "measure 4 in june",
        "royal residence intrusions", "help", "hello", "coverage", "measure 9", "xyzzy plugh", "scorecard for March 2009", "ctio coverage in may",
    ];

    public static TheoryData<string> Questions => new(QuestionList);

    [Theory]
    [MemberData(nameof(Questions))]
    public void Writes_every_answer_card_exactly_as_Newtonsoft_does(string question)
    {
        var rendered = Answerer.Answer(ShippedScorecard.Recognizer.Recognize(question), Seeded);

        Assert.Equal(JsonConvert.SerializeObject(rendered.Card, Formatting.None), rendered.Json);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Writes_every_answer_card_with_no_figures_exactly_as_Newtonsoft_does(string question)
    {
        var rendered = Answerer.Answer(ShippedScorecard.Recognizer.Recognize(question), Empty);

        Assert.Equal(JsonConvert.SerializeObject(rendered.Card, Formatting.None), rendered.Json);
    }

    [Fact]
    public void Writes_the_welcome_card_exactly_as_Newtonsoft_does()
    {
        var card = HelpCard.Welcome(ShippedScorecard.Definition);

        Assert.Equal(JsonConvert.SerializeObject(card, Formatting.None), CardJson.Serialize(card));
    }

    public static TheoryData<string> ElementTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ElementTypeList()) data.Add(type.FullName!);
        return data;
    }

    /// <summary>Every property set away from its default (and every list given an item), so nothing is left out on either side.</summary>
    [Theory]
    [MemberData(nameof(ElementTypes))]
    public void Writes_every_element_type_with_every_property_set_exactly_as_Newtonsoft_does(string typeName)
    {
        var element = Populated(ElementTypeList().Single(t => t.FullName == typeName), depth: 0)!;

        var expected = JsonConvert.SerializeObject(element, Formatting.None);

        Assert.Equal(expected, CardJson.Serialize(element));
        if (element is AdaptiveTypedElement) Assert.True(expected.Length > 60, expected);
    }

    [Fact]
    public void Escapes_every_character_as_Newtonsoft_does()
    {
        var all = new string(Enumerable.Range(0, 0x3000).Select(i => (char)i).ToArray()) + "\uD83D\uDE00 \uD800 lone \uDFFF \uFEFF \uFFFF";
        var card = new AdaptiveCard(CardParts.Version) { Speak = all, Body = { new AdaptiveTextBlock(all) { Id = "\"quoted\" \\ back\u2028" } } };
        card.AdditionalProperties["msteams\n\"key\""] = new JObject { ["width\u0085"] = all };

        Assert.Equal(JsonConvert.SerializeObject(card, Formatting.None), CardJson.Serialize(card));
    }

    [Fact]
    public void Writes_extension_data_tokens_and_numbers_as_Newtonsoft_does()
    {
        var card = new AdaptiveCard(CardParts.Version) { Body = { new AdaptiveTextBlock("x") { Height = AdaptiveHeight.Stretch } } };
        card.AdditionalProperties["msteams"] = new JObject
        {
            ["width"] = "Full",
            ["n"] = 42,
            ["big"] = long.MaxValue,
            ["float"] = 2.5,
            ["whole float"] = 3.0,
            ["tiny"] = 1e-30,
            ["money"] = 12.50m,
            ["flag"] = false,
            ["nothing"] = null,
            ["when"] = new DateTime(2007, 7, 31, 23, 59, 0, DateTimeKind.Utc),
            ["id"] = Guid.Empty,
            ["nested"] = new JArray(1, "two", new JObject { ["three"] = new JArray() }),
        };
        card.AdditionalProperties["anonymous"] = new { width = "Full", count = 3, ratio = 0.88m, at = new DateTimeOffset(2007, 7, 1, 0, 0, 0, TimeSpan.FromHours(1)) };
        card.AdditionalProperties["list"] = new List<object?> { 1, null, "x", 1.5, AdaptiveTextColor.Good };
        card.AdditionalProperties["dictionary"] = new Dictionary<string, object> { ["a"] = 1, ["b"] = new[] { "c" } };
        card.AdditionalProperties["nan"] = double.NaN;
        card.Actions.Add(new AdaptiveSubmitAction { Title = "Go", Data = new JObject { ["question"] = "scorecard for July" } });
        card.Actions.Add(new AdaptiveSubmitAction { Title = "Raw", Data = new { question = "help", n = 1 } });

        Assert.Equal(JsonConvert.SerializeObject(card, Formatting.None), CardJson.Serialize(card));
    }

    [Fact]
    public void Refuses_a_missing_required_value_as_Newtonsoft_does()
    {
        var card = new AdaptiveCard(CardParts.Version) { Body = { new AdaptiveTextBlock("x") { Type = null! } } };

        Assert.Throws<JsonSerializationException>(() => JsonConvert.SerializeObject(card, Formatting.None));
        Assert.Throws<JsonSerializationException>(() => CardJson.Serialize(card));
    }

    [Fact]
    public void Refuses_a_card_that_contains_itself()
    {
        var container = new AdaptiveContainer();
        container.Items.Add(container);
        var card = new AdaptiveCard(CardParts.Version) { Body = { container } };

        Assert.Throws<JsonSerializationException>(() => CardJson.Serialize(card));
    }

    [Fact]
    public void Writes_the_same_text_from_many_threads_at_once()
    {
        var cards = QuestionList.Select(q => Answerer.Answer(ShippedScorecard.Recognizer.Recognize(q), Seeded).Card).ToList();
        var expected = cards.Select(c => JsonConvert.SerializeObject(c, Formatting.None)).ToList();

        var mismatches = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (CardJson.Serialize(cards[i % cards.Count]) != expected[i % cards.Count]) Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(0, mismatches);
    }

    private static readonly QuestionAnswerer Answerer = new(
        new FakeTimeProvider(new DateTimeOffset(2007, 9, 10, 9, 0, 0, TimeSpan.FromHours(1))), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    private static ScorecardSnapshot Seeded { get; } = SeededSnapshot();

    private static ScorecardSnapshot Empty { get; } = new(ShippedScorecard.Definition, FigureSet.Empty, default);

    private static ScorecardSnapshot SeededSnapshot()
    {
        var seed = SeedData.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.seed.json")), ShippedScorecard.Definition);
        var submitted = seed.Figures.Select(f => f with { SubmittedAtUtc = new DateTime(2007, 9, 3, 8, 30, 0, DateTimeKind.Utc), SubmittedBy = SeedData.ImportedBy });
        return new ScorecardSnapshot(ShippedScorecard.Definition, new FigureSet(submitted, seed.Comments), new StoreVersion(1, 1));
    }

    private static IEnumerable<Type> ElementTypeList() =>
        new[] { typeof(AdaptiveCard).Assembly, typeof(CardJson).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsPublic: true } && (typeof(AdaptiveTypedElement).IsAssignableFrom(t) || t.Namespace == "AdaptiveCards" && t.GetConstructor(Type.EmptyTypes) is not null && t.GetProperties().Any(p => p.CanWrite)))
            .Where(t => !typeof(Exception).IsAssignableFrom(t) && t != typeof(AdaptiveCardParseResult))
            .OrderBy(t => t.FullName);

    private static object? Populated(Type type, int depth)
    {
        if (type == typeof(AdaptiveCard)) return Fill(new AdaptiveCard(CardParts.Version), depth);
        if (type == typeof(AdaptiveSchemaVersion)) return new AdaptiveSchemaVersion(1, 4);
        if (type == typeof(AdaptiveHeight)) return new AdaptiveHeight(40);
        if (type == typeof(AdaptiveFallbackElement)) return depth > 1 ? new AdaptiveFallbackElement(AdaptiveFallbackElement.AdaptiveFallbackType.Drop) : new AdaptiveFallbackElement(new AdaptiveTextBlock("fallback"));
        if (type.IsAbstract) return depth > 2 ? null : Populated(ElementTypeList().FirstOrDefault(t => type.IsAssignableFrom(t) && t != typeof(AdaptiveCard)) ?? throw new InvalidOperationException($"No concrete {type}"), depth);
        var constructor = type.GetConstructor(Type.EmptyTypes);
        if (constructor is null)
        {
            // Records such as ChartPoint: every constructor argument populated.
            var primary = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            return primary.Invoke(primary.GetParameters().Select(p => Value(p.ParameterType, depth + 1)).ToArray());
        }
        return Fill(constructor.Invoke(null), depth);
    }

    private static object Fill(object target, int depth)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null) continue;
            if (property.Name == nameof(AdaptiveTypedElement.Type)) continue;
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>) && property.GetValue(target) is IList list)
            {
                if (depth < 3 && Value(property.PropertyType.GetGenericArguments()[0], depth + 1) is { } item) list.Add(item);
                continue;
            }
            if (property.Name == nameof(AdaptiveTypedElement.AdditionalProperties) && property.GetValue(target) is IDictionary<string, object> extras)
            {
                extras["msteams"] = new JObject { ["width"] = "Full" };
                continue;
            }
            if (!property.CanWrite || property.SetMethod?.IsPublic != true) continue;
            if (Value(property.PropertyType, depth + 1) is { } value) property.SetValue(target, value);
        }
        return target;
    }

    private static object? Value(Type type, int depth)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null) return Value(nullable, depth);
        if (type == typeof(string)) return "text with \"quotes\" · and a\nnewline";
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 3;
        if (type == typeof(uint)) return 4u;
        if (type == typeof(long)) return 5L;
        if (type == typeof(double)) return 2.5;
        if (type == typeof(decimal)) return 88.5m;
        if (type == typeof(Uri)) return new Uri("https://example.org/a?b=c");
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type == typeof(object) || type == typeof(JObject) || type == typeof(JToken)) return new JObject { ["question"] = "help" };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            if (depth < 4 && Value(type.GetGenericArguments()[0], depth + 1) is { } item) list.Add(item);
            return list;
        }
        return depth > 4 ? null : Populated(type, depth);
    }
}
