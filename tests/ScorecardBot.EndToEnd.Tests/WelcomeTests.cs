using ScorecardBot.EndToEnd.Tests.Support;

namespace ScorecardBot.EndToEnd.Tests;

/// <summary>What the bot sends when the Playground installs it in personal chat, as each load of its page does.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class WelcomeTests(PlaygroundFixture playground)
{
    [Fact]
    public async Task Installing_the_bot_in_personal_chat_brings_one_welcome_card_with_example_questions()
    {
        var chat = playground.Client.PersonalChatId;
        await using var stream = await playground.Client.OpenStreamAsync();

        await playground.Client.InstallAsync(chat);

        var card = BotMessage.AdaptiveCard(await stream.NextBotMessageAsync(chat, "the welcome card after installation"));
        Assert.Equal("Hello, I'm the Scorecard bot", BotMessage.CardTexts(card).First());
        // Examples are made from the scorecard's own measures and its latest month with figures (August 2007).
        Assert.Contains("\"CTIO coverage in August\"", card.ToJsonString());
        // installationUpdate and conversationUpdate both reach the bot: only one of them may greet.
        Assert.Empty(await stream.DrainAsync(chat, TimeSpan.FromSeconds(1.5)));
    }
}
