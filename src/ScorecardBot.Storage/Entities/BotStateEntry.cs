namespace ScorecardBot.Storage.Entities;

/// <summary>
/// One Bot Framework state document (a conversation's, a user's, or a user's in one conversation) as JSON text.
/// Its etag is new on every write, so a writer holding an older one can be refused.
/// </summary>
public sealed class BotStateEntry
{
    public required string Key { get; set; }
    public required string Document { get; set; }
    public required string ETag { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
