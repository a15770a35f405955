using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>What Teams answered to one proactive send: its status code (null when no answer came), and any wait it asked for.</summary>
public sealed record SendResult(int? StatusCode, TimeSpan? RetryAfter = null, string? Error = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The bot is no longer in the conversation: 403 (removed, blocked) or 404 (the conversation is gone).</summary>
    public bool ConversationGone => StatusCode is 403 or 404;
}

/// <summary>Sends one card to one conversation the bot knows, as a proactive message.</summary>
public interface IConversationSender
{
    Task<SendResult> SendAsync(ConversationRecord conversation, string cardJson, string summary, CancellationToken cancellationToken);
}
