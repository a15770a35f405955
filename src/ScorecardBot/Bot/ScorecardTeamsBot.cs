using AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Alerts;
using ScorecardBot.Answers;
using ScorecardBot.Cards;
using ScorecardBot.Conversation;
using ScorecardBot.Observability;
using ScorecardBot.Packs;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;
using ScorecardBot.Submissions;

namespace ScorecardBot.Bot;

/// <summary>
/// The Teams activity handler: turns a message (in channels and group chats only when @mentioned) or a button's
/// typed request into a <see cref="Request"/>, asks for the answer card and sends it. It holds no logic of its own
/// beyond the turn.
/// </summary>
public sealed partial class ScorecardTeamsBot(
    QuestionRecognizer recognizer,
    Answerer answerer,
    ScorecardSnapshotProvider snapshots,
    ConversationMemory memory,
    Vocabulary vocabulary,
    SubmissionActions figures,
    AlertActions alerts,
    PackActions packs,
    ConversationDirectory directory,
    PeopleDirectory people,
    ScorecardBot.Storage.IFigureStore store,
    Microsoft.Extensions.Options.IOptions<AlertOptions> alertOptions,
    BotMetrics metrics,
    ILogger<ScorecardTeamsBot> logger) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
        {
            await people.MeetAsync(turnContext.Activity.From?.AadObjectId, turnContext.Activity.From?.Name, cancellationToken);
        }
        // The Teams handler reads channel data for everything but messages, and throws on a shape Teams never sends.
        if (turnContext.Activity.Type != ActivityTypes.Message && !turnContext.Activity.TryGetTeamsChannelData(out _))
        {
            Log.NotTeamsChannelData(logger, turnContext.Activity.Type);
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
                await turnContext.SendActivityAsync(TenantGate.InvokeReply(StatusCodes.Status400BadRequest), cancellationToken);
            return;
        }
        if (!turnContext.Activity.TryTidyMembers())
        {
            Log.NoRecipient(logger);
            return;
        }
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// The bot handles adaptiveCard/action (the figures forms). An invoke without a value, or whose value is not what
    /// its name needs, gets 400; one
    /// the framework dispatches to a handler the bot does not have gets 404 (the SDK's 501 would read as an outage
    /// and says the server is broken; 404 says there is nothing here for that name). Each is one Warning line.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var invoke = turnContext.Activity;
        if (invoke.Value is null or JValue { Type: JTokenType.Null })
            return Refuse(invoke, StatusCodes.Status400BadRequest, "it has no value");
        InvokeResponse response;
        try
        {
            response = await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or ArgumentException or FormatException)
        {
            return Refuse(invoke, StatusCodes.Status400BadRequest, "its value could not be read");
        }
        return response.Status switch
        {
            StatusCodes.Status501NotImplemented => Refuse(invoke, StatusCodes.Status404NotFound, "the bot does not handle it"),
            >= 400 => Refuse(invoke, response.Status, "its value is not what that invoke carries", response.Body),
            _ => response,
        };
    }

    private InvokeResponse Refuse(IInvokeActivity invoke, int status, string reason, object? body = null)
    {
        Log.InvokeRefused(logger, status, invoke.Name ?? "(unnamed)", reason);
        return new InvokeResponse { Status = status, Body = body };
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var shared = activity.Conversation?.ConversationType is "channel" or "groupChat";
        var mentions = activity.MentionsOfRecipient();
        var text = activity.TextWithoutMentions(mentions);
        var button = string.IsNullOrWhiteSpace(text) && activity.Value is JObject value ? value : null;
        // In a shared chat only an @mention or a click on one of the bot's own cards is meant for the bot.
        if (shared && button is null && mentions.Count == 0) return;

        var snapshot = await snapshots.GetAsync(cancellationToken);
        // Cards drawn before buttons carried typed requests sent the question's words instead.
        var legacy = button?["question"] is JValue { Type: JTokenType.String } question ? (string)question! : null;
        Request request;
        if (button is not null && legacy is null)
        {
            // A click carries a typed request; one that cannot be read, or no longer fits the scorecard, is from an
            // older card, and is said to be so rather than answered as an empty question.
            if (RequestData.FromButtonValue(button)?.ToRequest(vocabulary) is not { } clicked)
            {
                Log.StaleButton(logger);
                await SendAsync(turnContext, answerer.StaleButton(snapshot), cancellationToken);
                return;
            }
            request = clicked;
        }
        else
        {
            // The memory is read only for a message that could follow on from it ("why?", "and August?").
            var understood = recognizer.Understand(legacy ?? text);
            var previous = QuestionRecognizer.CouldFollowOn(understood) ? await memory.RecallAsync(turnContext, vocabulary, cancellationToken) : null;
            request = QuestionRecognizer.Decide(understood, previous);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            var measures = string.Join(",", request.Measures.Select(m => m.Number));
            Log.Answered(logger, request.Intent, request.Rule, measures);
        }
        metrics.Answered(request.Intent);
        await directory.MessageAsync(turnContext, cancellationToken);
        var card = SubmissionActions.Handles(request) ? await figures.AnswerAsync(request, activity.From, cancellationToken)
            : AlertActions.Handles(request) ? await alerts.AnswerAsync(request, turnContext, cancellationToken)
            : request.Intent == Intent.Changes ? await answerer.ChangesAsync(request, snapshot, (range, ct) => store.GetRevisionsAsync(range, ct), alertOptions.Value.FiguresDueDay, cancellationToken)
            : PackActions.Handles(request) ? await packs.AnswerAsync(request, turnContext, cancellationToken)
            : answerer.Answer(request, snapshot);
        await SendAsync(turnContext, card, cancellationToken);
        await memory.RememberAsync(turnContext, request, cancellationToken);
    }

    /// <summary>Universal Actions from the figures forms: the card returned replaces the clicked one.</summary>
    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        figures.InvokeAsync(invokeValue, turnContext.Activity.From, cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Greet once, when the bot itself joins a chat or team, not each time a person does.
        if (membersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
        {
            await directory.AddedAsync(turnContext, cancellationToken);
            await SendAsync(turnContext, answerer.Welcome(await snapshots.GetAsync(cancellationToken)), cancellationToken);
        }
    }

    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersRemoved.Any(m => m?.Id == turnContext.Activity.Recipient?.Id)) await directory.RemovedAsync(turnContext, cancellationToken);
    }

    // Installing the bot (in a team, a group chat or a personal chat) records the conversation; uninstalling ends it.
    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        directory.AddedAsync(turnContext, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        directory.RemovedAsync(turnContext, cancellationToken);

    private async Task SendAsync(ITurnContext turnContext, RenderedCard card, CancellationToken cancellationToken)
    {
        metrics.CardSent(card.WireSize);
        await turnContext.SendActivityAsync(Reply(card), cancellationToken);
    }

    public static IMessageActivity Reply(RenderedCard rendered)
    {
        // The card goes to the SDK as the JSON it was rendered to once (and perhaps cached): given a JObject the SDK
        // would copy and walk the whole tree again on every send.
        var reply = MessageFactory.Attachment(new Attachment { ContentType = AdaptiveCard.ContentType, Content = new JRaw(rendered.Json) });
        reply.Speak = rendered.Card.Speak;
        reply.Summary = rendered.Card.FallbackText;
        return reply;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a {ActivityType} activity whose channelData is not Teams channel data")]
        public static partial void NotTeamsChannelData(ILogger logger, string? activityType);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a conversationUpdate activity that lists members but names no recipient")]
        public static partial void NoRecipient(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Status} to a {InvokeName} invoke: {Reason}")]
        public static partial void InvokeRefused(ILogger logger, int status, string invokeName, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A button's value is not a request that fits the scorecard; answered with questions")]
        public static partial void StaleButton(ILogger logger);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Answered {Intent} by rule {Rule} for measures {Measures}")]
        public static partial void Answered(ILogger logger, Intent intent, string? rule, string measures);
    }
}
