using ScorecardBot.Storage.Tests;

namespace ScorecardBot.Http.Tests.Alerts.Delivery;

/// <summary>
/// The outbox's store paths over a real PostgreSQL server: due, recorded, resumed after a stop, closed when a
/// conversation is gone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxDispatcherTests(PostgresServer server)
{
    [Fact]
    public async Task A_dispatch_stopped_midway_is_finished_by_the_next_app_with_no_message_sent_twice_on_PostgreSQL()
    {
        await DeliveryScenarios.StoppedMidwayAndRestartedAsync(await server.CreateEmptyDatabaseAsync());
    }

    [Fact]
    public async Task A_conversation_the_bot_was_removed_from_is_marked_inactive_and_nothing_more_is_sent_to_it_on_PostgreSQL()
    {
        await DeliveryScenarios.RemovedConversationAsync(403, await server.CreateEmptyDatabaseAsync());
    }
}
