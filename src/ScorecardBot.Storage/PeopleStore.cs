using Microsoft.EntityFrameworkCore;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Storage;

/// <summary>
/// The names Teams gave the people the bot has met, by AAD object id, so answers about roles name people rather than
/// ids. Written only when someone is new or their name changed; the bot keeps what it has written in memory.
/// </summary>
public sealed class PeopleStore(ScorecardDatabase database, TimeProvider clock)
{
    public async Task RememberAsync(string aadObjectId, string name, CancellationToken cancellationToken = default)
    {
        aadObjectId = Normalise(aadObjectId);
        await using var db = database.CreateContext();
        var person = await db.People.FirstOrDefaultAsync(p => p.AadObjectId == aadObjectId, cancellationToken);
        if (person is null) db.People.Add(new Person { AadObjectId = aadObjectId, Name = name, LastSeenUtc = clock.GetUtcNow().UtcDateTime });
        else
        {
            person.Name = name;
            person.LastSeenUtc = clock.GetUtcNow().UtcDateTime;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance met the same person at the same moment: their name is stored either way.
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetNamesAsync(IEnumerable<string> aadObjectIds, CancellationToken cancellationToken = default)
    {
        var ids = aadObjectIds.Select(Normalise).Distinct().ToList();
        await using var db = database.CreateContext();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.AadObjectId)).ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.AadObjectId, p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>AAD object ids are GUIDs, written in either case: kept in lower case.</summary>
    private static string Normalise(string id) => id.Trim().ToLowerInvariant();
}
