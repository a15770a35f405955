using AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Answers;
using ScorecardBot.Cards;
using ScorecardBot.Conversation;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;
using ScorecardBot.Submissions;

namespace ScorecardBot.Bot;

/// <summary>
/// The Teams activity handler: turns a message (in channels and group chats only when @mentioned) or a button's
/// typed request into a <see cref="Request"/>, asks for the answer card and sends it. It holds no logic of its own
/// beyond the turn.
/// </summary>
public sealed class ScorecardTeamsBot(
    QuestionRecognizer recognizer,
    Answerer answerer,
    ScorecardSnapshotProvider snapshots,
    ConversationMemory memory,
    Vocabulary vocabulary,
    SubmissionActions figures,
    PeopleDirectory people,
    TenantGate tenants,
    ILogger<ScorecardTeamsBot> logger) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (!tenants.IsAllowed(turnContext.Activity, out var tenantId))
        {
            logger.LogWarning("Refused a {ActivityType} activity from tenant {TenantId}, which is not in Access:AllowedTenants",
                turnContext.Activity.Type, tenantId ?? "(none)");
            if (turnContext.Activity.Type == ActivityTypes.Message) await turnContext.SendActivityAsync(MessageFactory.Text(TenantGate.RefusalMessage), cancellationToken);
            await AnswerInvokeAsync(turnContext, StatusCodes.Status403Forbidden, cancellationToken);
            return;
        }
        if (turnContext.Activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
        {
            await people.MeetAsync(turnContext.Activity.From?.AadObjectId, turnContext.Activity.From?.Name, cancellationToken);
        }
        // The Teams handler reads channel data for everything but messages, and throws on a shape Teams never sends.
        if (turnContext.Activity.Type != ActivityTypes.Message && !turnContext.Activity.TryGetTeamsChannelData(out _))
        {
            logger.LogWarning("Ignored a {ActivityType} activity whose channelData is not Teams channel data", turnContext.Activity.Type);
            await AnswerInvokeAsync(turnContext, StatusCodes.Status400BadRequest, cancellationToken);
            return;
        }
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        InvokeResponse response;
        try
        {
            response = await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidCastException)
        {
            logger.LogWarning("Refused a {InvokeName} invoke whose value could not be read: {Reason}", turnContext.Activity.Name, e.Message);
            return new InvokeResponse { Status = StatusCodes.Status400BadRequest };
        }
        // An invoke this bot does not handle is acknowledged quietly: the SDK's 501 would read as an outage.
        return response.Status == StatusCodes.Status501NotImplemented ? new InvokeResponse { Status = StatusCodes.Status200OK } : response;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var shared = activity.Conversation?.ConversationType is "channel" or "groupChat";
        var text = activity.TextWithoutRecipientMentions();
        var button = string.IsNullOrWhiteSpace(text) && activity.Value is JObject value ? value : null;
        // In a shared chat only an @mention or a click on one of the bot's own cards is meant for the bot.
        if (shared && button is null && activity.MentionsOfRecipient().Count == 0) return;

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
                logger.LogWarning("A button's value is not a request that fits the scorecard; answered with questions");
                await turnContext.SendActivityAsync(Reply(answerer.StaleButton(snapshot)), cancellationToken);
                return;
            }
            request = clicked;
        }
        else
        {
            var previous = await memory.RecallAsync(turnContext, vocabulary, cancellationToken);
            request = recognizer.Recognize(legacy ?? text, previous);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Answered {Intent} by rule {Rule} for measures {Measures}", request.Intent, request.Rule, string.Join(",", request.Measures.Select(m => m.Number)));
        }
        var card = SubmissionActions.Handles(request)
            ? await figures.AnswerAsync(request, activity.From, cancellationToken)
            : answerer.Answer(request, snapshot);
        await turnContext.SendActivityAsync(Reply(card), cancellationToken);
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
            await turnContext.SendActivityAsync(Reply(answerer.Welcome(await snapshots.GetAsync(cancellationToken))), cancellationToken);
        }
    }

    /// <summary>An invoke the bot turns away still needs an HTTP status of its own; without one the SDK answers 501.</summary>
    private static async Task AnswerInvokeAsync(ITurnContext turnContext, int status, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type != ActivityTypes.Invoke) return;
        await turnContext.SendActivityAsync(new Activity { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = status } }, cancellationToken);
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
}
