using AdaptiveCards;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Cards;

/// <summary>Help, the welcome on install, "did you mean", and "I didn't understand": each offers questions to tap.</summary>
public static class HelpCard
{
    public static readonly string[] Examples =
    [
        "CTIO coverage in July",
        "SNT briefing year to date",
        "How many IED calls in August?",
        "Which measures are off target?",
        "Scorecard June to August",
        "Hotline trend",
        "What does BOCU stand for?",
    ];

    public static AdaptiveCard Help(ScorecardDefinition definition)
    {
        var card = CardParts.NewCard("I answer questions about the " + definition.Title + " scorecard. Try: " + string.Join("; ", Examples) + ".");
        card.Body.Add(CardParts.Heading("What I can answer"));
        card.Body.Add(CardParts.Text($"Ask about any measure of the {definition.Title} scorecard ({definition.FinancialYear.Label}) in your own words: by name, number (\"measure 2\", \"m5\") or acronym, for a month (\"July\", \"Jul-07\", \"2007-07\"), a range (\"June to August\"), year to date, or the latest month."));
        var measures = new AdaptiveFactSet();
        foreach (var m in definition.Measures) measures.Facts.Add(new AdaptiveFact($"Measure {m.Number}", $"{m.ShortName} ({m.Command.Code})"));
        card.Body.Add(measures);
        card.Body.Add(CardParts.Subtle("In a channel or group chat, @mention me. Statuses follow the committee Key: Above Target, Less Than 10% Outside Target, More Than 10% Outside Target, No data."));
        AddExamples(card);
        return card;
    }

    public static AdaptiveCard Welcome(ScorecardDefinition definition)
    {
        var card = CardParts.NewCard($"Hello. I'm the scorecard bot for the {definition.Title} scorecard. Ask me about a measure, a month, or which measures are off target.");
        card.Body.Add(CardParts.Heading("Hello, I'm the Scorecard bot"));
        card.Body.Add(CardParts.Text($"I answer questions about the {definition.Title} scorecard ({definition.FinancialYear.Label}) with the committee's figures and statuses. Ask in your own words, or tap a question below."));
        card.Body.Add(CardParts.Subtle("In a channel or group chat, @mention me. Type \"help\" at any time."));
        AddExamples(card);
        return card;
    }

    /// <summary>A reply to "hello" or "thanks": which of the two it was decides the first word.</summary>
    public static AdaptiveCard Greeting(ScorecardDefinition definition, bool thanks = false)
    {
        var opening = thanks ? "You're welcome." : "Hello.";
        var card = CardParts.NewCard($"{opening} Ask me about a measure, a month, or which measures are off target.");
        card.Body.Add(CardParts.Text($"{opening} Ask me about a measure, a month, or which measures are off target. For example:"));
        AddExamples(card);
        return card;
    }

    public static AdaptiveCard Clarify(string asked, IReadOnlyList<(string Title, string Question)> choices, string? note = null)
    {
        var why = note ?? $"\"{Shorten(asked)}\" could mean more than one thing.";
        var card = CardParts.NewCard($"{why} Did you mean: " + string.Join("; ", choices.Select(c => c.Title)) + "?");
        card.Body.Add(CardParts.Heading("Which did you mean?"));
        card.Body.Add(note is null ? CardParts.Text(why + " Tap the one you meant.") : CardParts.Note(note));
        if (note is not null) card.Body.Add(CardParts.Text("Tap the one you meant."));
        var set = new AdaptiveActionSet();
        foreach (var (title, question) in choices) set.Actions.Add(CardParts.Ask(title, question));
        card.Body.Add(set);
        return card;
    }

    public static AdaptiveCard NotUnderstood(string asked, ScorecardDefinition definition)
    {
        var shown = Shorten(asked);
        var card = CardParts.NewCard($"Sorry, I didn't understand \"{shown}\". I answer questions about the scorecard's measures; for example: " + string.Join("; ", Examples.Take(4)) + ".");
        card.Body.Add(CardParts.Heading("Sorry, I didn't catch that"));
        card.Body.Add(CardParts.Text(shown.Length == 0
            ? "I didn't find a question in that message."
            : $"I couldn't match \"{shown}\" to a measure, a period or a question I know."));
        card.Body.Add(CardParts.Text("I answer questions about the " + definition.Title + " scorecard. Try one of these, or type \"help\":"));
        AddExamples(card, 4);
        return card;
    }

    private static void AddExamples(AdaptiveCard card, int count = 5)
    {
        var set = new AdaptiveActionSet();
        foreach (var e in Examples.Take(count)) set.Actions.Add(CardParts.Ask(e, e));
        card.Body.Add(set);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
