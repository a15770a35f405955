using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScorecardBot.Bot;
using ScorecardBot.Http.Tests.Support;

namespace ScorecardBot.Http.Tests.Bot;

/// <summary>Each turn has a deadline (Bot:TurnTimeout on the app's clock): a turn that never ends is cancelled and answered politely.</summary>
public sealed class TurnDeadlineTests(TurnDeadlineTests.NeverEndingBotApp app) : IClassFixture<TurnDeadlineTests.NeverEndingBotApp>
{
    [Fact]
    public async Task A_turn_that_runs_past_its_deadline_is_cancelled_and_the_user_told_politely()
    {
        var bot = app.CreateBotClient();
        app.Logs.Clear();

        var pending = bot.AskAsync("CTIO coverage in July");
        await app.Bot.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(pending.IsCompleted);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var turn = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(AdapterWithErrorHandler.TooLongMessage, (string?)Assert.Single(turn.Replies)["text"]);
        NoLeaks.AssertNone(turn);
        app.Logs.AssertNoFailures();
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("ran past Bot:TurnTimeout"));
    }

    /// <summary>The real adapter and pipeline, with a bot whose turn waits until it is cancelled.</summary>
    public sealed class NeverEndingBotApp : BotApp
    {
        public NeverEndingBot Bot { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.RemoveAll<IBot>();
            services.AddSingleton<IBot>(Bot);
        }
    }

    public sealed class NeverEndingBot : IBot
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
