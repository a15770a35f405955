using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Questions;

/// <summary>
/// A request as a card button carries it: ids and numbers from the definition, never an English sentence for the
/// recogniser to read again. A click is answered from this alone. <see cref="ToRequest"/> checks it against the
/// scorecard as it is now, since a button may come from an old card.
/// </summary>
public sealed record RequestData
{
    /// <summary>The verb of a button that asks for an answer (a drill-down): a new card, the clicked one left as it was.</summary>
    public const string AskVerb = "ask";

    public const int CurrentVersion = 1;

    [JsonProperty("v")] public int Version { get; init; } = CurrentVersion;
    [JsonProperty("intent")] public string Intent { get; init; } = "";
    [JsonProperty("measures", NullValueHandling = NullValueHandling.Ignore)] public int[]? Measures { get; init; }
    [JsonProperty("component", NullValueHandling = NullValueHandling.Ignore)] public string? Component { get; init; }
    [JsonProperty("period", NullValueHandling = NullValueHandling.Ignore)] public PeriodData? Period { get; init; }
    [JsonProperty("compareWith", NullValueHandling = NullValueHandling.Ignore)] public PeriodData? CompareWith { get; init; }
    [JsonProperty("command", NullValueHandling = NullValueHandling.Ignore)] public string? Command { get; init; }
    [JsonProperty("statuses", NullValueHandling = NullValueHandling.Ignore)] public string[]? Statuses { get; init; }
    [JsonProperty("term", NullValueHandling = NullValueHandling.Ignore)] public string? Term { get; init; }
    [JsonProperty("complement", DefaultValueHandling = DefaultValueHandling.Ignore)] public bool Complement { get; init; }
    [JsonProperty("projected", DefaultValueHandling = DefaultValueHandling.Ignore)] public bool Projected { get; init; }

    public static RequestData From(Request request) => new()
    {
        Intent = request.Intent.ToString(),
        Measures = request.Measures.Count == 0 ? null : request.Measures.Select(m => m.Number).ToArray(),
        Component = request.Component?.Id,
        Period = request.Period.IsStated ? PeriodData.From(request.Period) : null,
        CompareWith = request.CompareWith is { } c ? PeriodData.From(c) : null,
        Command = request.Command?.Code,
        Statuses = request.Statuses?.Select(s => s.ToString()).Order(StringComparer.Ordinal).ToArray(),
        Term = request.Term?.Term,
        Complement = request.Complement,
        Projected = request.Projected,
    };

    /// <summary>The button's data: the verb and the request, as the Bot Framework serialises it.</summary>
    public JObject ToButtonData() => new() { ["verb"] = AskVerb, ["request"] = JObject.FromObject(this) };

    /// <summary>Reads a clicked button's value; null when it carries no request at all.</summary>
    public static RequestData? FromButtonValue(JObject value)
    {
        if (value["verb"]?.Type != JTokenType.String || (string?)value["verb"] != AskVerb || value["request"] is not JObject request) return null;
        try
        {
            return request.ToObject<RequestData>(JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = 8 }));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            return new RequestData { Intent = "" };
        }
    }

    /// <summary>The typed request, or null when the data no longer fits the scorecard (an unknown measure, a stale term).</summary>
    public Request? ToRequest(Vocabulary vocabulary)
    {
        var definition = vocabulary.Definition;
        if (Version != CurrentVersion || !TryParseName<Intent>(Intent, out var intent)) return null;
        // A card never carries a question still to be asked back, or one that was not understood.
        if (intent is Questions.Intent.Clarify or Questions.Intent.Unknown) return null;
        var measures = new List<Measure>();
        foreach (var number in Measures ?? [])
        {
            if (definition.FindMeasure(number) is not { } measure) return null;
            measures.Add(measure);
        }
        if (Request.IsAboutOneMeasure(intent) && measures.Count != 1) return null;
        Component? component = null;
        if (Component is not null && (component = definition.FindComponent(Component)) is null) return null;
        // A figure is answered beside its own measure: one of another measure would have nothing to stand beside.
        if (component is not null && !measures.Contains(component.Measure)) return null;
        Command? command = null;
        if (Command is not null && (command = definition.FindCommand(Command)) is null) return null;
        HashSet<Status>? statuses = null;
        if (Statuses is not null)
        {
            statuses = [];
            foreach (var s in Statuses)
            {
                if (!TryParseName<Status>(s, out var status)) return null;
                statuses.Add(status);
            }
        }
        GlossaryEntry? term = null;
        if (Term is not null && (term = vocabulary.FindTerm(Term)) is null) return null;
        var period = Period is null ? PeriodSpec.Unspecified : Period.ToSpec();
        var compare = CompareWith?.ToSpec();
        if (period is null || (CompareWith is not null && compare is null)) return null;
        return new Request(intent, "")
        {
            Measures = measures, Component = component, Period = period, CompareWith = compare, Command = command,
            Statuses = statuses, Term = term, Complement = Complement, Projected = Projected, Rule = "button",
        };
    }

    /// <summary>An enum member by its name only: Enum.TryParse also takes numbers ("5"), which no card ever sends.</summary>
    internal static bool TryParseName<T>(string? name, out T value) where T : struct, Enum
    {
        value = default;
        return name is not null && Enum.GetNames<T>().Contains(name, StringComparer.Ordinal)
            && Enum.TryParse(name, out value);
    }
}

/// <summary>A period as a button carries it.</summary>
public sealed record PeriodData
{
    [JsonProperty("kind")] public string Kind { get; init; } = "";
    [JsonProperty("text", NullValueHandling = NullValueHandling.Ignore)] public string? Text { get; init; }
    [JsonProperty("month", DefaultValueHandling = DefaultValueHandling.Ignore)] public int Month { get; init; }
    [JsonProperty("year", NullValueHandling = NullValueHandling.Ignore)] public int? Year { get; init; }
    [JsonProperty("endMonth", DefaultValueHandling = DefaultValueHandling.Ignore)] public int EndMonth { get; init; }
    [JsonProperty("endYear", NullValueHandling = NullValueHandling.Ignore)] public int? EndYear { get; init; }
    [JsonProperty("fy", NullValueHandling = NullValueHandling.Ignore)] public int? FinancialYearStart { get; init; }
    [JsonProperty("offset", DefaultValueHandling = DefaultValueHandling.Ignore)] public int Offset { get; init; }

    public static PeriodData From(PeriodSpec spec) => new()
    {
        Kind = spec.Kind.ToString(), Text = spec.Text.Length == 0 ? null : spec.Text, Month = spec.Month, Year = spec.Year,
        EndMonth = spec.EndMonth, EndYear = spec.EndYear, FinancialYearStart = spec.FinancialYearStart, Offset = spec.Offset,
    };

    public PeriodSpec? ToSpec()
    {
        if (!RequestData.TryParseName<PeriodKind>(Kind, out var kind)) return null;
        if (Month is < 0 or > 12 || EndMonth is < 0 or > 12 || Year is < 1900 or > 9999 || EndYear is < 1900 or > 9999 || Offset is < -1200 or > 1200) return null;
        return new PeriodSpec(kind, Text is { Length: <= 200 } t ? t : "")
        {
            Month = Month, Year = Year, EndMonth = EndMonth, EndYear = EndYear, FinancialYearStart = FinancialYearStart, Offset = Offset,
        };
    }
}
