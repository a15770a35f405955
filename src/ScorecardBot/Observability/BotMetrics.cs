using System.Diagnostics;
using System.Diagnostics.Metrics;
using ScorecardBot.Questions;

namespace ScorecardBot.Observability;

/// <summary>
/// The bot's own instruments, on the Meter "ScorecardBot": what people asked and were answered, what commands submitted,
/// what the outbox delivered. Tags are few and bounded (an intent, an activity type, a reason from a fixed list),
/// never anything a person typed.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "ScorecardBot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _notUnderstood;
    private readonly Histogram<int> _cardBytes;
    private readonly Counter<long> _submissionsAccepted;
    private readonly Counter<long> _submissionsRefused;
    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertsRetried;
    private readonly Counter<long> _alertsFailed;

    public BotMetrics(IMeterFactory meters, OutboxDepth outboxDepth)
    {
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("scorecardbot.turns", "{turn}", "Turns the bot took, by activity type.");
        _turnDuration = meter.CreateHistogram("scorecardbot.turn.duration", "s",
            "How long a turn took, from the activity read to the reply written.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _answers = meter.CreateCounter<long>("scorecardbot.answers", "{answer}",
            "Messages answered, by what the question was taken to ask (intent).");
        _notUnderstood = meter.CreateCounter<long>("scorecardbot.answers.not_understood", "{answer}",
            "Messages the bot could not make a question of; over scorecardbot.answers, the share not understood.");
        _cardBytes = meter.CreateHistogram("scorecardbot.card.size", "By",
            "Bytes of each card sent in a turn, as Teams counts them (its limit is 28 KB).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1024, 2048, 4096, 8192, 12288, 16384, 20480, 24576, 28672] });
        _submissionsAccepted = meter.CreateCounter<long>("scorecardbot.submissions.accepted", "{submission}",
            "Figures forms saved, by command.");
        _submissionsRefused = meter.CreateCounter<long>("scorecardbot.submissions.refused", "{submission}",
            "Figures forms not saved, by reason: not_allowed, invalid, locked, stale (a newer save came first), bad_request.");
        _alertsSent = meter.CreateCounter<long>("scorecardbot.alerts.sent", "{message}", "Outbox messages Teams accepted.");
        _alertsRetried = meter.CreateCounter<long>("scorecardbot.alerts.retried", "{message}",
            "Outbox sends that failed in a way worth trying again (throttled, a server error, no answer), by status.");
        _alertsFailed = meter.CreateCounter<long>("scorecardbot.alerts.failed", "{message}",
            "Outbox messages given up, by reason: attempts (every try failed) or gone (the bot left the conversation).");
        meter.CreateObservableGauge("scorecardbot.outbox.depth", outboxDepth.Observe, "{message}",
            "Outbox messages still to go (pending or waiting to retry), read from the store at most every few seconds.");
    }

    public void Turn(string? activityType, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("activity.type", ActivityType(activityType));
        _turns.Add(1, tag);
        _turnDuration.Record(elapsed.TotalSeconds, tag);
    }

    public void Answered(Intent intent)
    {
        _answers.Add(1, new KeyValuePair<string, object?>("intent", intent.ToString()));
        if (intent == Intent.Unknown) _notUnderstood.Add(1);
    }

    public void CardSent(int bytes) => _cardBytes.Record(bytes);

    public void SubmissionAccepted(string command) =>
        _submissionsAccepted.Add(1, new KeyValuePair<string, object?>("command", command));

    public void SubmissionRefused(SubmissionRefusal reason) =>
        _submissionsRefused.Add(1, new KeyValuePair<string, object?>("reason", Name(reason)));

    public void AlertSent() => _alertsSent.Add(1);

    public void AlertRetried(int? statusCode) =>
        _alertsRetried.Add(1, new KeyValuePair<string, object?>("http.response.status_code", statusCode?.ToString() ?? "none"));

    /// <summary>A message that will not be sent (again): the conversation is gone, its tries ran out, or it is in doubt.</summary>
    public void AlertFailed(Storage.Entities.OutboxState state) => _alertsFailed.Add(1, new KeyValuePair<string, object?>("reason", state switch
    {
        Storage.Entities.OutboxState.Gone => "gone",
        Storage.Entities.OutboxState.InDoubt => "in_doubt",
        _ => "attempts",
    }));

    /// <summary>The types Teams sends; anything else is "other", so a caller cannot grow the tag's values.</summary>
    private static string ActivityType(string? type) => type switch
    {
        "message" or "invoke" or "conversationUpdate" or "installationUpdate" or "messageReaction" or "event" => type,
        _ => "other",
    };

    private static string Name(SubmissionRefusal reason) => reason switch
    {
        SubmissionRefusal.NotAllowed => "not_allowed",
        SubmissionRefusal.Invalid => "invalid",
        SubmissionRefusal.Locked => "locked",
        SubmissionRefusal.Stale => "stale",
        _ => "bad_request",
    };
}

/// <summary>Why a figures form was not saved.</summary>
public enum SubmissionRefusal
{
    /// <summary>The person is not a lead of the command, or has no role.</summary>
    NotAllowed,
    /// <summary>A figure or the form as a whole failed the checks.</summary>
    Invalid,
    /// <summary>The month is locked.</summary>
    Locked,
    /// <summary>The figures changed since the form was drawn; it is drawn again with them.</summary>
    Stale,
    /// <summary>The action's data could not be read as a form.</summary>
    BadRequest,
}
