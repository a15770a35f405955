using AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
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
            return;
        }
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversationType = activity.Conversation?.ConversationType;
        var shared = conversationType is "channel" or "groupChat";
        if (shared && !MentionsBot(activity))
        {
            return;
        }

        var text = QuestionText(activity);
        var question = recognizer.Recognize(text);
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var card = answerer.Answer(question, snapshot);
        logger.LogDebug("Answered {Intent} for measures {Measures}", question.Intent, string.Join(",", question.Measures.Select(m => m.Number)));
        await turnContext.SendActivityAsync(Reply(card), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Greet once, when the bot itself joins a chat or team, not each time a person does.
        if (membersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(Reply(HelpCard.Welcome(recognizer.Definition)), cancellationToken);
        }
    }

    public static IMessageActivity Reply(AdaptiveCard card)
    {
        var reply = MessageFactory.Attachment(new Attachment { ContentType = AdaptiveCard.ContentType, Content = JObject.Parse(card.ToJson()) });
        reply.Speak = card.Speak;
        reply.Summary = card.FallbackText;
        return reply;
    }

    private static bool MentionsBot(IMessageActivity activity)
    {
        var botId = activity.Recipient?.Id;
        return botId is not null && activity.GetMentions().Any(m => m.Mentioned?.Id == botId);
    }

    /// <summary>The typed text without the @mention, or the question a card button carried.</summary>
    private static string QuestionText(IMessageActivity activity)
    {
        var text = activity is Activity a ? a.RemoveRecipientMention() : activity.Text;
        if (!string.IsNullOrWhiteSpace(text)) return text;
        if (activity.Value is JObject value && value.Value<string>("question") is { } question) return question;
        return "";
    }
}
