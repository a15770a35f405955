using ScorecardBot.Alerts.Delivery;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Http.Tests.Alerts.Delivery;

/// <summary>Delivery scenarios run over SQLite and over PostgreSQL alike.</summary>
public static class DeliveryScenarios
{
    /// <summary>
    /// Teams answers 403 or 404 for one conversation: its message is Gone after one send, the conversation is marked
    /// inactive, its other queued message is closed unsent, and one queued later is closed on the next run, unsent.
    /// </summary>
    public static async Task RemovedConversationAsync(int status, StorageOptions? storage)
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        await using var app = new DeliveryApp(storage: storage);
        var removed = await app.AddConversationAsync(teams, "19:removed@thread.tacv2");
        var staying = await app.AddConversationAsync(teams, "19:staying@thread.tacv2");
        await app.QueueAsync(removed, "removed 1");
        await app.QueueAsync(removed, "removed 2");
        await app.QueueAsync(staying, "staying 1");
        teams.AnswerAlways(removed.ConversationId, new FakeAnswer(status));

        var report = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);
        await app.QueueAsync(removed, "removed 3");
        var later = await app.Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchReport(Sent: 1, Retrying: 0, Failed: 0, Gone: 2, Attempts: 2), report);
        Assert.Equal(new DispatchReport(Sent: 0, Retrying: 0, Failed: 0, Gone: 1, Attempts: 0), later);
        Assert.Single(teams.ReceivedFor(removed.ConversationId));
        var conversation = await app.Conversations.GetAsync(removed.Id);
        Assert.False(conversation!.Active);
        Assert.Contains($"{status}", conversation.InactiveReason);
        var log = await app.LogAsync();
        Assert.All(["removed 1", "removed 2", "removed 3"], summary => Assert.Equal(OutboxState.Gone, log[summary].Message.State));
        Assert.Empty(log["removed 2"].Attempts);
        Assert.Empty(log["removed 3"].Attempts);
        Assert.Equal(OutboxState.Sent, log["staying 1"].Message.State);
    }

    /// <summary>
    /// Forty conversations at ten sends a second (a tenant limit set low so the run is still going when stopped): the
    /// first app's dispatch is cancelled after a dozen sends and the app disposed; a second app over the same database
    /// delivers the rest. Every message reaches Teams exactly once.
    /// </summary>
    public static async Task StoppedMidwayAndRestartedAsync(StorageOptions? storage)
    {
        var settings = DeliveryApp.Delivery(("PerTenantPerSecond", 10));
        await using var teams = await FakeTeamsConnector.StartAsync(new TeamsLimits(PerTenantPerSecond: 10));
        var folder = Directory.CreateTempSubdirectory("scorecardbot-delivery-restart-").FullName;
        var atCancel = 0;
        try
        {
            await using (var first = new DeliveryApp(settings, folder, storage))
            {
                for (var i = 1; i <= 40; i++) await first.QueueAsync(await first.AddConversationAsync(teams, $"19:team-{i}@thread.tacv2"), $"alert {i}");
                using var stop = new CancellationTokenSource();
                var run = first.Dispatcher.DispatchDueAsync(stop.Token);
                Assert.True(await teams.WaitUntilAsync(received => received.Count >= 12, TimeSpan.FromSeconds(30)));
                atCancel = teams.Received.Count;
                stop.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            }
            var sentBefore = teams.Received.Count;
            // Stopped midway: only the sends already under way (at most a second's ten, the tenant's limit) finished after.
            Assert.InRange(sentBefore, atCancel, Math.Min(atCancel + 10, 39));
            // A new process knows nothing of the last one's sends, and Teams' windows are a second long.
            await Task.Delay(TimeSpan.FromSeconds(1.1));

            await using var second = new DeliveryApp(settings, folder, storage);
            var report = await second.Dispatcher.DispatchDueAsync(CancellationToken.None);

            Assert.Equal(40 - sentBefore, report.Sent);
            Assert.Equal(report.Sent, report.Attempts);
            var perMessage = teams.Received.GroupBy(r => r.Summary).ToDictionary(g => g.Key!, g => g.Count());
            Assert.Equal(40, perMessage.Count);
            Assert.All(perMessage, m => Assert.Equal(1, m.Value));
            Assert.All(teams.Received, r => Assert.True(r.Accepted));
            Assert.All((await second.LogAsync()).Values, m =>
            {
                Assert.Equal(OutboxState.Sent, m.Message.State);
                Assert.Single(m.Attempts);
            });
            Assert.Empty(teams.Violations);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
