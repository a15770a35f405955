using System.Net;

namespace ScorecardBot.Soak;

/// <summary>What was sent, by kind of turn: latencies, 5xx answers, other errors and the first few of them.</summary>
public sealed class Tally
{
    public const string Question = "questions", Form = "forms", Submission = "submissions", AlertRun = "alert runs";
    public static readonly string[] Kinds = [Question, Form, Submission, AlertRun];

    private readonly object _gate = new();
    private readonly Dictionary<string, List<double>> _latencies = Kinds.ToDictionary(k => k, _ => new List<double>());
    private readonly List<string> _firstErrors = [];

    public long ServerErrors { get; private set; }
    public long OtherErrors { get; private set; }
    public long Turns { get; private set; }

    public void Add(string kind, TimeSpan latency)
    {
        lock (_gate)
        {
            _latencies[kind].Add(latency.TotalMilliseconds);
            Turns++;
        }
    }

    /// <summary>A turn that failed: a 5xx, another status, a timeout, or an answer that was not what it should be.</summary>
    public void Error(string kind, HttpStatusCode? status, string what)
    {
        lock (_gate)
        {
            if ((int?)status >= 500) ServerErrors++;
            else OtherErrors++;
            if (_firstErrors.Count < 10) _firstErrors.Add($"{kind}: {(status is { } s ? $"{(int)s} " : "")}{what}");
        }
    }

    public IReadOnlyList<string> FirstErrors
    {
        get
        {
            lock (_gate) return _firstErrors.ToList();
        }
    }

    public long Count(string kind)
    {
        lock (_gate) return _latencies[kind].Count;
    }

    /// <summary>The p-th percentile (0-100) of one kind's latencies in ms, or of all turns when kind is null.</summary>
    public double Percentile(double p, string? kind = null)
    {
        List<double> values;
        lock (_gate) values = (kind is null ? _latencies.Values.SelectMany(v => v) : _latencies[kind]).ToList();
        if (values.Count == 0) return double.NaN;
        values.Sort();
        var rank = (int)Math.Ceiling(p / 100 * values.Count) - 1;
        return values[Math.Clamp(rank, 0, values.Count - 1)];
    }
}
