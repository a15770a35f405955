using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Bot;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>
/// Sends a queued card into a conversation through the bot's own adapter, as a proactive message, and says what Teams
/// answered. One call is one request to the connector: the SDK's connector client is built on the app's default
/// HttpClient, which retries nothing, so every retry is the dispatcher's and is recorded.
/// </summary>
public sealed class TeamsConversationSender(
    AdapterWithErrorHandler adapter,
    IOptions<BotIdentityOptions> identity,
    IOptions<AlertOptions> options,
    TimeProvider clock) : IConversationSender
{
    private static readonly ReadOnlyJsonContractResolver Resolver = new();

    public async Task<SendResult> SendAsync(
        ConversationRecord conversation, string cardJson, string summary, CancellationToken cancellationToken)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(conversation.Reference)
            ?? throw new InvalidDataException($"Conversation {conversation.Id} has no conversation reference.");
        // A new message in the conversation, not a reply to whichever message the reference was taken from.
        reference.ActivityId = null;
        var message = (Activity)MessageFactory.Attachment(
            new Attachment { ContentType = AdaptiveCard.ContentType, Content = new JRaw(cardJson) });
        // As on the bot's card replies: what a notification or a client that cannot draw the card shows.
        message.Summary = summary;
        message.ApplyConversationReference(reference);

        var timeout = options.Value.Delivery.AttemptTimeout;
        using var deadline = new CancellationTokenSource(timeout, clock);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        SendResult? result = null;
        ExceptionDispatchInfo? failure = null;
        try
        {
            await adapter.ContinueConversationAsync(identity.Value.MicrosoftAppId ?? "", reference, async (turn, token) =>
            {
                // Caught here: the adapter would hand an exception from inside the turn to OnTurnError, not to us.
                try
                {
                    // The adapter's connector client, called directly for the status code Teams answered, which the
                    // turn's SendActivityAsync keeps to itself.
                    var client = turn.TurnState.Get<IConnectorClient>();
                    // The SDK gives every connector client a new contract resolver, so Newtonsoft would reflect over
                    // the Activity type again on each send (measured: 7 ms a send idle, far more on a busy machine,
                    // all of it inside the send's permits). Shared, the resolver keeps what it learnt.
                    client.SerializationSettings.ContractResolver = Resolver;
                    client.DeserializationSettings.ContractResolver = Resolver;
                    using var sent = await client.Conversations
                        .SendToConversationWithHttpMessagesAsync(message.Conversation.Id, message, cancellationToken: token);
                    result = new SendResult((int)sent.Response.StatusCode);
                }
                catch (Exception e) when (Answer(e, timeout, deadline.IsCancellationRequested) is { } answered)
                {
                    result = answered;
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            }, attempt.Token);
        }
        catch (Exception e) when (Answer(e, timeout, deadline.IsCancellationRequested) is { } answered)
        {
            // Before the turn: the connector client's token, or the proactive turn's own setup.
            result = answered;
        }
        failure?.Throw();
        // The turn never reached the send: middleware (the tenant gate) stopped it.
        return result ?? new SendResult(null, Error: "Not sent: the turn stopped before the send (tenant not allowed?).");
    }

    /// <summary>What an exception says Teams answered; null for one that is not an answer (a fault to raise).</summary>
    private SendResult? Answer(Exception exception, TimeSpan timeout, bool timedOut) => exception switch
    {
        ErrorResponseException { Response: { } response } => new SendResult((int)response.StatusCode,
            RetryAfter(response.Headers), $"Teams answered {(int)response.StatusCode}: {Describe(exception)}"),
        OperationCanceledException when timedOut =>
            new SendResult(null, Error: $"No answer within {timeout.TotalSeconds:0.###} s."),
        HttpRequestException => new SendResult(null, Error: $"No answer: {exception.Message}"),
        _ => null,
    };

    private static string Describe(Exception exception) =>
        exception is ErrorResponseException { Body.Error.Message: { Length: > 0 } message } ? message : exception.Message;

    /// <summary>Retry-After as seconds or as a date; absent or unreadable is no wait asked for.</summary>
    private TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();
        if (value is null || !RetryConditionHeaderValue.TryParse(value, out var parsed)) return null;
        if (parsed.Delta is { } delta) return delta;
        if (parsed.Date is not { } date) return null;
        var wait = date - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
