using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ScorecardBot.FakeTeams;

/// <summary>
/// Teams' Bot Framework connector as a bot sees it, on a loopback port: the two routes a proactive send can take
/// (POST /v3/conversations/{id}/activities, and .../activities/{replyToId} for a reply). It keeps every activity
/// received with its arrival time on its own clock, answers as a test scripts it (per conversation, or from a seeded
/// Random), and enforces Teams' limits itself: a send that makes a conversation's last second hold more than 7, its last
/// 30 seconds more than 60, or its tenant's last second more than 50, is answered 429 and recorded as a violation.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly object _lock = new();
    private readonly TeamsLimits _limits;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly string _folder = Directory.CreateTempSubdirectory("scorecardbot-fake-teams-").FullName;
    private readonly List<ReceivedActivity> _received = [];
    private readonly List<LimitViolation> _violations = [];
    private readonly Dictionary<string, Queue<FakeAnswer>> _scripts = [];
    private readonly Dictionary<string, FakeAnswer> _standing = [];
    private readonly Dictionary<string, Queue<TimeSpan>> _windows = [];
    private (RandomAnswers Answers, Random Random)? _random;
    private int _sequence;
    private WebApplication? _app;

    private FakeTeamsConnector(TeamsLimits limits) => _limits = limits;

    /// <summary>Where the bot sends: the serviceUrl of every conversation reference that points here.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The connector's clock: time since it started.</summary>
    public TimeSpan Now => Stopwatch.GetElapsedTime(_start);

    public IReadOnlyList<ReceivedActivity> Received
    {
        get { lock (_lock) return _received.ToList(); }
    }

    public IReadOnlyList<LimitViolation> Violations
    {
        get { lock (_lock) return _violations.ToList(); }
    }

    public static async Task<FakeTeamsConnector> StartAsync(TeamsLimits? limits = null)
    {
        var connector = new FakeTeamsConnector(limits ?? new TeamsLimits());
        // Its own empty content root, so no appsettings.json of the host's folder is read.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = connector._folder });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext http) =>
            connector.ReceiveAsync(conversationId, null, http));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext http) =>
            connector.ReceiveAsync(conversationId, activityId, http));
        await app.StartAsync();
        connector._app = app;
        connector.ServiceUrl = app.Urls.First() + "/";
        return connector;
    }

    /// <summary>The next sends to a conversation get these answers, in order; then the usual answer again.</summary>
    public void Script(string conversationId, params FakeAnswer[] answers)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(conversationId, out var queue)) _scripts[conversationId] = queue = new Queue<FakeAnswer>();
            foreach (var answer in answers) queue.Enqueue(answer);
        }
    }

    /// <summary>Every send to a conversation gets this answer (after any scripted ones).</summary>
    public void AnswerAlways(string conversationId, FakeAnswer answer)
    {
        lock (_lock) _standing[conversationId] = answer;
    }

    /// <summary>Sends no script or standing answer decides are answered from a seeded Random.</summary>
    public void AnswerAtRandom(RandomAnswers answers)
    {
        lock (_lock) _random = (answers, new Random(answers.Seed));
    }

    public IReadOnlyList<ReceivedActivity> ReceivedFor(string conversationId) =>
        Received.Where(r => r.ConversationId == conversationId).ToList();

    /// <summary>Waits until what was received satisfies a condition; false if it did not within the time given.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<ReceivedActivity>, bool> condition, TimeSpan within)
    {
        var deadline = Now + within;
        while (!condition(Received))
        {
            if (Now > deadline) return false;
            await Task.Delay(10);
        }
        return true;
    }

    /// <summary>
    /// A Bot Framework conversation reference (as JSON, as the bot stores it) for a Teams conversation served here, taken
    /// from an incoming message with this activity id.
    /// </summary>
    public string ReferenceJson(string conversationId, string tenantId, string conversationType = "channel", string activityId = "1") =>
        new JsonObject
        {
            ["activityId"] = activityId,
            ["user"] = new JsonObject { ["id"] = "29:user", ["name"] = "A person", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["bot"] = new JsonObject { ["id"] = "28:scorecard-bot", ["name"] = "Scorecard" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId, ["tenantId"] = tenantId, ["conversationType"] = conversationType, ["isGroup"] = conversationType != "personal",
            },
            ["channelId"] = "msteams",
            ["locale"] = "en-GB",
            ["serviceUrl"] = ServiceUrl,
        }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task ReceiveAsync(string conversationId, string? replyToId, HttpContext http)
    {
        var arrived = Now;
        var json = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var activity = JsonNode.Parse(json);
        var tenantId = (string?)activity?["conversation"]?["tenantId"] ?? (string?)activity?["channelData"]?["tenant"]?["id"] ?? "";
        int sequence;
        FakeAnswer answer;
        lock (_lock)
        {
            sequence = ++_sequence;
            answer = Enforce(conversationId, tenantId, arrived) ?? Choose(conversationId);
        }
        var abandoned = false;
        try
        {
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, http.RequestAborted);
            if (answer.HeldUntil is { } release) await release.WaitAsync(http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The bot stopped waiting. Teams would still have posted a message it accepted: it counts as received.
            abandoned = true;
        }
        http.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } wait) http.Response.Headers.RetryAfter = $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))}";
        var body = answer.Status is >= 200 and < 300
            ? new JsonObject { ["id"] = $"activity-{sequence}" }
            : new JsonObject { ["error"] = new JsonObject { ["code"] = $"Status{answer.Status}", ["message"] = $"Fake Teams answered {answer.Status}." } };
        lock (_lock)
        {
            _received.Add(new ReceivedActivity(sequence, conversationId, tenantId, arrived, Now, answer.Status, (string?)activity?["summary"],
                replyToId, json, abandoned));
        }
        if (!abandoned) await http.Response.WriteAsJsonAsync(body);
    }

    /// <summary>Counts the send in each window it falls in; a 429 when that takes any over its limit.</summary>
    private FakeAnswer? Enforce(string conversationId, string tenantId, TimeSpan arrived)
    {
        var over = new[]
        {
            Count("conversation per second", conversationId, TimeSpan.FromSeconds(1), _limits.PerConversationPerSecond, arrived),
            Count("conversation per 30 seconds", conversationId, TimeSpan.FromSeconds(30), _limits.PerConversationPer30Seconds, arrived),
            Count("tenant per second", tenantId, TimeSpan.FromSeconds(1), _limits.PerTenantPerSecond, arrived),
        }.Where(wait => wait is not null).Max();
        return over is { } retryAfter ? FakeAnswer.Throttled(retryAfter) : null;
    }

    /// <summary>Adds a send to a window; over the limit, records a violation and returns how long until it has room.</summary>
    private TimeSpan? Count(string limit, string key, TimeSpan window, int max, TimeSpan arrived)
    {
        var name = $"{limit}:{key}";
        if (!_windows.TryGetValue(name, out var sends)) _windows[name] = sends = new Queue<TimeSpan>();
        // A window is the last `window` up to this send: a send exactly one window earlier has left it.
        while (sends.Count > 0 && sends.Peek() <= arrived - window) sends.Dequeue();
        sends.Enqueue(arrived);
        if (sends.Count <= max) return null;
        _violations.Add(new LimitViolation(limit, key, arrived, sends.Count));
        return sends.Peek() + window - arrived;
    }

    private FakeAnswer Choose(string conversationId)
    {
        if (_scripts.TryGetValue(conversationId, out var script) && script.TryDequeue(out var scripted)) return scripted;
        if (_standing.TryGetValue(conversationId, out var standing)) return standing;
        if (_random is not ({ } answers, { } random)) return FakeAnswer.Created;
        var draw = random.NextDouble();
        var answer = draw < answers.Throttled ? FakeAnswer.Throttled(answers.RetryAfter)
            : draw < answers.Throttled + answers.ServerErrors ? FakeAnswer.ServerError
            : FakeAnswer.Created;
        return random.NextDouble() < answers.Slow ? answer.After(answers.SlowBy) : answer;
    }
}
