using AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Answers;
using ScorecardBot.Cards;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;

namespace ScorecardBot.Bot;

/// <summary>
/// The Teams activity handler: lets a question through (in channels and group chats only when @mentioned), asks for
/// the answer card and sends it. It holds no logic of its own beyond the turn.
/// </summary>
public sealed class ScorecardTeamsBot(
    QuestionRecognizer recognizer,
    QuestionAnswerer answerer,
    ScorecardSnapshotProvider snapshots,
    ILogger<ScorecardTeamsBot> logger) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // The Teams handler reads channel data for everything but messages, and throws on a shape Teams never sends.
        if (turnContext.Activity.Type != ActivityTypes.Message && !turnContext.Activity.TryGetTeamsChannelData(out _))
        {
            logger.LogWarning("Ignored a {ActivityType} activity whose channelData is not Teams channel data", turnContext.Activity.Type);
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
                await turnContext.SendActivityAsync(TenantGate.InvokeReply(StatusCodes.Status400BadRequest), cancellationToken);
            return;
        }
        if (!turnContext.Activity.TryTidyMembers())
        {
            logger.LogWarning("Ignored a conversationUpdate activity that lists members but names no recipient");
            return;
        }
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// The bot handles no invoke yet. One without a value, or whose value is not what its name needs, gets 400; one
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
        logger.LogWarning("Answered {Status} to a {InvokeName} invoke: {Reason}", status, invoke.Name ?? "(unnamed)", reason);
        return new InvokeResponse { Status = status, Body = body };
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversationType = activity.Conversation?.ConversationType;
        var shared = conversationType is "channel" or "groupChat";
        var mentions = activity.MentionsOfRecipient();
        if (shared && mentions.Count == 0)
        {
            return;
        }

        var text = QuestionText(activity, mentions);
        var question = recognizer.Recognize(text);
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var answer = answerer.Answer(question, snapshot);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Answered {Intent} for measures {Measures}", question.Intent, string.Join(",", question.Measures.Select(m => m.Number)));
        }
        await turnContext.SendActivityAsync(Reply(answer), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Greet once, when the bot itself joins a chat or team, not each time a person does.
        if (membersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(Reply(RenderedCard.Of(HelpCard.Welcome(recognizer.Definition))), cancellationToken);
        }
    }

    public static IMessageActivity Reply(RenderedCard rendered)
    {
        // The card goes to the SDK as the raw JSON it was rendered to: given a JObject the SDK would copy and walk
        // the whole tree again on every send (measured: most of a question turn's cost over the echo floor).
        var reply = MessageFactory.Attachment(new Attachment { ContentType = AdaptiveCard.ContentType, Content = new JRaw(rendered.Json) });
        reply.Speak = rendered.Card.Speak;
        reply.Summary = rendered.Card.FallbackText;
        return reply;
    }

    /// <summary>The typed text without the @mention, or the question a card button carried.</summary>
    private static string QuestionText(IMessageActivity activity, IReadOnlyList<Mention> mentions)
    {
        var text = activity.TextWithoutMentions(mentions);
        if (!string.IsNullOrWhiteSpace(text)) return text;
        if (activity.Value is JObject value && value["question"] is JValue { Type: JTokenType.String } question) return (string)question!;
        return "";
    }
}
