namespace ScorecardBot.FakeTeams;

/// <summary>How the fake connector answers one send: a status, the Retry-After of a 429, and how long it takes.</summary>
public sealed record FakeAnswer(int Status, TimeSpan? RetryAfter = null, TimeSpan Delay = default, Task? HeldUntil = null)
{
    public static FakeAnswer Created { get; } = new(201);
    public static FakeAnswer ServerError { get; } = new(500);
    public static FakeAnswer Forbidden { get; } = new(403);
    public static FakeAnswer NotFound { get; } = new(404);

    /// <summary>429 with Retry-After in whole seconds, as HTTP writes it.</summary>
    public static FakeAnswer Throttled(TimeSpan retryAfter) => new(429, retryAfter);

    /// <summary>The same answer, given only after a while.</summary>
    public FakeAnswer After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>The same answer, given only once the test lets it go: slow for exactly as long as a test needs.</summary>
    public FakeAnswer Until(Task release) => this with { HeldUntil = release };
}

/// <summary>
/// Answers drawn from a seeded Random for sends nothing else decides: a share throttled, a share failing with 500, a
/// share slow. The same seed gives the same sequence of answers in arrival order.
/// </summary>
public sealed record RandomAnswers(int Seed, double Throttled, double ServerErrors, TimeSpan RetryAfter, double Slow = 0, TimeSpan SlowBy = default);

/// <summary>Teams' limits on a bot's proactive messages, as the connector enforces them.</summary>
public sealed record TeamsLimits(int PerConversationPerSecond = 7, int PerConversationPer30Seconds = 60, int PerTenantPerSecond = 50);

/// <summary>
/// One send the connector received, when (on its own clock), and what it answered; abandoned when the bot stopped
/// waiting first (a slow answer past its timeout). An accepted send is a message posted, seen by the bot or not.
/// </summary>
public sealed record ReceivedActivity(
    int Sequence, string ConversationId, string TenantId, TimeSpan ArrivedAt, TimeSpan AnsweredAt, int Status, string? Summary,
    string? ReplyToId, string Json, bool Abandoned)
{
    public bool Accepted => Status is >= 200 and < 300;
}

/// <summary>A send that took a conversation or tenant over a limit: the connector answered it 429.</summary>
public sealed record LimitViolation(string Limit, string Key, TimeSpan At, int SendsInWindow);
