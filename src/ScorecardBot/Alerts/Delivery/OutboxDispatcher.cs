using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using ScorecardBot.Observability;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Alerts.Delivery;

/// <summary>
/// What one dispatch did: messages by where they now stand, the sends it made, and the sends a stopped process had left
/// under way that it settled as in doubt.
/// </summary>
public sealed record DispatchReport(int Sent, int Retrying, int Failed, int Gone, int Attempts, int InDoubt = 0);

/// <summary>
/// Delivers the outbox: every message due is sent to its conversation within Teams' limits, and each try is recorded
/// with Teams' answer. 2xx is Sent; 403 or 404 is Gone and the conversation is marked inactive; 429 waits for its
/// Retry-After; 5xx, a timeout or no answer is tried again with exponential backoff and jitter, up to MaxAttempts, then
/// Failed. A conversation's messages go one after another, in the order queued; conversations go side by side, up to
/// Parallelism sends at once, and one that is waiting (for its permits, a Retry-After or a backoff) holds up no other.
/// </summary>
/// <remarks>
/// <para>Retries run here, in Polly's retry strategy on the app's TimeProvider, so a 429's wait or a backoff costs
/// seconds rather than a poll interval, and the backoff is Polly's rather than a formula of ours. Before each wait
/// the try is recorded with the message Retrying until then: if the process stops, the next run finds it due then. A
/// wait longer than the poll interval is left to a later run instead of holding this one.</para>
/// <para>One dispatcher runs at a time (the caller's job is not concurrent, across instances too), so a message is
/// claimed by being due, not by a lock. No card goes twice because of a stop: each message is marked Sending just
/// before it leaves, and a run starts by settling any left Sending (a process was killed, or ran out of time at
/// shutdown, before it recorded Teams' answer) as InDoubt, never sent again and shown as such in the alerts log. At
/// most Parallelism messages can be in doubt after a kill. Cancelling a dispatch is not a kill: sends under way
/// finish and are recorded. (A send that timed out here is retried, as Teams' own guidance says; if Teams had in
/// fact accepted it, that one shows twice.)</para>
/// </remarks>
public sealed partial class OutboxDispatcher : IAsyncDisposable
{
    /// <summary>
    /// Messages read from the store at a time. The store hands back messages still under way until they are recorded,
    /// so more are read when half a batch is done.
    /// </summary>
    private const int BatchSize = 500;

    private static readonly ResiliencePropertyKey<Delivery> DeliveryKey = new("ScorecardBot.Delivery");

    private readonly OutboxStore _outbox;
    private readonly ConversationStore _conversations;
    private readonly IConversationSender _sender;
    private readonly DeliveryLimits _limits;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly BotMetrics _metrics;
    private readonly SendPermits _permits;
    private readonly SemaphoreSlim _sending;
    private readonly SemaphoreSlim _oneRun;
    private readonly SemaphoreSlim _writing;
    private readonly ConcurrentDictionary<int, ResiliencePipeline<Attempt>> _retries = new();

    public OutboxDispatcher(
        OutboxStore outbox, ConversationStore conversations, IConversationSender sender, ScorecardDatabase database,
        IOptions<AlertOptions> options, TimeProvider clock, BotMetrics metrics, ILogger<OutboxDispatcher> logger)
    {
        (_outbox, _conversations, _sender, _clock, _metrics, _logger) = (outbox, conversations, sender, clock, metrics, logger);
        _limits = options.Value.Delivery;
        // Kept between runs, so the sends of one run still count against the windows of the next.
        _permits = new SendPermits(_limits, clock);
        _sending = new SemaphoreSlim(_limits.Parallelism);
        _oneRun = new SemaphoreSlim(1, 1);
        // SQLite takes one writer at a time (and a reader waits for it), and its client waits for the lock by blocking
        // a thread: sends answered together would each hold a pool thread while the others write, starving the sends
        // and timers behind them (measured: seconds of the fan-out sent well under the limit). Here they queue
        // without a thread.
        _writing = new SemaphoreSlim(database.Provider == StorageProvider.Sqlite ? 1 : _limits.Parallelism);
    }

    /// <summary>
    /// Sends every message due, and those that come due while it runs, until none is left to try now. Cancelled, it
    /// starts no more sends, lets those under way finish and be recorded, then throws.
    /// </summary>
    public async Task<DispatchReport> DispatchDueAsync(CancellationToken cancellationToken)
    {
        // One run at a time in this process: a poll that comes while a run is sending waits for it and then finds what
        // it left (a run started straight after an evaluation, an admin's run, a test's). Across instances the
        // scheduler's clustered job store keeps the scheduled runs apart.
        await _oneRun.WaitAsync(cancellationToken);
        try
        {
            return await DispatchAllDueAsync(cancellationToken);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task<DispatchReport> DispatchAllDueAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = new Run(stop);
        await SettleInterruptedAsync(run, cancellationToken);
        var lanes = new Dictionary<long, SemaphoreSlim>();
        var taken = new HashSet<long>();
        var underWay = 0;
        using var finished = new SemaphoreSlim(0);
        while (!stop.IsCancellationRequested)
        {
            var fresh = (await ReadDueAsync(run)).Where(item => taken.Add(item.Message.Id)).ToList();
            foreach (var item in fresh)
            {
                if (!lanes.TryGetValue(item.Conversation.Id, out var lane))
                {
                    lanes[item.Conversation.Id] = lane = new SemaphoreSlim(1);
                }
                underWay++;
                _ = DeliverAsync(item, lane, run).ContinueWith(_ => finished.Release(), TaskScheduler.Default);
            }
            if (underWay == 0) break;
            // Read again when half a batch is done, or, with nothing new, when half of what is left is.
            var readAgainAt = fresh.Count > 0 ? Math.Min(BatchSize / 2, underWay - 1) : underWay / 2;
            while (underWay > readAgainAt)
            {
                await finished.WaitAsync(CancellationToken.None);
                underWay--;
            }
        }
        // Stopped: what is under way finishes (sends are never abandoned halfway; waits end at once).
        for (; underWay > 0; underWay--) await finished.WaitAsync(CancellationToken.None);
        foreach (var lane in lanes.Values) lane.Dispose();

        var report = run.Report();
        run.Fault?.Throw();
        if (cancellationToken.IsCancellationRequested)
        {
            Log.DispatchStopped(_logger, report);
            cancellationToken.ThrowIfCancellationRequested();
        }
        if (report.Attempts > 0 || report.Gone > 0 || report.InDoubt > 0) Log.DispatchDone(_logger, report);
        return report;
    }

    /// <summary>Sends a stopped process left under way become InDoubt: no run is sending now, so none is still going.</summary>
    private async Task SettleInterruptedAsync(Run run, CancellationToken cancellationToken)
    {
        IReadOnlyList<long> settled = [];
        await WriteAsync(async () => settled = await _outbox.SettleInterruptedAsync(cancellationToken));
        if (settled.Count == 0) return;
        // Joined here as the log line has always shown them ("12, 13"); the logging generator would write a JSON array.
        Log.SettledInDoubt(_logger, settled.Count, string.Join(", ", settled));
        foreach (var _ in settled)
        {
            _metrics.AlertFailed(OutboxState.InDoubt);
            run.Count(OutboxState.InDoubt);
        }
    }

    private async Task<IReadOnlyList<OutboxItem>> ReadDueAsync(Run run)
    {
        try
        {
            IReadOnlyList<OutboxItem> due = [];
            await WriteAsync(async () => due = await _outbox.DueAsync(BatchSize, run.Stop.Token));
            return due;
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            return [];
        }
        catch (Exception e)
        {
            run.Failed(e);
            return [];
        }
    }

    /// <summary>One message, in its conversation's turn; never throws (a fault stops the run and is thrown by it).</summary>
    private async Task DeliverAsync(OutboxItem item, SemaphoreSlim lane, Run run)
    {
        try
        {
            await lane.WaitAsync(run.Stop.Token);
            try
            {
                await DeliverInTurnAsync(item, run);
            }
            finally
            {
                lane.Release();
            }
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            // Stopped before this message's next send: it stays where the store has it, due for the next run.
        }
        catch (Exception e)
        {
            run.Failed(e);
        }
    }

    private async Task DeliverInTurnAsync(OutboxItem item, Run run)
    {
        var conversation = item.Conversation;
        if (!conversation.Active || run.IsGone(conversation.Id))
        {
            var reason = conversation.InactiveReason ?? "The bot is no longer in the conversation.";
            await CloseConversationAsync(conversation, reason, run);
            _metrics.AlertFailed(OutboxState.Gone);
            run.Count(OutboxState.Gone);
            return;
        }
        using var delivery = new Delivery(item, run);
        var context = ResilienceContextPool.Shared.Get(delivery.Stop.Token);
        context.Properties.Set(DeliveryKey, delivery);
        Outcome<Attempt> outcome;
        try
        {
            outcome = await Retries(_limits.MaxAttempts - item.Message.Attempts - 1)
                .ExecuteOutcomeAsync(static (c, dispatcher) => dispatcher.AttemptAsync(c), context, this);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        if (outcome.Exception is OperationCanceledException && delivery.Stop.IsCancellationRequested)
        {
            // Stopped while waiting: for permits (nothing sent, nothing to record) or for a retry recorded before it.
            if (delivery.Recorded is { } state) run.Count(state);
            return;
        }
        outcome.ThrowIfException();
        await RecordFinalAsync(delivery, outcome.Result!);
    }

    /// <summary>One try: the conversation's and tenant's permits, a free sender, the send.</summary>
    private async ValueTask<Outcome<Attempt>> AttemptAsync(ResilienceContext context)
    {
        try
        {
            var delivery = context.Properties.GetValue(DeliveryKey, null!);
            return Outcome.FromResult(await SendAsync(delivery, context.CancellationToken));
        }
        catch (Exception e)
        {
            // Polly's outcome API takes failures as outcomes, not exceptions.
            return Outcome.FromException<Attempt>(e);
        }
    }

    private async Task<Attempt> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var permit = await _permits.AcquireAsync(delivery.Item.Conversation, cancellationToken);
        try
        {
            await _sending.WaitAsync(cancellationToken);
        }
        catch
        {
            permit.Return();
            throw;
        }
        var started = _clock.GetTimestamp();
        SendResult result;
        try
        {
            // On record before it leaves: a process stopped from here until the answer is recorded leaves it in doubt.
            var message = delivery.Item.Message;
            await WriteAsync(() => _outbox.MarkSendingAsync(message.Id, CancellationToken.None));
            // Not the run's token: a send under way is finished and recorded, never abandoned halfway.
            result = await _sender.SendAsync(
                delivery.Item.Conversation, message.Card, message.Summary, CancellationToken.None);
        }
        catch (Exception e)
        {
            Log.SendFailed(_logger, delivery.Item.Message.Id, e);
            result = new SendResult(null, Error: $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _sending.Release();
        }
        permit.ReturnAfterAnswer(result.RetryAfter);
        delivery.Attempted();
        return new Attempt(result, _clock.GetElapsedTime(started));
    }

    /// <summary>Polly's retry for a message with this many retries left (across runs) after the next try.</summary>
    private ResiliencePipeline<Attempt> Retries(int retries) => retries < 1
        ? ResiliencePipeline<Attempt>.Empty
        : _retries.GetOrAdd(retries, n => new ResiliencePipelineBuilder<Attempt> { TimeProvider = _clock }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = n,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _limits.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Retryable == true),
                // Teams' Retry-After when it gave one; otherwise Polly's backoff.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Result.RetryAfter),
                OnRetry = args => BeforeRetryAsync(
                    args.Context.Properties.GetValue(DeliveryKey, null!), args.Outcome.Result!, args.RetryDelay),
            })
            .Build());

    /// <summary>Records the try before the wait, so a stopped process leaves the message due when the wait ends.</summary>
    private async ValueTask BeforeRetryAsync(Delivery delivery, Attempt attempt, TimeSpan delay)
    {
        var next = _clock.GetUtcNow().UtcDateTime + delay;
        await RecordAsync(delivery, attempt, OutboxState.Retrying, next);
        if (delay > _limits.PollInterval)
        {
            Log.RetryDeferred(_logger, delivery.Item.Message.Id, delay);
            delivery.Defer();
        }
    }

    private async Task RecordFinalAsync(Delivery delivery, Attempt attempt)
    {
        var result = attempt.Result;
        var tries = delivery.Item.Message.Attempts + delivery.Attempts;
        if (result.Succeeded)
        {
            await RecordAsync(delivery, attempt, OutboxState.Sent, null);
        }
        else if (result.ConversationGone)
        {
            await RecordAsync(delivery, attempt, OutboxState.Gone, null);
            var reason = $"Teams answered {result.StatusCode}: {result.Error}";
            await CloseConversationAsync(delivery.Item.Conversation, reason, delivery.Run);
        }
        else if (attempt.Retryable && tries < _limits.MaxAttempts)
        {
            // Stopped between the answer and the retry: due again at once, or when Teams said.
            var next = _clock.GetUtcNow().UtcDateTime + (result.RetryAfter ?? TimeSpan.Zero);
            await RecordAsync(delivery, attempt, OutboxState.Retrying, next);
        }
        else
        {
            Log.DeliveryFailed(
                _logger, delivery.Item.Message.Id, delivery.Item.Conversation.Id, tries, result.Error ?? $"{result.StatusCode}");
            await RecordAsync(delivery, attempt, OutboxState.Failed, null);
        }
        delivery.Run.Count(delivery.Recorded!.Value);
    }

    private async Task RecordAsync(Delivery delivery, Attempt attempt, OutboxState state, DateTime? next)
    {
        // Not cancellable: a send that was made is recorded even when the run is stopping.
        var result = attempt.Result;
        await WriteAsync(() => _outbox.RecordAttemptAsync(
            delivery.Item.Message.Id, result.StatusCode, result.Error, attempt.Elapsed, state, next, CancellationToken.None));
        delivery.Recorded = state;
        switch (state)
        {
            case OutboxState.Sent: _metrics.AlertSent(); break;
            case OutboxState.Retrying: _metrics.AlertRetried(result.StatusCode); break;
            default: _metrics.AlertFailed(state); break;
        }
    }

    /// <summary>The bot is no longer in the conversation: it is marked inactive and nothing more is sent to it.</summary>
    private async Task CloseConversationAsync(ConversationRecord conversation, string reason, Run run)
    {
        if (!run.MarkGone(conversation.Id)) return;
        Log.ConversationGone(_logger, conversation.Id, reason);
        if (conversation.Active) await WriteAsync(() => _conversations.MarkInactiveAsync(conversation.Id, reason, CancellationToken.None));
        await WriteAsync(() => _outbox.CloseConversationAsync(conversation.Id, reason, CancellationToken.None));
    }

    /// <summary>A store call, one at a time on SQLite.</summary>
    private async Task WriteAsync(Func<Task> write)
    {
        await _writing.WaitAsync(CancellationToken.None);
        try
        {
            await write();
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _permits.DisposeAsync();
        _sending.Dispose();
        _writing.Dispose();
    }

    /// <summary>One try's answer and how long it took.</summary>
    private sealed record Attempt(SendResult Result, TimeSpan Elapsed)
    {
        /// <summary>No answer, a timeout, throttling or a server error: worth trying again.</summary>
        public bool Retryable => Result.StatusCode is null or 408 or 429 or >= 500;
    }

    /// <summary>A message being delivered in this run.</summary>
    private sealed class Delivery(OutboxItem item, Run run) : IDisposable
    {
        private int _attempts;

        public OutboxItem Item { get; } = item;
        public Run Run { get; } = run;

        /// <summary>The run's stop, and this message's own when its next try is left to a later run.</summary>
        public CancellationTokenSource Stop { get; } = CancellationTokenSource.CreateLinkedTokenSource(run.Stop.Token);

        public int Attempts => _attempts;
        public OutboxState? Recorded { get; set; }

        public void Attempted()
        {
            _attempts++;
            Run.Attempted();
        }

        public void Defer() => Stop.Cancel();

        public void Dispose() => Stop.Dispose();
    }

    /// <summary>The run's counts, the conversations found gone, and the first fault (which stops the run).</summary>
    private sealed class Run(CancellationTokenSource stop)
    {
        private readonly ConcurrentDictionary<long, bool> _gone = new();
        private int _sent, _retrying, _failed, _goneMessages, _attempts, _inDoubt;

        public CancellationTokenSource Stop { get; } = stop;
        public ExceptionDispatchInfo? Fault { get; private set; }

        public bool IsGone(long conversationId) => _gone.ContainsKey(conversationId);
        public bool MarkGone(long conversationId) => _gone.TryAdd(conversationId, true);
        public void Attempted() => Interlocked.Increment(ref _attempts);

        public void Count(OutboxState state)
        {
            switch (state)
            {
                case OutboxState.Sent: Interlocked.Increment(ref _sent); break;
                case OutboxState.Failed: Interlocked.Increment(ref _failed); break;
                case OutboxState.Gone: Interlocked.Increment(ref _goneMessages); break;
                case OutboxState.InDoubt: Interlocked.Increment(ref _inDoubt); break;
                default: Interlocked.Increment(ref _retrying); break;
            }
        }

        public void Failed(Exception exception)
        {
            lock (_gone) Fault ??= ExceptionDispatchInfo.Capture(exception);
            Stop.Cancel();
        }

        public DispatchReport Report() => new(_sent, _retrying, _failed, _goneMessages, _attempts, _inDoubt);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch stopped: {Report}")]
        public static partial void DispatchStopped(ILogger logger, DispatchReport report);

        [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch done: {Report}")]
        public static partial void DispatchDone(ILogger logger, DispatchReport report);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox messages were being sent when a process stopped; whether Teams showed them is not known, so they are in doubt and not sent again: {MessageIds}")]
        public static partial void SettledInDoubt(ILogger logger, int count, string messageIds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {MessageId} failed before Teams answered")]
        public static partial void SendFailed(ILogger logger, long messageId, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} waits {Delay} before its next try: left to a later run")]
        public static partial void RetryDeferred(ILogger logger, long messageId, TimeSpan delay);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} to conversation {ConversationId} failed after {Tries} tries: {Error}")]
        public static partial void DeliveryFailed(ILogger logger, long messageId, long conversationId, int tries, string error);

        [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} is gone ({Reason}): its queued messages are closed")]
        public static partial void ConversationGone(ILogger logger, long conversationId, string reason);
    }
}
