namespace ScorecardBot.Http.Tests.Support;

/// <summary>What must never reach a user: the marks of an exception or a stack trace.</summary>
public static class NoLeaks
{
    public static readonly string[] Markers = ["Exception", "   at ", "StackTrace"];

    /// <summary>The markers found in a response body that the request did not itself contain (the bot may quote what it was sent).</summary>
    public static IReadOnlyList<string> In(string responseBody, string requestBody = "") =>
        Markers.Where(m => responseBody.Contains(m, StringComparison.Ordinal) && !requestBody.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();

    public static void AssertNone(Turn turn, string requestBody = "")
    {
        var found = In(turn.Body, requestBody);
        Assert.True(found.Count == 0, $"The response shows {string.Join(", ", found)}: {turn.Body}");
    }
}
