using System.Collections.Concurrent;
using ScorecardBot.Storage;

namespace ScorecardBot.Submissions;

/// <summary>
/// Remembers the names Teams gives people, by AAD object id, so "who can submit" names them. Each person's name is
/// written once per process unless it changes, so a question costs no database write.
/// </summary>
public sealed partial class PeopleDirectory(PeopleStore store, ILogger<PeopleDirectory> logger)
{
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.OrdinalIgnoreCase);

    public async Task MeetAsync(string? aadObjectId, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId) || string.IsNullOrWhiteSpace(name) || aadObjectId.Length > 100 || name.Length > 200) return;
        if (_written.TryGetValue(aadObjectId, out var known) && known == name) return;
        try
        {
            await store.RememberAsync(aadObjectId, name.Trim(), cancellationToken);
            _written[aadObjectId] = name;
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            // A name not remembered only means an answer says "not yet seen": never worth failing a turn over.
            Log.NameNotRemembered(logger, e);
        }
    }

    /// <summary>People by name, with a count of those the bot has not met (their ids are never shown).</summary>
    public async Task<People> NamesAsync(IReadOnlyList<string> aadObjectIds, CancellationToken cancellationToken)
    {
        if (aadObjectIds.Count == 0) return new People([], 0);
        var names = await store.GetNamesAsync(aadObjectIds, cancellationToken);
        var found = aadObjectIds.Where(names.ContainsKey).Select(id => names[id]).Distinct().Order(StringComparer.CurrentCulture).ToList();
        return new People(found, aadObjectIds.Count(id => !names.ContainsKey(id)));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remember a person's name")]
        public static partial void NameNotRemembered(ILogger logger, Exception exception);
    }
}
