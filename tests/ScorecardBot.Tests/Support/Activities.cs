using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace ScorecardBot.Tests.Support;

public static class Activities
{
    /// <summary>A Teams message from one person in one conversation: all that bot state keys are made of.</summary>
    public static Activity Message(string userId, string conversationId, string text = "") => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.Msteams,
        Text = text,
        From = new ChannelAccount(userId),
        Recipient = new ChannelAccount("28:scorecard-bot"),
        Conversation = new ConversationAccount(id: conversationId),
    };
}
