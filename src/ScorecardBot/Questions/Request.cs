using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Questions;

/// <summary>What kind of answer a request asks for.</summary>
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
    /// <summary>The measures in the statuses asked about: "which measures are off target", "anything red".</summary>
    ByStatus,
    Clarify,
    /// <summary>How up to date the figures are: when they were last submitted, and the latest month they cover.</summary>
    Freshness,
    /// <summary>What the statuses (and FYTD) mean, and how a status is worked out.</summary>
    Key,
    /// <summary>Two periods side by side, with the difference and which is better.</summary>
    Compare,
    /// <summary>What a measure is for: its intended outcome and corporate objective.</summary>
    Objective,
    /// <summary>Why a measure stands where it does: the figures behind it and the comments.</summary>
    Why,
    /// <summary>The measure furthest from its target, by the Key's own measure.</summary>
    Worst,
    /// <summary>A command lead's (or admin's) form for a month's figures.</summary>
    SubmitFigures,
    /// <summary>Who may submit figures for a command.</summary>
    WhoCanSubmit,
    /// <summary>Every saved change to a measure's figures for a month.</summary>
    History,
    /// <summary>An admin locks a month against changes.</summary>
    LockMonth,
    /// <summary>An admin unlocks a month.</summary>
    UnlockMonth,
    /// <summary>This conversation takes month-end alerts from now on.</summary>
    Subscribe,
    /// <summary>This conversation takes no more month-end alerts.</summary>
    Unsubscribe,
    /// <summary>Whether this conversation takes alerts, and what was last sent.</summary>
    AlertsStatus,
    /// <summary>An admin sees what the month-end evaluation of a month would send, and where; nothing is sent.</summary>
    PreviewAlerts,
    /// <summary>An admin runs the month-end evaluation of a month now.</summary>
    RunAlerts,
    /// <summary>What alerts were sent, to where, with what result.</summary>
    AlertsLog,
    /// <summary>Where a measure (or each measure) would finish the year at its run rate, and what the rest of the year needs.</summary>
    Projection,
    /// <summary>What changed since last month: statuses that moved, the largest movements, new comments, late figures.</summary>
    Changes,
    /// <summary>The committee pack to download, as a PDF and/or an Excel workbook, for a run of months.</summary>
    Pack,
}

/// <summary>The files the committee pack comes as.</summary>
public enum PackFormat
{
    /// <summary>For printing: PDFsharp, A4 landscape.</summary>
    Pdf,
    /// <summary>An Excel workbook (Open XML).</summary>
    Xlsx,
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
    /// <summary>Quarter <see cref="PeriodSpec.Offset"/> of the scorecard's financial year, whatever month it starts.</summary>
    Quarter,
    /// <summary>Half <see cref="PeriodSpec.Offset"/> (1 or 2) of the scorecard's financial year.</summary>
    Half,
    /// <summary>The last <see cref="PeriodSpec.Offset"/> completed financial quarters with figures ("last quarter").</summary>
    LastQuarters,
    /// <summary>In a comparison, the period of the same length just before the other one ("compare with last month").</summary>
    PreviousPeriod,
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

    /// <summary>For a year to date or a quarter: the financial year named ("2007/8"), or null for the scorecard's.</summary>
    public int? FinancialYearStart { get; init; }

    /// <summary>
    /// Months back from today for a relative month (1 = last month); how many for last months or quarters; the
    /// quarter's or half's number.
    /// </summary>
    public int Offset { get; init; }

    public bool IsStated => Kind != PeriodKind.Unspecified;
}

/// <summary>An offer when the question could mean several things: a button carrying the request it stands for.</summary>
public sealed record Choice(string Title, Request Request);

/// <summary>
/// A typed request: what is asked (the intent), about which measures, components, periods, statuses, command or
/// glossary term. Understanding a message ends in one; buttons, forms and scheduled jobs build one directly; answering
/// starts from one. <see cref="Text"/> is what the person typed, kept only to quote it back.
/// </summary>
public sealed record Request(Intent Intent, string Text)
{
    public IReadOnlyList<Measure> Measures { get; init; } = [];
    public Component? Component { get; init; }
    public PeriodSpec Period { get; init; } = PeriodSpec.Unspecified;

    /// <summary>For a comparison: the other period ("July v August": August).</summary>
    public PeriodSpec? CompareWith { get; init; }
    public Command? Command { get; init; }
    public IReadOnlySet<Status>? Statuses { get; init; }
    public GlossaryEntry? Term { get; init; }
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Said before the answer: what was not understood, and what is shown instead.</summary>
    public string? Note { get; init; }

    /// <summary>The rest of a ratio measure is asked about: calls not answered in time, BOCUs without a CTIO.</summary>
    public bool Complement { get; init; }

    /// <summary>"Scorecard with projection": the committee table gains each measure's projected year end.</summary>
    public bool Projected { get; init; }

    /// <summary>For the committee pack: the files asked for (both when none is named).</summary>
    public IReadOnlySet<PackFormat>? Formats { get; init; }

    /// <summary>Which rule of the understanding table decided this request (for tests and diagnostics).</summary>
    public string? Rule { get; init; }

    public Measure? Measure => Measures.Count == 1 ? Measures[0] : null;

    /// <summary>Whether this kind of answer is about exactly one measure: without one it cannot be answered.</summary>
    public static bool IsAboutOneMeasure(Intent intent) =>
        intent is Intent.MeasureValue or Intent.ComponentValue or Intent.Target or Intent.Trend or Intent.Compare
            or Intent.Objective;
}
