using Microsoft.Bot.Builder;

namespace ScorecardBot.Tests.Conversation;

// The shapes of botbuilder-dotnet's own storage tests (PocoItem, PocoStoreItem), so its cases read the same here.

public sealed class PocoItem
{
    public string? Id { get; set; }
    public int Count { get; set; }
}

public sealed class PocoStoreItem : IStoreItem
{
    public string ETag { get; set; } = null!;
    public string? Id { get; set; }
    public int Count { get; set; }
}

public sealed class TestPocoState
{
    public string? Value { get; set; }
}

/// <summary>What the bot might remember of a person's last request in a conversation.</summary>
public sealed record RememberedRequest(string Text);

/// <summary>Mutable, as BotState's samples use state: changed in place, never set again.</summary>
public sealed class Profile
{
    public string? Name { get; set; }
    public List<string> Measures { get; set; } = [];
}

/// <summary>Counts its constructions: proves that a stored document naming it built none.</summary>
public sealed class Tripwire
{
    private static int _built;

    public Tripwire() => Interlocked.Increment(ref _built);

    public static int Built => Volatile.Read(ref _built);
}
