using System.Text.Json.Nodes;
using ScorecardBot.EndToEnd.Tests.Support;

namespace ScorecardBot.EndToEnd.Tests;

/// <summary>A user in personal chat with the bot, typing into the Playground; the answers come back through it.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PersonalChatTests(PlaygroundFixture playground)
{
    private string Chat => playground.Client.PersonalChatId;

    [Fact]
    public async Task Ctio_coverage_in_July_comes_back_as_a_card_with_value_count_and_status()
    {
        var texts = await AskAsync("CTIO coverage in July");

        Assert.Contains("88%", texts);
        Assert.Contains("29 of 33 BOCUs", texts);
        Assert.Contains("Above Target", texts);
    }

    [Fact]
    public async Task An_acronym_is_spelled_out()
    {
        var texts = await AskAsync("what does BOCU stand for");

        Assert.Contains(texts, t => t.Contains("Borough Operational Command Unit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scorecard_for_June_to_August_lists_all_six_measures()
    {
        var texts = await AskAsync("scorecard June to August");

        var measures = ShortNamesOfMeasures();
        Assert.Equal(6, measures.Count);
        Assert.All(measures, name => Assert.Contains(texts, t => t.Contains(name, StringComparison.Ordinal)));
    }

    private async Task<List<string>> AskAsync(string question)
    {
        await using var stream = await playground.Client.OpenStreamAsync();
        await playground.Client.SendTextAsync(Chat, question);
        JsonObject message;
        try
        {
            message = await stream.NextBotMessageAsync(Chat, $"\"{question}\"");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{playground.Logs}", e);
        }
        return BotMessage.CardTexts(BotMessage.AdaptiveCard(message));
    }

    /// <summary>The measures as the scorecard definition names them, so the test follows the data, not a copy of it.</summary>
    private static List<string> ShortNamesOfMeasures()
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(Prerequisites.RepositoryRoot, "scorecard", "so-2007-08.json")))!;
        return definition["measures"]!.AsArray().Select(m => (string)m!["shortName"]!).ToList();
    }
}
