namespace AdaptiveCards.Tests;

public class InputAndActionTests
{
    [Fact]
    public void Execute_action_carries_verb_and_data()
    {
        var card = new AdaptiveCard("1.5")
        {
            Actions =
            {
                new AdaptiveExecuteAction
                {
                    Title = "Submit figures",
                    Verb = "submitFigures",
                    Data = new { measureId = 7, month = "2025-05" },
                    AssociatedInputs = AdaptiveAssociatedInputs.Auto,
                    Style = AdaptiveActionStyle.Positive,
                },
            },
        };

        Json.Equal("""
            { "type": "Action.Execute", "title": "Submit figures", "style": "positive", "verb": "submitFigures",
              "data": { "measureId": 7, "month": "2025-05" } }
            """, Json.Of(card)["actions"]![0]!);
    }

    [Fact]
    public void Other_actions_use_their_schema_types()
    {
        var card = new AdaptiveCard("1.5")
        {
            Actions =
            {
                new AdaptiveSubmitAction { Title = "Cancel", Data = new { cancel = true }, AssociatedInputs = AdaptiveAssociatedInputs.None },
                new AdaptiveOpenUrlAction { Title = "Open", Url = new Uri("https://example.org/report") },
                new AdaptiveShowCardAction { Title = "More", Card = new AdaptiveCard("1.5") { Body = { new AdaptiveTextBlock("detail") } } },
            },
        };
        var actions = Json.Of(card)["actions"]!;

        Json.Equal("""{ "type": "Action.Submit", "title": "Cancel", "data": { "cancel": true }, "associatedInputs": "none" }""", actions[0]!);
        Json.Equal("""{ "type": "Action.OpenUrl", "title": "Open", "url": "https://example.org/report" }""", actions[1]!);
        Assert.Equal("Action.ShowCard", (string?)actions[2]!["type"]);
        Assert.Equal("detail", (string?)actions[2]!["card"]!["body"]![0]!["text"]);
    }

    [Fact]
    public void Number_input_omits_unset_value_min_and_max()
    {
        var card = new AdaptiveCard("1.5")
        {
            Body =
            {
                new AdaptiveNumberInput { Id = "actual", Label = "Actual", IsRequired = true, ErrorMessage = "Enter a number", Min = 0 },
                new AdaptiveNumberInput { Id = "target", Value = 95.5, Placeholder = "Target" },
            },
        };

        Json.Equal("""
            { "type": "Input.Number", "id": "actual", "min": 0.0, "isRequired": true, "label": "Actual", "errorMessage": "Enter a number" }
            """, Json.Body(card));
        Json.Equal("""
            { "type": "Input.Number", "id": "target", "placeholder": "Target", "value": 95.5 }
            """, Json.Body(card, 1));
    }

    [Fact]
    public void Text_and_choice_inputs_write_only_what_is_set()
    {
        var card = new AdaptiveCard("1.5")
        {
            Body =
            {
                new AdaptiveTextInput { Id = "note", IsMultiline = true, MaxLength = 500, Placeholder = "Why?" },
                new AdaptiveChoiceSetInput
                {
                    Id = "status",
                    Style = AdaptiveChoiceInputStyle.Expanded,
                    Value = "green",
                    Choices = { new AdaptiveChoice { Title = "Green", Value = "green" }, new AdaptiveChoice { Title = "Red", Value = "red" } },
                },
            },
        };

        Json.Equal("""
            { "type": "Input.Text", "id": "note", "placeholder": "Why?", "isMultiline": true, "maxLength": 500 }
            """, Json.Body(card));
        Json.Equal("""
            { "type": "Input.ChoiceSet", "id": "status", "value": "green", "style": "expanded",
              "choices": [ { "title": "Green", "value": "green" }, { "title": "Red", "value": "red" } ] }
            """, Json.Body(card, 1));
    }

    [Fact]
    public void Action_set_holds_actions_inside_the_body()
    {
        var card = new AdaptiveCard("1.5") { Body = { new AdaptiveActionSet { Actions = { new AdaptiveSubmitAction { Title = "Go" } } } } };

        Json.Equal("""{ "type": "ActionSet", "actions": [ { "type": "Action.Submit", "title": "Go" } ] }""", Json.Body(card));
    }
}
