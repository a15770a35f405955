using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using ScorecardBot.Conversation;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Conversation;

/// <summary>
/// The SDK's PrivateConversationState (one person in one conversation) over DatabaseStorage and a real SQLite file:
/// what the bot will use to remember each person's last request.
/// </summary>
public sealed class PrivateConversationStateTests : IAsyncLifetime
{
    private const string Chat = "a:1personal-chat";
    private const string Ann = "29:1ann";
    private const string Bob = "29:1bob";

    private readonly StateDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private DatabaseStorage NewStorage() => _db.NewStorage(typeof(RememberedRequest));

    /// <summary>One turn: returns what was remembered for this person here, then remembers the new request.</summary>
    private static async Task<string?> TurnAsync(IStorage storage, string conversation, string user, string? request)
    {
        var state = new PrivateConversationState(storage);
        var lastRequest = state.CreateProperty<RememberedRequest>("LastRequest");
        using var turn = new TurnContext(new TestAdapter(), Activities.Message(user, conversation, request ?? ""));

        var remembered = await lastRequest.GetAsync(turn);
        if (request is not null) await lastRequest.SetAsync(turn, new RememberedRequest(request));
        await state.SaveChangesAsync(turn);
        return remembered?.Text;
    }

    [Fact]
    public async Task A_request_remembered_in_one_turn_is_read_in_the_next()
    {
        var storage = NewStorage();

        Assert.Null(await TurnAsync(storage, Chat, Ann, "CTIO coverage in June"));
        Assert.Equal("CTIO coverage in June", await TurnAsync(storage, Chat, Ann, "and July"));
        Assert.Equal("and July", await TurnAsync(storage, Chat, Ann, null));
    }

    [Fact]
    public async Task A_request_remembered_before_a_restart_is_read_after_it()
    {
        await TurnAsync(NewStorage(), Chat, Ann, "hotline calls");

        Assert.Equal("hotline calls", await TurnAsync(NewStorage(), Chat, Ann, null));
    }

    [Fact]
    public async Task A_request_remembered_by_one_bot_instance_is_read_by_another()
    {
        var one = NewStorage();
        var two = NewStorage();

        await TurnAsync(one, Chat, Ann, "SNT recruitment");
        Assert.Equal("SNT recruitment", await TurnAsync(two, Chat, Ann, "and briefings"));
        Assert.Equal("and briefings", await TurnAsync(one, Chat, Ann, null));
    }

    [Fact]
    public async Task Two_people_in_one_conversation_each_keep_their_own_request()
    {
        var storage = NewStorage();
        const string channel = "19:abc@thread.tacv2;messageid=1700000000000";

        await TurnAsync(storage, channel, Ann, "Ann's question");
        await TurnAsync(storage, channel, Bob, "Bob's question");

        Assert.Equal("Ann's question", await TurnAsync(storage, channel, Ann, null));
        Assert.Equal("Bob's question", await TurnAsync(storage, channel, Bob, null));
    }

    [Fact]
    public async Task One_person_in_two_conversations_has_a_request_remembered_for_each()
    {
        var storage = NewStorage();

        await TurnAsync(storage, Chat, Ann, "in the personal chat");
        await TurnAsync(storage, "19:team@thread.tacv2", Ann, "in the channel");

        Assert.Equal("in the personal chat", await TurnAsync(storage, Chat, Ann, null));
        Assert.Equal("in the channel", await TurnAsync(storage, "19:team@thread.tacv2", Ann, null));
    }

    [Fact]
    public async Task A_request_is_forgotten_once_the_expiry_has_passed_since_it_was_saved()
    {
        var storage = NewStorage();
        await TurnAsync(storage, Chat, Ann, "freshness");

        _db.Clock.Advance(_db.Options.StateExpiry - TimeSpan.FromSeconds(1));
        Assert.Equal("freshness", await TurnAsync(storage, Chat, Ann, null));

        _db.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await TurnAsync(storage, Chat, Ann, null));
    }

    [Fact]
    public async Task Keys_made_of_teams_length_ids_are_stored()
    {
        // Teams personal-chat ids and user ids run to hundreds of characters: together longer than 255.
        var conversation = "a:1" + new string('Q', 300);
        var user = "29:1" + new string('u', 180);
        var storage = NewStorage();

        await TurnAsync(storage, conversation, user, "long ids");

        Assert.Equal("long ids", await TurnAsync(storage, conversation, user, null));
    }
}
