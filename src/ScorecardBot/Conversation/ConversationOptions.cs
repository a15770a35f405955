namespace ScorecardBot.Conversation;

/// <summary>Bound from "Conversation": how long the bot remembers conversation and user state.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    /// <summary>How long state lasts after its last write; older state reads as absent and is purged.</summary>
    public TimeSpan StateExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most how often one bot instance deletes expired state, from within a write.</summary>
    public TimeSpan StatePurgeInterval { get; set; } = TimeSpan.FromMinutes(5);
}
