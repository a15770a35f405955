using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ScorecardBot.Storage;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Submissions.FigureForms;

namespace ScorecardBot.Http.Tests.Submissions;

/// <summary>Many submits at once through the real endpoint and one SQLite file: no lost update, no double save.</summary>
public sealed class ConcurrentSubmissionTests(RolesBotApp app) : IClassFixture<RolesBotApp>
{
    [Fact]
    public Task Twenty_leads_submitting_one_form_at_once_save_exactly_one_and_the_rest_are_told_it_is_stale() =>
        ConcurrentSubmissions.TwentyFromOneFormAsync(app);

    [Fact]
    public Task One_submit_delivered_twenty_times_at_once_saves_once() => ConcurrentSubmissions.OneSubmitTwentyTimesAsync(app);
}

/// <summary>The same through the real endpoint over a real PostgreSQL server, each test on a database of its own.</summary>
[Collection(ScorecardBot.Storage.Tests.PostgresCollection.Name)]
public sealed class PostgresConcurrentSubmissionTests(ScorecardBot.Storage.Tests.PostgresServer server)
{
    [Fact]
    public async Task Twenty_leads_submitting_one_form_at_once_save_exactly_one_and_the_rest_are_told_it_is_stale_on_PostgreSQL()
    {
        using var app = new PostgresRolesBotApp(await server.CreateEmptyDatabaseAsync());
        await ConcurrentSubmissions.TwentyFromOneFormAsync(app);
        Assert.Equal(StorageProvider.Postgres, app.Services.GetRequiredService<ScorecardDatabase>().Provider);
    }

    [Fact]
    public async Task One_submit_delivered_twenty_times_at_once_saves_once_on_PostgreSQL()
    {
        using var app = new PostgresRolesBotApp(await server.CreateEmptyDatabaseAsync());
        await ConcurrentSubmissions.OneSubmitTwentyTimesAsync(app);
        Assert.Equal(StorageProvider.Postgres, app.Services.GetRequiredService<ScorecardDatabase>().Provider);
    }
}

/// <summary>The roles of <see cref="RolesBotApp"/>, over a PostgreSQL database the bot migrates and seeds at start.</summary>
public sealed class PostgresRolesBotApp(ScorecardBot.Storage.StorageOptions storage) : BotApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
    [
        new("Access:Leads:CTC:0", RolesBotApp.CtcLead),
        new("Storage:Provider", storage.Provider.ToString()),
        new("ConnectionStrings:Scorecard", storage.ConnectionString),
        new("Storage:MigrateOnStart", "true"),
    ]);
}

public static class ConcurrentSubmissions
{
    private static Dictionary<string, string?> Inputs(JObject form, string calls)
    {
        var inputs = FigureForms.Inputs(form);
        foreach (var id in inputs.Keys.Where(k => k.StartsWith("figure.", StringComparison.Ordinal)).ToList()) inputs[id] = "9";
        inputs["figure.hotline-calls"] = calls;
        // October and November both have 9 BOCUs with CTIOs: none rolled out, so no warning asks to confirm.
        inputs["figure.ctio-rolled-out"] = "0";
        return inputs;
    }

    public static async Task TwentyFromOneFormAsync(BotApp app)
    {
        var bot = app.CreateBotClient();
        var forms = new List<JObject>();
        for (var i = 0; i < 20; i++) forms.Add((await bot.SendAsync(From("submit CTC figures for October 2007", RolesBotApp.CtcLead, "Lee Lead"))).Card);

        var cards = await Task.WhenAll(forms.Select((form, i) => Task.Run(async () =>
            ResponseCard(await bot.SendAsync(Invoke(Action(form, "submitFigures"), Inputs(form, (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), RolesBotApp.CtcLead, "Lee Lead"))))));

        var texts = cards.Select(CardText.Of).ToList();
        Assert.Single(texts, t => t.Contains("Saved · CTC"));
        Assert.Equal(19, texts.Count(t => t.Contains("Your figures were not saved")));
        var history = (await bot.SendAsync(From("history of measure 5 for October 2007", RolesBotApp.CtcLead, "Lee Lead"))).Card;
        Assert.Single(CardText.Strings(history), s => s == "Calls received");
        app.Logs.AssertNoFailures();
    }

    public static async Task OneSubmitTwentyTimesAsync(BotApp app)
    {
        var bot = app.CreateBotClient();
        var form = (await bot.SendAsync(From("submit CTC figures for November 2007", RolesBotApp.CtcLead, "Lee Lead"))).Card;
        var invoke = Invoke(Action(form, "submitFigures"), Inputs(form, "400"), RolesBotApp.CtcLead, "Lee Lead");

        var cards = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () => ResponseCard(await bot.SendAsync((JObject)invoke.DeepClone())))));

        Assert.True(cards.Count(c => CardText.Of(c).Contains("Saved · CTC")) == 1, string.Join("\n---\n", cards.Select(c => CardText.Of(c)[..200])));
        Assert.All(cards.Where(c => !CardText.Of(c).Contains("Saved · CTC")), c => Assert.Contains("Already saved", CardText.Of(c)));
        var history = (await bot.SendAsync(From("history of measure 5 for November 2007", RolesBotApp.CtcLead, "Lee Lead"))).Card;
        Assert.Single(CardText.Strings(history), s => s == "Calls received");
    }
}

/// <summary>The bot on 15 October 2007, so November 2007 is still to come.</summary>
public sealed class October2007BotApp : BotApp
{
    protected override DateTimeOffset Start => new(2007, 10, 15, 9, 0, 0, TimeSpan.Zero);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Append(new("Access:Leads:CTC:0", RolesBotApp.CtcLead));
}

public sealed class FutureMonthTests(October2007BotApp app) : IClassFixture<October2007BotApp>
{
    [Fact]
    public async Task Figures_for_a_month_still_to_come_are_refused_and_the_month_is_not_offered()
    {
        var bot = app.CreateBotClient();
        var form = (await bot.SendAsync(From("submit figures", RolesBotApp.CtcLead, "Lee Lead"))).Card;
        var months = form.Descendants().OfType<JObject>().First(o => (string?)o["id"] == "month")["choices"]!.Select(c => (string?)c["value"]).ToList();
        Assert.Equal("2007-10", months[^1]);

        var inputs = FigureForms.Inputs(form);
        foreach (var id in inputs.Keys.Where(k => k.StartsWith("figure.", StringComparison.Ordinal)).ToList()) inputs[id] = "1";
        inputs["month"] = "2007-11";
        var redrawn = ResponseCard(await bot.SendAsync(Invoke(Action(form, "submitFigures"), inputs, RolesBotApp.CtcLead, "Lee Lead")));
        var future = ResponseCard(await bot.SendAsync(Invoke(Action(redrawn, "submitFigures"), inputs, RolesBotApp.CtcLead, "Lee Lead")));

        Assert.Contains("November 2007 is still to come", CardText.Of(future));
        Assert.DoesNotContain("Saved", CardText.Of(future));
    }
}
