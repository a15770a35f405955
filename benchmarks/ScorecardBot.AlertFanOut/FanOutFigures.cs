using ScorecardBot.Alerts;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.FakeTeams;

namespace ScorecardBot.AlertFanOut;

/// <summary>What the connector saw of a fan-out, against the minimum Teams' limits allow.</summary>
public sealed record FanOutFigures(
    int Messages, int Delivered, int Duplicates, IReadOnlyList<ReceivedActivity> Sends, int Violations, TimeSpan Elapsed,
    TimeSpan Minimum, TimeSpan FloorCountingEverySend, IReadOnlyList<int> PerSecond, IReadOnlyList<double> DeliveredAt,
    IReadOnlyList<double> SendMilliseconds)
{
    public const double Aim = 1.2;

    public double Ratio => Elapsed / Minimum;

    public bool AimMet => Delivered == Messages && Duplicates == 0 && Violations == 0 && Ratio <= Aim;

    /// <param name="startedAt">The dispatch's start on the connector's clock.</param>
    /// <param name="sendMilliseconds">Each try's time in the dispatcher, from the store.</param>
    public static FanOutFigures From(
        int messages, DeliveryLimits limits, FakeTeamsConnector teams, TimeSpan startedAt, TimeSpan elapsed,
        IReadOnlyList<double> sendMilliseconds)
    {
        var sends = teams.Received;
        var accepted = sends.Where(r => r.Accepted).GroupBy(r => r.Summary).Select(g => g.Count()).ToList();
        // The limits let a tenant have PerTenantPerSecond sends in any second (and a conversation 7 in a second and 60
        // in 30 s, which one message per conversation never reaches): N messages in one tenant need at least
        // N / PerTenantPerSecond seconds. Every send Teams refuses (429, 500) counts against the limit too, so the
        // floor counting them is higher; the waits a 429 or 500 asks for fall on single messages, beside other sends.
        var minimum = TimeSpan.FromSeconds((double)messages / limits.PerTenantPerSecond);
        var floor = TimeSpan.FromSeconds((double)sends.Count / limits.PerTenantPerSecond);
        var perSecond = sends.GroupBy(r => (int)(r.ArrivedAt - startedAt).TotalSeconds).OrderBy(g => g.Key)
            .Select(g => g.Count());
        var deliveredAt = sends.Where(r => r.Accepted).Select(r => (r.AnsweredAt - startedAt).TotalSeconds).Order();
        return new FanOutFigures(messages, accepted.Count, accepted.Sum(count => count - 1), sends,
            teams.Violations.Count, elapsed, minimum, floor, perSecond.ToList(), deliveredAt.ToList(),
            sendMilliseconds.Order().ToList());
    }

    public void Print(DispatchReport report, int backlog)
    {
        Console.WriteLine();
        Console.WriteLine($"  delivered      {Delivered} of {Messages} (store: {report.Sent} sent, "
            + $"{report.Retrying} retrying, {report.Failed} failed, {report.Gone} gone; backlog {backlog})");
        Console.WriteLine($"  duplicates     {Duplicates}");
        Console.WriteLine($"  sends          {Sends.Count} ({Sends.Count(r => r.Status == 429)} answered 429, "
            + $"{Sends.Count(r => r.Status >= 500)} answered 5xx); dispatcher attempts {report.Attempts}");
        Console.WriteLine($"  over limits    {Violations} sends");
        Console.WriteLine($"  per second     {string.Join(" ", PerSecond)} (sends arriving in each second of the run)");
        if (DeliveredAt.Count > 0)
        {
            Console.WriteLine($"  delivered by   {Quantile(DeliveredAt, 0.5):0.00} s (half), "
                + $"{Quantile(DeliveredAt, 0.99):0.00} s (99%), {DeliveredAt[^1]:0.00} s (all), on the connector's clock "
                + "from the dispatch's start");
        }
        if (SendMilliseconds.Count > 0)
        {
            Console.WriteLine($"  one send       {Quantile(SendMilliseconds, 0.5):0} ms median, "
                + $"{Quantile(SendMilliseconds, 0.99):0} ms p99 (in the dispatcher, from a free sender to Teams' answer)");
        }
        Console.WriteLine($"  elapsed        {Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"  minimum        {Minimum.TotalSeconds:0.00} s = {Messages} messages / "
            + $"{Messages / Minimum.TotalSeconds:0} per second per tenant; counting every send "
            + $"{FloorCountingEverySend.TotalSeconds:0.00} s");
        Console.WriteLine($"  ratio          {Ratio:0.000} x the minimum (aim: at most {Aim:0.0} x)");
        Console.WriteLine(AimMet
            ? "Aim met: all delivered, none duplicated, within Teams' limits, within 1.2 x the minimum."
            : "Aim missed.");
    }

    private static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
