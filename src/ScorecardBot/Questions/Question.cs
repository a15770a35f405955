using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Questions;

public enum Intent
{
    Unknown,
    Help,
    Greeting,
    Glossary,
    MeasureValue,
    ComponentValue,
    Target,
    Trend,
    Comments,
    Scorecard,
    Exceptions,
    Clarify,
    /// <summary>How up to date the figures are: when they were last submitted, and the latest month they cover.</summary>
    Freshness,
    /// <summary>What the statuses (and FYTD) mean, and how a status is worked out.</summary>
    Key,
}

public enum PeriodKind
{
    /// <summary>Nothing said: the latest month with figures.</summary>
    Unspecified,
    Latest,
    Month,
    Range,
    YearToDate,
    /// <summary>Relative to today ("last month", "this month").</summary>
    RelativeMonth,
    /// <summary>The last N months that have figures.</summary>
    LastMonths,
    /// <summary>From a month to the latest month with figures ("since June", "June onwards").</summary>
    Since,
    /// <summary>The financial-year quarter that holds the latest month with figures ("this quarter").</summary>
    ThisQuarter,
    /// <summary>The financial year's months before a month ("before August").</summary>
    Before,
}

/// <summary>
/// A period as the user said it, before it meets the data: "July" has no year until we know which July has figures.
/// </summary>
public sealed record PeriodSpec(PeriodKind Kind, string Text)
{
    public static PeriodSpec Unspecified { get; } = new(PeriodKind.Unspecified, "");

    /// <summary>For <see cref="PeriodKind.Month"/>: the month number; for a range, the start's.</summary>
    public int Month { get; init; }
    public int? Year { get; init; }

    /// <summary>For <see cref="PeriodKind.Range"/>: the end month.</summary>
    public int EndMonth { get; init; }
    public int? EndYear { get; init; }

    /// <summary>For <see cref="PeriodKind.YearToDate"/>: the financial year named ("2007/8"), or null for the current one.</summary>
    public int? FinancialYearStart { get; init; }

    /// <summary>For <see cref="PeriodKind.RelativeMonth"/>: months back from today (1 = last month). For LastMonths: how many.</summary>
    public int Offset { get; init; }

    public bool IsStated => Kind != PeriodKind.Unspecified;
}

/// <summary>An offer when the question could mean several things: a button that asks the question again, precisely.</summary>
public sealed record Choice(string Title, string Question);

public sealed record Question(Intent Intent, string Text)
{
    public IReadOnlyList<Measure> Measures { get; init; } = [];
    public Component? Component { get; init; }
    public PeriodSpec Period { get; init; } = PeriodSpec.Unspecified;
    public Command? Command { get; init; }
    public IReadOnlySet<Status>? Statuses { get; init; }
    public GlossaryEntry? Term { get; init; }
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Said before the choices when asking back, e.g. that the measure number asked for does not exist.</summary>
    public string? Note { get; init; }

    /// <summary>The rest of a ratio measure is asked about: calls not answered in time, BOCUs without a CTIO.</summary>
    public bool Complement { get; init; }

    public Measure? Measure => Measures.Count == 1 ? Measures[0] : null;
}
