using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>Keeps every warning and error the app logs, so a test can say "nothing failed behind the polite reply".</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

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

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
