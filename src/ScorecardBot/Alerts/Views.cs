using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Alerts;

/// <summary>One measure that slipped: its result for the month, the months before it, and its comments.</summary>
public sealed record SlippedMeasure(MeasureResult Result, IReadOnlyList<MeasureResult> Trend, IReadOnlyList<string> Comments)
{
    public Measure Measure => Result.Measure;

    /// <summary>How far outside the target, as a share of it ("12% outside"); a zero target breached has no share.</summary>
    public decimal? ShareOutside =>
        Result.Target == 0 || Result.Published is not { } value ? null
        : Math.Abs(Measure.Direction == Direction.HigherIsBetter ? Result.Target - value : value - Result.Target) / Math.Abs(Result.Target);
}

/// <summary>The month-end alert card for one conversation: the measures more than their band outside target that month.</summary>
public sealed record AlertView(YearMonth Month, IReadOnlyList<SlippedMeasure> Measures, string? Opening) : IAnswerView
{
    public string? Note => null;
}

/// <summary>A reminder to a command's lead: the month's figures are due and not yet in.</summary>
public sealed record ReminderView(Command Command, YearMonth Month, DateOnly DueOn) : IAnswerView
{
    public string? Note => null;
}

/// <summary>What an evaluation would send (or sent) to one conversation.</summary>
public sealed record PlannedDelivery(ConversationRecord Conversation, IReadOnlyList<SlippedMeasure> Alerts, IReadOnlyList<Command> Reminders);

/// <summary>"Preview alerts" or "run alerts": the month, the measures that slipped, and each conversation's share.</summary>
public sealed record AlertRunView(YearMonth Month, IReadOnlyList<SlippedMeasure> Slipped, IReadOnlyList<PlannedDelivery> Deliveries, bool Sent, string? Why) : IAnswerView
{
    public string? Note => Why;
}

/// <summary>Whether this conversation takes alerts, and whether that just changed.</summary>
public sealed record SubscriptionView(bool Subscribed, bool Changed, bool Known, string ConversationType) : IAnswerView
{
    public string? Note => null;
}

/// <summary>The latest proactive messages: to where, what, and how each delivery went.</summary>
public sealed record AlertsLogView(IReadOnlyList<AlertsLogEntry> Entries, string? Why) : IAnswerView
{
    public string? Note => Why;
}

public sealed record AlertsLogEntry(string Where, string Kind, YearMonth Month, OutboxState State, int Attempts, int? LastStatusCode, DateTime CreatedAtUtc, DateTime? SentAtUtc);
