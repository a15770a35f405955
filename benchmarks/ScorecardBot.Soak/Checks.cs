using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ScorecardBot.FakeTeams;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Soak;

/// <summary>What the figures check found: saves confirmed and their fate in the store and in both instances' answers.</summary>
public sealed record FigureResult(int Accepted, int Stale, int Refused, int Lost, int Duplicated, int AnswersChecked, IReadOnlyList<string> Problems);

/// <summary>
/// Every save the bot confirmed is in the store once and no save is there that it did not confirm: each worker's
/// calls figure (new on every submission) has exactly one revision per confirmed save, each of its own submission;
/// the month's current hotline figures are the last confirmed ones; and both instances answer with them.
/// </summary>
public static class FigureCheck
{
    public static async Task<FigureResult> RunAsync(Soak soak, CancellationToken cancellationToken)
    {
        var database = new ScorecardDatabase(soak.Storage);
        var problems = new List<string>();
        int lost = 0, duplicated = 0, answers = 0;
        foreach (var ledger in soak.Ledgers)
        {
            var key = FigureStore.ToKey(ledger.Month);
            var month = ledger.Month.ToLongLabel();
            await using var db = database.CreateContext();
            var revisions = await db.FigureRevisions.AsNoTracking()
                .Where(r => (r.ComponentId == "hotline-calls" || r.ComponentId == "hotline-answered") && r.PeriodStart == key && r.PeriodEnd == key)
                .OrderBy(r => r.Id)
                .Select(r => new { r.ComponentId, r.Value, r.SubmittedBy, r.SubmissionId })
                .ToListAsync(cancellationToken);
            var mine = revisions.Where(r => r.ComponentId == "hotline-calls" && r.SubmittedBy == ledger.LeadId).ToList();
            if (mine.Count < ledger.Accepted)
            {
                lost += ledger.Accepted - mine.Count;
                problems.Add($"{month}: {ledger.Accepted} saves confirmed, {mine.Count} in the store");
            }
            var twice = mine.Count - mine.Select(r => r.SubmissionId).Distinct().Count() + Math.Max(0, mine.Count - ledger.Accepted);
            if (twice > 0)
            {
                duplicated += twice;
                problems.Add($"{month}: {mine.Count} revisions of the calls figure for {ledger.Accepted} confirmed saves");
            }
            if (ledger.Saved is not { } saved) continue;

            var calls = revisions.LastOrDefault(r => r.ComponentId == "hotline-calls")?.Value;
            var answered = revisions.LastOrDefault(r => r.ComponentId == "hotline-answered")?.Value;
            if (calls != saved.Calls || answered != saved.Answered)
            {
                lost++;
                problems.Add($"{month}: the store holds {answered} of {calls} calls; the last confirmed save was {saved.Answered} of {saved.Calls}");
            }
            foreach (var instance in soak.Instances)
            {
                var question = Traffic.Message($"hotline {month}", Traffic.AdminId, "Soak Admin", $"a:soak-check-{Guid.NewGuid():N}", soak.ServiceUrl);
                var (status, body, _) = await SoakRun.PostAsync(soak.Client, instance, question, cancellationToken);
                var card = status == HttpStatusCode.OK ? Traffic.ReplyCard(body) : null;
                var said = card is null ? body : Traffic.Said(card);
                answers++;
                if (!Shows(said, saved.Answered, saved.Calls))
                {
                    problems.Add($"{instance.Name} answered \"hotline {month}\" without {saved.Answered} of {saved.Calls} calls: {said[..Math.Min(300, said.Length)]}");
                }
            }
        }
        return new FigureResult(
            soak.Ledgers.Sum(l => l.Accepted), soak.Ledgers.Sum(l => l.Stale), soak.Ledgers.Sum(l => l.Refused), lost, duplicated, answers, problems);
    }

    private static bool Shows(string said, long answered, long calls) =>
        said.Contains($"{answered} of {calls} calls", StringComparison.Ordinal)
        || said.Contains(string.Create(CultureInfo.InvariantCulture, $"{answered:N0} of {calls:N0} calls"), StringComparison.Ordinal);
}

/// <summary>What the alerts check found: cards queued, delivered, duplicated, not delivered, sends over Teams' limits.</summary>
public sealed record AlertResult(int Queued, int Delivered, int Duplicated, int Undelivered, int OverLimits, IReadOnlyList<string> Problems);

/// <summary>
/// Every card the outbox holds was sent and reached its channel exactly once, and nothing else reached a channel:
/// the connector's accepted sends, by conversation and card summary, are the outbox's sent messages, one for one.
/// </summary>
public static class AlertCheck
{
    public static async Task<AlertResult> RunAsync(StorageOptions storage, FakeTeamsConnector teams, IReadOnlyCollection<string> conversations, int fromSequence)
    {
        await using var db = new ScorecardDatabase(storage).CreateContext();
        var outbox = await db.Outbox.AsNoTracking()
            .Join(db.Conversations.AsNoTracking(), o => o.ConversationRecordId, c => c.Id, (o, c) => new { c.ConversationId, o.Summary, o.State })
            .ToListAsync();
        var problems = new List<string>();
        var notSent = outbox.Where(o => o.State != OutboxState.Sent).ToList();
        foreach (var state in notSent.GroupBy(o => o.State)) problems.Add($"{state.Count()} outbox messages {state.Key}, not sent");

        var expected = outbox.Where(o => o.State == OutboxState.Sent).GroupBy(o => (o.ConversationId, o.Summary)).ToDictionary(g => g.Key, g => g.Count());
        var received = teams.Received.Where(r => r.Sequence > fromSequence && r.Accepted)
            .GroupBy(r => (r.ConversationId, r.Summary ?? "")).ToDictionary(g => g.Key, g => g.Count());
        var strangers = received.Keys.Select(k => k.ConversationId).Except(conversations).Distinct().ToList();
        if (strangers.Count > 0) problems.Add($"cards reached conversations the soak did not install: {string.Join(", ", strangers.Take(5))}");
        int duplicated = 0, undelivered = notSent.Count;
        foreach (var key in expected.Keys.Union(received.Keys))
        {
            var (want, got) = (expected.GetValueOrDefault(key), received.GetValueOrDefault(key));
            if (got > want) duplicated += got - want;
            if (got < want) undelivered += want - got;
            if (got != want && problems.Count < 10) problems.Add($"{key.ConversationId}: {got} cards arrived for {want} sent ({key.Item2[..Math.Min(80, key.Item2.Length)]}…)");
        }
        if (teams.Violations.Count > 0) problems.Add($"{teams.Violations.Count} sends over Teams' limits, first: {teams.Violations[0]}");
        return new AlertResult(outbox.Count, received.Values.Sum(), duplicated, undelivered, teams.Violations.Count, problems);
    }
}
