using Microsoft.Bot.Builder;
using ScorecardBot.Questions;

namespace ScorecardBot.Conversation;

/// <summary>A person's last request in a conversation, as a button would carry it.</summary>
public sealed record RememberedRequest(RequestData Request);

/// <summary>
/// Remembers each person's last request per conversation (in a channel people interleave, so per user), with the
/// Bot Framework's private conversation state over the bot's <see cref="IStorage"/>, so it survives restarts and is
/// shared by instances. It is forgotten after a quiet spell (Conversation:StateExpiry since it was last written, which
/// the storage applies). Only answers worth following up are remembered; help, greetings and asking back are not.
/// </summary>
public sealed class ConversationMemory(MemoryState state, IStorage storage)
{
    private const string Property = "lastRequest";
    private const string ReadThisTurn = "ScorecardBot.ConversationMemory.Read";
    private readonly IStatePropertyAccessor<RememberedRequest> _last = state.CreateProperty<RememberedRequest>(Property);

    public async Task<Request?> RecallAsync(ITurnContext turn, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        if (!HasKey(turn.Activity)) return null;
        turn.TurnState[ReadThisTurn] = ReadThisTurn;
        var remembered = await _last.GetAsync(turn, () => null!, cancellationToken);
        if (remembered?.Request is null) return null;
        // Remembered before a change to the scorecard, it may no longer fit: then there is nothing to follow.
        return remembered.Request.ToRequest(vocabulary);
    }

    public async Task RememberAsync(ITurnContext turn, Request request, CancellationToken cancellationToken)
    {
        if (!IsWorthFollowing(request) || !HasKey(turn.Activity)) return;
        var remembered = new RememberedRequest(RequestData.From(request with { Note = null }));
        // Written even when unchanged: the quiet spell is counted from the last write, and asking the same again is
        // not quiet.
        if (turn.TurnState.ContainsKey(ReadThisTurn))
        {
            await _last.SetAsync(turn, remembered, cancellationToken);
            await state.SaveChangesAsync(turn, force: true, cancellationToken);
            return;
        }
        // Not read this turn (the message could not follow on): the state holds nothing but this request, and the last
        // write wins, so it is written as the state would write it, without reading it first.
        await storage.WriteAsync(new Dictionary<string, object> { [state.KeyFor(turn)] = new Dictionary<string, object> { [Property] = remembered } },
            cancellationToken);
    }

    /// <summary>State is kept per channel, conversation and person: without all three there is nowhere to keep it.</summary>
    private static bool HasKey(Microsoft.Bot.Schema.Activity activity) =>
        !string.IsNullOrEmpty(activity.ChannelId) && !string.IsNullOrEmpty(activity.Conversation?.Id) && !string.IsNullOrEmpty(activity.From?.Id);

    public static bool IsWorthFollowing(Request request) =>
        request.Intent is not (Intent.Help or Intent.Greeting or Intent.Clarify or Intent.Unknown or Intent.Key or Intent.Glossary
            or Intent.SubmitFigures or Intent.WhoCanSubmit or Intent.LockMonth or Intent.UnlockMonth
            or Intent.Subscribe or Intent.Unsubscribe or Intent.AlertsStatus or Intent.PreviewAlerts or Intent.RunAlerts or Intent.AlertsLog
            or Intent.Pack);
}

/// <summary>The Bot Framework's private conversation state (per channel, conversation and person) with its storage key in reach.</summary>
public sealed class MemoryState(IStorage storage) : PrivateConversationState(storage)
{
    public string KeyFor(ITurnContext turn) => GetStorageKey(turn);
}
