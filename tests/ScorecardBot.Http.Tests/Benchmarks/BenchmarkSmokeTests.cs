using System.Text;
using CliWrap;
using ScorecardBot.Http.Tests.Support;
using Xunit.Abstractions;

namespace ScorecardBot.Http.Tests.Benchmarks;

/// <summary>
/// The benchmarks the README measures with, run briefly as the README runs them, so a change that breaks one is found
/// here rather than when its figures are next wanted. What they check is asserted; their timings are not.
/// </summary>
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_short_soak_of_two_instances_on_PostgreSQL_loses_and_duplicates_nothing_and_answers_no_5xx()
    {
        var (exit, printed) = await RunAsync("ScorecardBot.Soak",
            "--duration", "00:00:20", "--workers", "3", "--channels", "4", "--alert-every", "00:00:03", "--sample-every", "00:10:00");

        Assert.True(exit == 0, $"The soak exited {exit}:\n{printed}");
        Assert.Contains("errors     0 (5xx 0, other 0)", printed);
        Assert.Matches(@"figures    [\d,]+ saves confirmed in 3 months \(0 stale, 0 refused\): lost 0, duplicated 0; 6 answers", printed);
        Assert.Matches(@"alerts     [1-9]\d* of \d+ alert runs queued cards; \d+ cards queued, \d+ delivered, duplicated 0, undelivered 0, over Teams' limits 0", printed);
        Assert.Contains("Aim met", printed);
    }

    [Fact]
    public async Task A_small_fan_out_delivers_every_alert_once_within_Teams_limits()
    {
        var (exit, printed) = await RunAsync("ScorecardBot.AlertFanOut", "--conversations", "60");

        // Exit 3 is the 1.2 x aim missed: with 60 messages, the last retry's wait is most of the run.
        Assert.True(exit is 0 or 3, $"The fan-out exited {exit}:\n{printed}");
        Assert.Contains("delivered      60 of 60 (store: 60 sent, 0 retrying, 0 failed, 0 gone; backlog 0)", printed);
        Assert.Contains("duplicates     0", printed);
        Assert.Contains("over limits    0 sends", printed);
    }

    private async Task<(int Exit, string Output)> RunAsync(string benchmark, params string[] arguments)
    {
        string[] bot = benchmark.EndsWith("Soak", StringComparison.Ordinal) ? ["--bot-dll", BotProcess.Assembly] : [];
        var printed = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            var run = await Cli.Wrap("dotnet")
                .WithArguments([BotProcess.Built(Path.Combine("benchmarks", benchmark), benchmark), .. arguments, .. bot])
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(printed))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(printed))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(timeout.Token);
            output.WriteLine(printed.ToString());
            return (run.ExitCode, printed.ToString());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{benchmark} was still running after 4 minutes:\n{printed}");
        }
    }
}
