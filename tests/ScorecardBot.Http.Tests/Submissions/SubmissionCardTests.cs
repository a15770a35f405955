using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ScorecardBot.Http.Tests.Support;
using static ScorecardBot.Http.Tests.Submissions.FigureForms;

namespace ScorecardBot.Http.Tests.Submissions;

/// <summary>Every card of the figures forms, drawn through the real endpoint, passes the official parser at 1.5 and fits Teams.</summary>
public sealed class SubmissionCardTests(RolesBotApp app) : IClassFixture<RolesBotApp>
{
    private async Task<List<(string Name, JObject Card)>> CollectAsync()
    {
        var bot = app.CreateBotClient();
        var cards = new List<(string, JObject)>();
        async Task<JObject> Say(string text, string who) => (await bot.SendAsync(From(text, who, "Lee Lead"))).Card;

        var form = await Say("submit CTC figures for September 2007", RolesBotApp.CtcLead);
        cards.Add(("form", form));
        var inputs = new Dictionary<string, string?>(Inputs(form)) { ["month"] = "2007-09" };
        foreach (var id in inputs.Keys.Where(k => k.StartsWith("figure.", StringComparison.Ordinal)).ToList()) inputs[id] = "5";
        inputs["figure.hotline-answered"] = "9";
        cards.Add(("form with errors", ResponseCard(await bot.SendAsync(Invoke(Action(form, "submitFigures"), inputs, RolesBotApp.CtcLead, "Lee Lead")))));
        inputs["figure.hotline-answered"] = "5";
        inputs["figure.ctio-rolled-out"] = "3";
        var warned = ResponseCard(await bot.SendAsync(Invoke(Action(form, "submitFigures"), inputs, RolesBotApp.CtcLead, "Lee Lead")));
        cards.Add(("form with warnings", warned));
        cards.Add(("confirmation", ResponseCard(await bot.SendAsync(Invoke(Action(warned, "submitFigures"), inputs, RolesBotApp.CtcLead, "Lee Lead")))));
        cards.Add(("command choice", await Say("submit figures", RolesBotApp.Admin)));
        cards.Add(("not allowed", await Say("submit figures", RolesBotApp.Nobody)));
        cards.Add(("who can submit", await Say("who can submit for SO14", RolesBotApp.Nobody)));
        cards.Add(("history", await Say("history of measure 5 for September 2007", RolesBotApp.Nobody)));
        cards.Add(("lock", await Say("lock November 2007", RolesBotApp.Admin)));
        cards.Add(("locked form", await Say("submit CTC figures for November 2007", RolesBotApp.CtcLead)));
        cards.Add(("unlock", await Say("unlock November 2007", RolesBotApp.Admin)));
        return cards;
    }

    [Fact]
    public async Task Every_figures_card_passes_the_official_parser_and_fits_Teams()
    {
        var cards = await CollectAsync();

        await CardValidator.AssertValidAsync(cards);
        foreach (var (name, card) in cards)
        {
            Assert.True(Encoding.UTF8.GetByteCount(card.ToString(Formatting.None)) < 28 * 1024, name);
            Assert.Equal("1.5", (string?)card["version"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)card["speak"]), $"{name}: no speak");
        }
    }
}
