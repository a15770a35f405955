using System.Collections;

namespace ScorecardBot.Bot;

/// <summary>
/// The logging scope of one turn: every line logged in it, by any part of the bot, names the conversation and the
/// kind of activity (the trace and span ids come from the logging's activity tracking). Ids only, never text.
/// </summary>
public sealed class TurnScope(string? conversationId, string? activityType) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("ConversationId", conversationId),
        1 => new("ActivityType", activityType),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public int Count => 2;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"ConversationId:{conversationId} ActivityType:{activityType}";
}
