using System.Diagnostics;
using System.Globalization;
using System.Net;
using ScorecardBot.Core.Periods;
using ScorecardBot.LoadTest;
using ScorecardBot.Storage;

namespace ScorecardBot.Soak;

/// <summary>One worker's command-lead ledger: its month, and what the bot said it saved.</summary>
public sealed class Ledger(int worker, YearMonth month)
{
    public int Worker { get; } = worker;
    public YearMonth Month { get; } = month;
    public string LeadId { get; } = Traffic.LeadId(worker);
    public int Accepted { get; set; }
    public int Stale { get; set; }
    public int Refused { get; set; }

    /// <summary>The hotline's figures in the last submission the bot confirmed as saved.</summary>
    public (long Calls, long Answered)? Saved { get; set; }
}

/// <summary>The traffic of one soak: the workers, the admin's alert runs and the memory samples.</summary>
public sealed class Soak(SoakOptions options, HttpClient client, IReadOnlyList<ServerProcess> instances, StorageOptions storage, string serviceUrl)
{
    /// <summary>The financial year the seed scorecard covers; worker w leads CTC's figures for its w-th month.</summary>
    private static readonly YearMonth FirstMonth = new(2007, 4);

    /// <summary>A worker's turn is a submission (the form, then its submit) this often; otherwise a question.</summary>
    private const double SubmissionShare = 0.15;

    private readonly List<(TimeSpan At, double[] RssMiB)> _memory = [];

    public SoakOptions Options { get; } = options;
    public IReadOnlyList<ServerProcess> Instances { get; } = instances;
    public HttpClient Client { get; } = client;
    public StorageOptions Storage { get; } = storage;

    /// <summary>The fake Teams connector's address: every conversation's service URL.</summary>
    public string ServiceUrl { get; } = serviceUrl;

    /// <summary>The workers' own chats: each a lead's, so each receives its command's alerts.</summary>
    public IEnumerable<string> LeadChats => Ledgers.Select(l => Chat(l.Worker));
    public Tally Tally { get; } = new();
    public IReadOnlyList<Ledger> Ledgers { get; } = Enumerable.Range(0, options.Workers).Select(w => new Ledger(w, FirstMonth.AddMonths(w))).ToList();
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Alert runs that queued at least one card.</summary>
    public int AlertRunsQueued { get; private set; }

    public IReadOnlyList<(TimeSpan At, double[] RssMiB)> Memory => _memory;

    /// <summary>Each instance's runtime counters through the traffic (empty when dotnet-counters could not run).</summary>
    public IReadOnlyList<IReadOnlyList<RuntimeReading>> Runtime { get; private set; } = [];

    /// <summary>When the traffic started, on the wall clock the counters' readings are stamped with.</summary>
    public DateTime StartedAt { get; private set; }

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var counters = Instances.Select(i => RuntimeCounters.Start(i.Pid, TimeSpan.FromSeconds(5))).ToList();
        StartedAt = DateTime.Now;
        var clock = Stopwatch.StartNew();
        Sample(clock.Elapsed);
        var workers = Ledgers.Select(l => WorkAsync(l, stop.Token)).ToList();
        var alerts = AlertsAsync(stop.Token);
        var samples = SampleAsync(clock, output, stop.Token);
        try
        {
            await Task.Delay(Options.Duration, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers.Append(alerts).Append(samples));
        }
        Elapsed = clock.Elapsed;
        Sample(Elapsed);
        Runtime = await Task.WhenAll(counters.Select(c => c.StopAsync()));
        foreach (var c in counters) await c.DisposeAsync();
    }

    /// <summary>One worker: a turn at a time, to the instances in turn; questions, and now and then a submission.</summary>
    private async Task WorkAsync(Ledger ledger, CancellationToken stop)
    {
        var random = new Random(Options.Seed * 1_000 + ledger.Worker);
        var questions = QuestionMix.All;
        var chat = Chat(ledger.Worker);
        var name = $"Lead {ledger.Worker + 1}";
        for (var turn = 0; !stop.IsCancellationRequested; turn++)
        {
            try
            {
                if (random.NextDouble() < SubmissionShare) await SubmitAsync(ledger, random, chat, name, turn, stop);
                else await AskAsync(questions[random.Next(questions.Count)].Text, Instances[turn % 2], ledger.LeadId, name, chat, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The soak's time is up: a turn cut short is not counted.
            }
        }
    }

    private async Task AskAsync(string text, ServerProcess instance, string who, string name, string chat, CancellationToken stop)
    {
        var (status, body, latency) = await PostAsync(Tally.Question, instance, Traffic.Message(text, who, name, chat, ServiceUrl), stop);
        if (status is null) return;
        if (status != HttpStatusCode.OK) Tally.Error(Tally.Question, status, Trim(body));
        else if (Traffic.ReplyCard(body) is null) Tally.Error(Tally.Question, status, $"no card for \"{text}\"");
        else Tally.Add(Tally.Question, latency);
    }

    /// <summary>
    /// The lead asks one instance for the month's form and submits it to the other: the hotline's calls are new each
    /// time (so each save changes a figure), answered between 60% and 100% of them (so the status moves about).
    /// </summary>
    private async Task SubmitAsync(Ledger ledger, Random random, string chat, string name, int turn, CancellationToken stop)
    {
        var ask = $"submit CTC figures for {ledger.Month.ToLongLabel()}";
        var (status, body, latency) = await PostAsync(Tally.Form, Instances[turn % 2], Traffic.Message(ask, ledger.LeadId, name, chat, ServiceUrl), stop);
        if (status is null) return;
        var form = status == HttpStatusCode.OK ? Traffic.ReplyCard(body) : null;
        if (form is null)
        {
            Tally.Error(Tally.Form, status, Trim(body));
            return;
        }
        Tally.Add(Tally.Form, latency);

        var calls = 1_000L + ledger.Accepted + ledger.Stale + ledger.Refused + 1;
        var answered = (long)(calls * (0.6 + 0.4 * random.NextDouble()));
        var figures = new Dictionary<string, string>
        {
            ["figure.hotline-calls"] = calls.ToString(CultureInfo.InvariantCulture),
            ["figure.hotline-answered"] = answered.ToString(CultureInfo.InvariantCulture),
            ["figure.ctio-rolled-out"] = "0", ["figure.ctio-total-bocus"] = "29",
            ["figure.snt-recruited"] = "12", ["figure.snt-briefed"] = "11",
            ["figure.ied-in-time"] = "40", ["figure.ied-calls"] = "40",
            ["figure.scenes-appropriate"] = "9", ["figure.scenes-managed"] = "9",
        };
        var submit = Traffic.Submit(form, figures, ledger.LeadId, name, chat, ServiceUrl);
        (status, body, latency) = await PostAsync(Tally.Submission, Instances[(turn + 1) % 2], submit, stop, cancellable: false);
        if (status != HttpStatusCode.OK)
        {
            Tally.Error(Tally.Submission, status, Trim(body));
            return;
        }
        var card = Traffic.InvokeCard(body);
        var said = card is null ? Traffic.Refusal(body) ?? Trim(body) : Traffic.Said(card);
        if (card is not null && said.Contains("save anyway if they are right", StringComparison.Ordinal))
        {
            // Figures that disagree with the month before (the rolled-out count against the change in the total): the
            // lead has checked them, and saves anyway.
            Tally.Add(Tally.Submission, latency);
            var anyway = Traffic.Submit(card, figures, ledger.LeadId, name, chat, ServiceUrl, anyway: true);
            (status, body, latency) = await PostAsync(Tally.Submission, Instances[turn % 2], anyway, stop, cancellable: false);
            if (status != HttpStatusCode.OK)
            {
                Tally.Error(Tally.Submission, status, Trim(body));
                return;
            }
            card = Traffic.InvokeCard(body);
            said = card is null ? Traffic.Refusal(body) ?? Trim(body) : Traffic.Said(card);
        }
        if (said.StartsWith("Saved:", StringComparison.Ordinal))
        {
            ledger.Accepted++;
            ledger.Saved = (calls, answered);
            Tally.Add(Tally.Submission, latency);
        }
        else if (said.Contains("Your figures were not saved", StringComparison.Ordinal))
        {
            // Another save came first: as a lead would, the next submission starts from a fresh form.
            ledger.Stale++;
            Tally.Add(Tally.Submission, latency);
        }
        else
        {
            ledger.Refused++;
            Tally.Error(Tally.Submission, status, $"not saved: {Trim(said)}");
        }
    }

    /// <summary>Every so often an admin runs the alerts for one of the workers' months, at the instances in turn.</summary>
    private async Task AlertsAsync(CancellationToken stop)
    {
        var random = new Random(Options.Seed);
        using var timer = new PeriodicTimer(Options.AlertEvery);
        try
        {
            for (var run = 0; await timer.WaitForNextTickAsync(stop); run++)
            {
                var month = Ledgers[random.Next(Ledgers.Count)].Month;
                var text = $"run alerts for {month.ToLongLabel()}";
                var (status, body, latency) = await PostAsync(
                    Tally.AlertRun, Instances[run % 2], Traffic.Message(text, Traffic.AdminId, "Soak Admin", "a:soak-admin", ServiceUrl), stop, cancellable: false);
                var card = status == HttpStatusCode.OK ? Traffic.ReplyCard(body) : null;
                var said = card is null ? "" : Traffic.Said(card);
                if (card is null || !said.Contains("Alerts run", StringComparison.Ordinal))
                {
                    Tally.Error(Tally.AlertRun, status, Trim(body));
                    continue;
                }
                Tally.Add(Tally.AlertRun, latency);
                if (said.Contains("Queued:", StringComparison.Ordinal)) AlertRunsQueued++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(Stopwatch clock, TextWriter output, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Options.SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var sample = Sample(clock.Elapsed);
                output.WriteLine($"  {sample.At.TotalMinutes,5:0.0} min  {Tally.Turns,8} turns  {Tally.ServerErrors + Tally.OtherErrors} errors  " +
                    $"memory {string.Join(", ", sample.RssMiB.Select(m => $"{m:0} MiB"))}");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private (TimeSpan At, double[] RssMiB) Sample(TimeSpan at)
    {
        var sample = (at, Instances.Select(i => i.Memory().RssMiB).ToArray());
        lock (_memory) _memory.Add(sample);
        return sample;
    }

    /// <summary>One turn; a null status when the soak's time ran out first, or a timeout or refused connection counted as an error.</summary>
    private async Task<(HttpStatusCode? Status, string Body, TimeSpan Latency)> PostAsync(
        string kind, ServerProcess instance, System.Text.Json.Nodes.JsonObject activity, CancellationToken stop, bool cancellable = true)
    {
        try
        {
            // A submission or an alert run, once sent, is seen through: its answer is what the checks compare with.
            var (status, body, latency) = await SoakRun.PostAsync(Client, instance, activity, cancellable ? stop : CancellationToken.None);
            return (status, body, latency);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return (null, "", TimeSpan.Zero);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Tally.Error(kind, null, $"{instance.Name}: {e.GetType().Name}: {e.Message}");
            return (null, "", TimeSpan.Zero);
        }
    }

    private static string Chat(int worker) => $"a:soak-chat-{worker}";

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
