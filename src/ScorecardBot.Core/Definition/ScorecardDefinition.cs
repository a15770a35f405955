using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Definition;

public enum Direction { HigherIsBetter, LowerIsBetter }

public enum Unit { Percent, Count }

/// <summary>How a component's monthly figures combine over several months.</summary>
public enum Aggregation
{
    /// <summary>A flow: calls received, briefings given. A range is the sum of its months.</summary>
    Sum,
    /// <summary>A stock: BOCUs that have a CTIO. A range is its last month.</summary>
    Latest,
}

public sealed record Command(string Code, string Name);

public sealed record Component(
    string Id,
    string Name,
    Aggregation Aggregation,
    long? Max,
    bool ReportedOnly,
    IReadOnlyList<string> Aliases)
{
    public Measure Measure { get; internal set; } = null!;
}

/// <summary>How a measure's value is computed from its components.</summary>
public abstract record ValueFormula(string Basis)
{
    public abstract IEnumerable<string> ComponentIds { get; }
}

/// <summary>A percentage: numerator ÷ denominator, where the denominator is a component or a fixed number (33 BOCUs).</summary>
public sealed record RatioFormula(string Basis, string Numerator, string? Denominator, long? DenominatorConstant) : ValueFormula(Basis)
{
    public override IEnumerable<string> ComponentIds => Denominator is null ? [Numerator] : [Numerator, Denominator];
}

/// <summary>A plain count of one component (intrusions).</summary>
public sealed record CountFormula(string Basis, string Component) : ValueFormula(Basis)
{
    public override IEnumerable<string> ComponentIds => [Component];
}

/// <summary>Which period a target is set for: a rate or level applies to any period as it is; a count per month or
/// per year is scaled to the months compared with it ("no more than 40 a month" is 120 for a quarter).</summary>
public enum TargetPer { Level, Month, Year }

public sealed record Target(decimal Value, string Text, TargetPer Per = TargetPer.Level)
{
    /// <summary>The target for a period of <paramref name="months"/> months: a level as it is; per month × months;
    /// per year pro rata (months ÷ 12).</summary>
    public decimal For(int months) => Per switch
    {
        TargetPer.Month => Value * months,
        TargetPer.Year => Value * months / 12,
        _ => Value,
    };
}

public sealed record Measure(
    int Number,
    string Title,
    string ShortName,
    IReadOnlyList<string> Aliases,
    Command Command,
    IReadOnlyList<Component> Components,
    ValueFormula Value,
    Target Target,
    Unit Unit,
    Direction Direction,
    decimal Tolerance,
    int Decimals)
{
    public Outcome? Outcome { get; internal set; }

    /// <summary>The scorecard's Key: its words for each status, read from the definition.</summary>
    public KeyWords Key { get; internal set; } = KeyWords.Paper;

    /// <summary>The Key's label for a status of this measure, with this measure's own tolerance band.</summary>
    public string Label(Status status) => Key.Label(status, Tolerance);

    public Component? FindComponent(string id)
    {
        foreach (var c in Components)
        {
            if (c.Id == id) return c;
        }
        return null;
    }

    public string FormatValue(decimal published) =>
        Unit == Unit.Percent ? $"{published.ToString($"F{Decimals}", System.Globalization.CultureInfo.InvariantCulture)}%"
                             : published.ToString($"F{Decimals}", System.Globalization.CultureInfo.InvariantCulture);

    public string TargetLabel => Unit == Unit.Percent ? FormatValue(Target.Value) : FormatCount(Target.Value);

    /// <summary>The target for a period: "85%", "0", or for a count per month over a quarter "120 (40 a month)".</summary>
    public string TargetLabelFor(MonthRange period)
    {
        var label = TargetLabel;
        if (Target.Per == TargetPer.Level || Target.Value == 0) return label;
        var scaled = Target.For(period.Length);
        var per = Target.Per == TargetPer.Month ? "a month" : "a year";
        return Target.Per == TargetPer.Month && period.Length == 1 || Target.Per == TargetPer.Year && period.Length == 12
            ? $"{label} {per}"
            : $"{FormatCount(scaled)} ({label} {per})";
    }

    private static string FormatCount(decimal value) =>
        decimal.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{Number} {ShortName}";
}

public sealed record Outcome(string Id, string Title, IReadOnlyList<int> MeasureNumbers)
{
    public Objective Objective { get; internal set; } = null!;
}

public sealed record Objective(string Id, string Title, IReadOnlyList<string> IntendedOutcomes, IReadOnlyList<Outcome> Outcomes);

public sealed record GlossaryEntry(string Term, string Meaning);

/// <summary>One financial year's scorecard: what is measured, by whom, against what target. Loaded from data, never code.</summary>
public sealed class ScorecardDefinition
{
    private readonly Dictionary<int, Measure> _byNumber;
    private readonly Dictionary<string, Component> _components;
    private readonly Dictionary<string, Command> _commands;

    internal ScorecardDefinition(
        string id,
        string title,
        string organisation,
        FinancialYear financialYear,
        IReadOnlyList<Command> commands,
        IReadOnlyList<Objective> objectives,
        IReadOnlyList<Measure> measures,
        IReadOnlyList<GlossaryEntry> glossary,
        KeyWords key)
    {
        Key = key;
        Id = id;
        Title = title;
        Organisation = organisation;
        FinancialYear = financialYear;
        Commands = commands;
        Objectives = objectives;
        Measures = measures;
        Glossary = glossary;
        _byNumber = measures.ToDictionary(m => m.Number);
        _components = measures.SelectMany(m => m.Components).ToDictionary(c => c.Id, StringComparer.Ordinal);
        _commands = commands.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }

    public string Id { get; }
    public string Title { get; }
    public string Organisation { get; }
    public FinancialYear FinancialYear { get; }
    public IReadOnlyList<Command> Commands { get; }
    public IReadOnlyList<Objective> Objectives { get; }
    public IReadOnlyList<Measure> Measures { get; }
    public IReadOnlyList<GlossaryEntry> Glossary { get; }

    /// <summary>The Key's words: status labels, and what the year-to-date column is called.</summary>
    public KeyWords Key { get; }
    public IEnumerable<Component> Components => _components.Values;

    /// <summary>
    /// The Key's label for a status, for the scorecard as a whole: with the band every measure shares, or the words
    /// "its band" where measures differ, so no label ever prints a band a measure does not have.
    /// </summary>
    public string KeyLabel(Status status)
    {
        var bands = Measures.Select(m => m.Tolerance).Distinct().ToList();
        if (bands.Count == 1) return Key.Label(status, bands[0]);
        return status is Status.WithinTolerance or Status.OutsideTolerance
            ? (status == Status.WithinTolerance ? Key.WithinTolerance : Key.OutsideTolerance)
                .Replace(KeyWords.TolerancePlaceholder, "its band", StringComparison.Ordinal)
            : Key.Label(status, 0);
    }

    public Measure? FindMeasure(int number) => _byNumber.GetValueOrDefault(number);

    public Measure GetMeasure(int number) =>
        FindMeasure(number) ?? throw new KeyNotFoundException($"Scorecard {Id} has no measure {number}.");

    public Component? FindComponent(string id) => _components.GetValueOrDefault(id);

    public Command? FindCommand(string code) => _commands.GetValueOrDefault(code);
}
