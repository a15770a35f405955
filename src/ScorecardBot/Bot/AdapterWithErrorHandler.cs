using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ScorecardBot.Bot;

/// <summary>The Bot Framework adapter, with one place that turns any failure into a log entry and a polite reply.</summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string SorryMessage = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.";

    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Unhandled error in a {ActivityType} turn in conversation {ConversationId}",
                turnContext.Activity?.Type, turnContext.Activity?.Conversation?.Id);
            // The user gets an apology, never the exception: no stack trace or internal detail leaves the bot.
            if (turnContext.Activity?.Type == Microsoft.Bot.Schema.ActivityTypes.Message && !turnContext.Responded)
            {
                try
                {
                    await turnContext.SendActivityAsync(MessageFactory.Text(SorryMessage));
                }
                catch (Exception sendFailure)
                {
                    logger.LogWarning(sendFailure, "Could not send the apology either");
                }
            }
        };
    }
}
