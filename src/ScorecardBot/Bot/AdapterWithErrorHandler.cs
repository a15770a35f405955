using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ScorecardBot.Observability;

namespace ScorecardBot.Bot;

/// <summary>
/// The Bot Framework adapter: the tenant gate in front of every turn, a deadline on each turn, authentication failures
/// answered honestly (401 for a token that cannot be validated, 503 when signing keys cannot be fetched), and one place
/// that turns any failure in a turn into a log entry and a polite reply.
/// </summary>
public sealed partial class AdapterWithErrorHandler : CloudAdapter
{
    public const string SorryMessage = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.";
    public const string TooLongMessage = "Sorry, that took me too long to answer. Please try again in a moment.";

    private readonly IOptions<BotOptions> _options;
    private readonly TimeProvider _clock;
    private readonly RefusedRequests _refused;
    private readonly BotMetrics _metrics;
    private readonly ILogger<AdapterWithErrorHandler> _logger;

    public AdapterWithErrorHandler(
        BotFrameworkAuthentication authentication,
        TenantGate tenants,
        IOptions<BotOptions> options,
        TimeProvider clock,
        RefusedRequests refused,
        BotMetrics metrics,
        ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        (_options, _clock, _refused, _metrics, _logger) = (options, clock, refused, metrics, logger);
        Use(tenants);
        OnTurnError = ApologiseAsync;
    }

    /// <summary>
    /// CloudAdapter.ProcessAsync's POST path with the SDK's own reader, authentication and writer, but with
    /// authentication failures answered and logged here: the SDK logs every 401 as an error with its stack trace and
    /// lets a key-fetch failure or a malformed token escape as a 500 or a 400.
    /// </summary>
    public async Task ProcessMessageAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        var activity = await HttpHelper.ReadRequestAsync<Activity>(request);
        if (string.IsNullOrEmpty(activity?.Type))
        {
            _refused.Refused(StatusCodes.Status400BadRequest, "not a Bot Framework activity");
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var authentication = await AuthenticateAsync(activity, request.Headers.Authorization, response, cancellationToken);
        if (authentication is null) return;

        // Every line logged in the turn names its conversation; the request's span carries it too.
        using var scope = _logger.BeginScope(new TurnScope(activity.Conversation?.Id, activity.Type));
        System.Diagnostics.Activity.Current?.SetTag("bot.conversation.id", activity.Conversation?.Id).SetTag("bot.activity.type", activity.Type);
        var started = _clock.GetTimestamp();
        try
        {
            await RunTurnAsync(activity, authentication, response, bot, cancellationToken);
        }
        finally
        {
            _metrics.Turn(activity.Type, _clock.GetElapsedTime(started));
        }
    }

    private async Task RunTurnAsync(
        Activity activity, AuthenticateRequestResult authentication, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.Value.TurnTimeout, _clock);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        InvokeResponse invokeResponse;
        try
        {
            invokeResponse = await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, turn.Token);
        }
        // The SDK throws on an activity it cannot route (a missing or malformed serviceUrl) before any turn starts:
        // that is the caller's error, not a 500.
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            Log.ActivityRefused(_logger, e.Message);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await HttpHelper.WriteResponseAsync(response, invokeResponse);
    }

    private async Task<AuthenticateRequestResult?> AuthenticateAsync(
        Activity activity, string? header, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            return await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, header, cancellationToken);
        }
        catch (Exception e) when (SigningKeys.CouldNotBeFetched(e))
        {
            _refused.Failed(e, StatusCodes.Status503ServiceUnavailable, "token signing keys could not be fetched");
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "5";
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SecurityTokenException or ArgumentException or FormatException)
        {
            _refused.Refused(StatusCodes.Status401Unauthorized, "token not valid");
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not a shape of failure the SDK is known to throw: still no turn without a validated token.
            _refused.Failed(e, StatusCodes.Status401Unauthorized, "token could not be validated");
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        return null;
    }

    private async Task ApologiseAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        if (exception is OperationCanceledException)
        {
            Log.TurnCancelled(_logger, activity?.Type, activity?.Conversation?.Id, _options.Value.TurnTimeout);
        }
        else
        {
            Log.TurnFailed(_logger, activity?.Type, activity?.Conversation?.Id, exception);
        }
        // The user gets an apology, never the exception: no stack trace or internal detail leaves the bot.
        if (activity?.Type != ActivityTypes.Message || turnContext.Responded) return;
        try
        {
            var text = exception is OperationCanceledException ? TooLongMessage : SorryMessage;
            await turnContext.SendActivityAsync(MessageFactory.Text(text), CancellationToken.None);
        }
        catch (Exception sendFailure)
        {
            Log.ApologyNotSent(_logger, sendFailure);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity the Bot Framework adapter could not process: {Reason}")]
        public static partial void ActivityRefused(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} turn in conversation {ConversationId} was cancelled: it ran past Bot:TurnTimeout "
            + "({Timeout}) or the caller went away")]
        public static partial void TurnCancelled(ILogger logger, string? activityType, string? conversationId, TimeSpan timeout);

        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in a {ActivityType} turn in conversation {ConversationId}")]
        public static partial void TurnFailed(ILogger logger, string? activityType, string? conversationId, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology either")]
        public static partial void ApologyNotSent(ILogger logger, Exception exception);
    }
}
