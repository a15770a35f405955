using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Moq;
using ScorecardBot.Conversation;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Conversation;

/// <summary>
/// ConversationMemory against its storage alone: a turn that did not need the memory writes the request without
/// reading the state first, and one that read it saves through the state as before.
/// </summary>
public sealed class ConversationMemoryTests
{
    private static TurnContext Turn(string text) => new(new TestAdapter(), Activities.Message("29:ann", "a:chat-1", text));

    [Fact]
    public async Task A_request_the_turn_did_not_read_for_is_written_as_the_state_would_write_it_without_a_read()
    {
        var storage = new Mock<IStorage>(MockBehavior.Strict);
        IDictionary<string, object>? written = null;
        storage.Setup(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Callback<IDictionary<string, object>, CancellationToken>((changes, _) => written = changes)
            .Returns(Task.CompletedTask);
        var state = new MemoryState(storage.Object);
        var memory = new ConversationMemory(state, storage.Object);
        using var turn = Turn("CTIO coverage in July");

        await memory.RememberAsync(turn, ShippedScorecard.Recognizer.Recognize("CTIO coverage in July"), CancellationToken.None);

        storage.Verify(s => s.ReadAsync(It.IsAny<string[]>(), It.IsAny<CancellationToken>()), Times.Never);
        var (key, value) = Assert.Single(written!);
        Assert.Equal(state.KeyFor(turn), key);
        Assert.EndsWith("/conversations/a:chat-1/users/29:ann", key);
        var document = Assert.IsType<Dictionary<string, object>>(value);
        var remembered = Assert.IsType<ScorecardBot.Conversation.RememberedRequest>(Assert.Single(document).Value);
        Assert.Equal("MeasureValue", remembered.Request.Intent);
        Assert.Equal([1], remembered.Request.Measures!);
    }

    [Fact]
    public async Task A_turn_that_read_the_memory_saves_through_the_state_reading_once()
    {
        var storage = new Mock<IStorage>(MockBehavior.Strict);
        storage.Setup(s => s.ReadAsync(It.IsAny<string[]>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, object>());
        storage.Setup(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var memory = new ConversationMemory(new MemoryState(storage.Object), storage.Object);
        using var turn = Turn("and August?");

        Assert.Null(await memory.RecallAsync(turn, ShippedScorecard.Vocabulary, CancellationToken.None));
        await memory.RememberAsync(turn, ShippedScorecard.Recognizer.Recognize("CTIO coverage in August"), CancellationToken.None);

        storage.Verify(s => s.ReadAsync(It.IsAny<string[]>(), It.IsAny<CancellationToken>()), Times.Once);
        storage.Verify(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Help_and_asking_back_are_not_remembered_and_nothing_is_written()
    {
        var storage = new Mock<IStorage>(MockBehavior.Strict);
        var memory = new ConversationMemory(new MemoryState(storage.Object), storage.Object);
        using var turn = Turn("help");

        await memory.RememberAsync(turn, ShippedScorecard.Recognizer.Recognize("help"), CancellationToken.None);

        storage.VerifyNoOtherCalls();
    }
}
