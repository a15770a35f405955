using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>Help, the welcome, greetings, "did you mean", "I didn't understand", no figures, an old button: each offers questions to tap.</summary>
public static class HelpCard
{
    public static AdaptiveCard Draw(HelpView view) => view.Kind switch
    {
        HelpKind.Welcome => Welcome(view),
        HelpKind.Greeting or HelpKind.Thanks => Greeting(view),
        HelpKind.NotUnderstood => NotUnderstood(view),
        _ => Help(view),
    };

    private static AdaptiveCard Help(HelpView view)
    {
        var definition = view.Definition;
        var card = CardParts.NewCard($"I answer questions about the {CardParts.ScorecardName(definition)}. Try: " + string.Join("; ", view.Examples.Select(e => e.Title)) + ".");
        card.Body.Add(CardParts.Heading("What I can answer"));
        card.Body.Add(CardParts.Text($"Ask about any measure of the {CardParts.ScorecardName(definition)} ({definition.FinancialYear.Label}) in your own words: "
            + "by name, number (\"measure 2\", \"m5\") or acronym, for a month, a range of months, the year to date or the latest month; "
            + "compare two months (\"July v August\"), ask why a measure stands where it does, or which measures are off target. "
            + "Follow up with \"and August?\", \"what about\" another measure, or \"show me the trend\"."));
        var measures = new AdaptiveFactSet();
        foreach (var m in definition.Measures) measures.Facts.Add(new AdaptiveFact($"Measure {m.Number}", $"{m.ShortName} ({m.Command.Code})"));
        card.Body.Add(measures);
        var key = string.Join(", ", new[] { Status.AboveTarget, Status.WithinTolerance, Status.OutsideTolerance, Status.NoData }.Select(definition.KeyLabel));
        card.Body.Add(CardParts.Subtle($"In a channel or group chat, @mention me. Statuses follow the scorecard's Key: {key}."));
        AddExamples(card, view.Examples, 5);
        return card;
    }

    private static AdaptiveCard Welcome(HelpView view)
    {
        var definition = view.Definition;
        var card = CardParts.NewCard($"Hello. I'm the scorecard bot for the {CardParts.ScorecardName(definition)}. Ask me about a measure, a month, or which measures are off target.");
        card.Body.Add(CardParts.Heading("Hello, I'm the Scorecard bot"));
        card.Body.Add(CardParts.Text($"I answer questions about the {CardParts.ScorecardName(definition)} ({definition.FinancialYear.Label}) with the committee's figures and statuses. Ask in your own words, or tap a question below."));
        card.Body.Add(CardParts.Subtle("In a channel or group chat, @mention me. Type \"help\" at any time."));
        AddExamples(card, view.Examples, 5);
        return card;
    }

    /// <summary>A reply to "hello" or "thanks": which of the two it was decides the first word.</summary>
    private static AdaptiveCard Greeting(HelpView view)
    {
        var opening = view.Kind == HelpKind.Thanks ? "You're welcome." : "Hello.";
        var card = CardParts.NewCard($"{opening} Ask me about a measure, a month, or which measures are off target.");
        card.Body.Add(CardParts.Text($"{opening} Ask me about a measure, a month, or which measures are off target. For example:"));
        AddExamples(card, view.Examples, 5);
        return card;
    }

    private static AdaptiveCard NotUnderstood(HelpView view)
    {
        var shown = Shorten(view.Asked);
        var card = CardParts.NewCard($"Sorry, I didn't understand \"{shown}\". I answer questions about the scorecard's measures; for example: "
            + string.Join("; ", view.Examples.Take(4).Select(e => e.Title)) + ".");
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading("Sorry, I didn't catch that"));
        card.Body.Add(CardParts.Text(shown.Length == 0
            ? "I didn't find a question in that message."
            : $"I couldn't match \"{shown}\" to a measure, a period or a question I know."));
        card.Body.Add(CardParts.Text($"I answer questions about the {CardParts.ScorecardName(view.Definition)}. Try one of these, or type \"help\":"));
        AddExamples(card, view.Examples, 4);
        return card;
    }

    public static AdaptiveCard Clarify(ClarifyView view)
    {
        var why = view.Note ?? $"\"{Shorten(view.Asked)}\" could mean more than one thing.";
        var card = CardParts.NewCard($"{why} Did you mean: " + string.Join("; ", view.Choices.Select(c => c.Title)) + "?");
        card.Body.Add(CardParts.Heading("Which did you mean?"));
        card.Body.Add(view.Note is null ? CardParts.Text(why + " Tap the one you meant.") : CardParts.Note(view.Note));
        if (view.Note is not null) card.Body.Add(CardParts.Text("Tap the one you meant."));
        var set = new AdaptiveActionSet();
        foreach (var choice in view.Choices) set.Actions.Add(CardParts.Ask(choice.Title, choice.Request));
        card.Body.Add(set);
        return card;
    }

    public static AdaptiveCard NoFigures(NoFiguresView view)
    {
        var said = $"No figures have been submitted for {view.What} in the {CardParts.ScorecardName(view.Definition)} yet.";
        // A measure with no returns stands in the Key's own words for that ("No data", "No return"), never green.
        var noData = view.Definition.KeyLabel(Status.NoData);
        var card = CardParts.NewCard((view.Note is null ? "" : view.Note + " ")
            + (view.Measure is null ? $"There are no figures yet for {view.What}." : $"{view.What}: {noData}. {said}"));
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading("No figures yet"));
        if (view.Measure is { } m)
        {
            card.Body.Add(CardParts.Subtle($"Measure {m.Number}: {m.Title}"));
            card.Body.Add(CardParts.StatusLabel(Status.NoData, noData));
        }
        card.Body.Add(CardParts.Text(said));
        if (view.Measure is { } measure)
        {
            card.Body.Add(CardParts.Facts(("Target", measure.Target.Text), ("Command", CardParts.CommandLabel(measure.Command))));
            if (measure.Outcome is not null)
            {
                card.Actions.Add(CardParts.Ask("What it's for", new Request(Intent.Objective, "") { Measures = [measure] }));
            }
            card.Actions.Add(CardParts.AskScorecard("Whole scorecard"));
        }
        return card;
    }

    /// <summary>A button from an older card that no longer fits the scorecard: said plainly, with fresh questions.</summary>
    public static AdaptiveCard StaleButton(StaleButtonView view)
    {
        const string text = "That button is from an older card and no longer matches the scorecard, so I can't answer it. Ask again in your own words, or tap one of these:";
        var card = CardParts.NewCard(text);
        card.Body.Add(CardParts.Heading("That button is out of date"));
        card.Body.Add(CardParts.Text(text));
        AddExamples(card, view.Examples, 4);
        return card;
    }

    private static void AddExamples(AdaptiveCard card, IReadOnlyList<Example> examples, int count)
    {
        var set = new AdaptiveActionSet();
        foreach (var e in examples.Take(count)) set.Actions.Add(CardParts.Ask(e.Title, e.Request));
        if (set.Actions.Count > 0) card.Body.Add(set);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
