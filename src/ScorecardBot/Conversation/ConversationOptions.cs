namespace ScorecardBot.Conversation;

/// <summary>Bound from "Conversation": how long the bot remembers conversation and user state.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    /// <summary>How long state lasts after its last write; older state reads as absent and is purged.</summary>
    public TimeSpan StateExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>At most how often one bot instance deletes expired state, from within a write.</summary>
    public TimeSpan StatePurgeInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a turn's state is written behind it, by one background writer in batches (see WriteBehindStateStore),
    /// rather than during the turn.
    /// </summary>
    public bool WriteBehind { get; set; } = true;

    /// <summary>How long the writer waits after a write before it writes, gathering other turns' writes with it.</summary>
    public TimeSpan WriteBehindDelay { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>When this many state documents are waiting for the writer, a turn waits for it too.</summary>
    public int WriteBehindMaxPending { get; set; } = 10_000;
}

public sealed class ConversationSettingsValidator : Extensions.SettingsValidator<ConversationOptions>
{
    protected override void Check(ConversationOptions options, Extensions.SettingsProblems problems)
    {
        if (options.StateExpiry <= TimeSpan.Zero || options.StateExpiry > TimeSpan.FromDays(3650))
            problems.Add("Conversation:StateExpiry", $"{options.StateExpiry} must be more than zero and at most 3650 days.");
        if (options.StatePurgeInterval < TimeSpan.Zero)
            problems.Add("Conversation:StatePurgeInterval", $"{options.StatePurgeInterval} cannot be negative.");
        if (options.WriteBehindDelay < TimeSpan.Zero || options.WriteBehindDelay > TimeSpan.FromSeconds(10))
            problems.Add("Conversation:WriteBehindDelay", $"{options.WriteBehindDelay} must be from 0 to 10 seconds.");
        if (options.WriteBehindMaxPending is < 1 or > 1_000_000)
            problems.Add("Conversation:WriteBehindMaxPending", $"{options.WriteBehindMaxPending} must be from 1 to 1000000.");
    }
}
