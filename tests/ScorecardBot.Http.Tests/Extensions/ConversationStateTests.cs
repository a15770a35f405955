using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScorecardBot.Conversation;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;

namespace ScorecardBot.Http.Tests.Extensions;

/// <summary>The bot as registered: its conversation state lives in the scorecard database migrated on start.</summary>
public sealed class ConversationStateTests(BotApp app) : IClassFixture<BotApp>
{
    [Fact]
    public async Task Private_conversation_state_is_saved_in_the_bot_state_table_of_the_scorecard_database()
    {
        var services = app.Services;
        Assert.IsType<DatabaseStorage>(services.GetRequiredService<IStorage>());
        var state = services.GetRequiredService<PrivateConversationState>();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "msteams",
            From = new ChannelAccount("29:officer-1"),
            Conversation = new ConversationAccount(id: "a:conversation-personal"),
        };
        using (var turn = new TurnContext(new TestAdapter(), activity))
        {
            await state.CreateProperty<string>("LastRequest").SetAsync(turn, "CTIO coverage");
            await state.SaveChangesAsync(turn);
        }

        var key = "msteams/conversations/a:conversation-personal/users/29:officer-1";
        var store = services.GetRequiredService<IBotStateStore>();
        var stored = await store.ReadAsync([key], app.Clock.GetUtcNow().UtcDateTime);
        Assert.Contains("\"LastRequest\":\"CTIO coverage\"", stored[key].Json);
        Assert.NotNull(services.GetRequiredService<ConversationState>());
        Assert.NotNull(services.GetRequiredService<UserState>());
    }
}
