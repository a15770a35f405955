using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// Keeps every warning and error the app logs (or, asked for, everything from Information up), each with the scopes it
/// was logged in, so a test can say "nothing failed behind the polite reply" or "no line carries the question's words".
/// </summary>
public sealed class LogCapture(LogLevel minimum = LogLevel.Warning) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly LogLevel _minimum = minimum;
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    /// <summary>Errors and anything logged with an exception: what an unhandled failure in a turn leaves behind.</summary>
    public IReadOnlyList<LogEntry> Failures => _entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();

    /// <summary>Tests of one class share an app and run one at a time: each clears the log first, then checks its own failures.</summary>
    public void Clear() => _entries.Clear();

    public void AssertNoFailures()
    {
        var failures = Failures;
        Assert.True(failures.Count == 0, "The app logged failures:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <param name="Scope">The values of the scopes the line was logged in (the turn's conversation, the trace ids), by name.</param>
    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, string?>? Scope = null)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var scope = new Dictionary<string, string?>();
            capture._scopes?.ForEachScope((value, values) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs) values[key] = item?.ToString();
                }
                else
                {
                    values[$"scope{values.Count}"] = value?.ToString();
                }
            }, scope);
            capture._entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, scope));
        }
    }
}
