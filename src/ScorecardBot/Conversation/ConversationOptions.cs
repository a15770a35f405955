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

public sealed class ConversationSettingsValidator : Extensions.SettingsValidator<ConversationOptions>
{
    protected override void Check(ConversationOptions options, Extensions.SettingsProblems problems)
    {
        if (options.StateExpiry <= TimeSpan.Zero || options.StateExpiry > TimeSpan.FromDays(3650))
            problems.Add("Conversation:StateExpiry", $"{options.StateExpiry} must be more than zero and at most 3650 days.");
        if (options.StatePurgeInterval < TimeSpan.Zero)
            problems.Add("Conversation:StatePurgeInterval", $"{options.StatePurgeInterval} cannot be negative.");
    }
}
