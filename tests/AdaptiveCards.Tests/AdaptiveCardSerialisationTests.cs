using Newtonsoft.Json.Linq;

namespace AdaptiveCards.Tests;

public class AdaptiveCardSerialisationTests
{
    [Fact]
    public void Card_serialises_to_schema_json_with_type_first_and_no_defaults()
    {
        var card = new AdaptiveCard(new AdaptiveSchemaVersion(1, 5))
        {
            FallbackText = "Scorecard",
            Speak = "Scorecard for May",
            Body =
            {
                new AdaptiveTextBlock("Scorecard") { Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
                new AdaptiveTextBlock("plain"),
            },
        };

        Json.Equal("""
            {
              "type": "AdaptiveCard",
              "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
              "version": "1.5",
              "fallbackText": "Scorecard",
              "speak": "Scorecard for May",
              "body": [
                { "type": "TextBlock", "text": "Scorecard", "size": "extraLarge", "weight": "bolder", "wrap": true },
                { "type": "TextBlock", "text": "plain" }
              ]
            }
            """, Json.Of(card));
    }

    [Fact]
    public void Empty_body_and_actions_are_left_out()
    {
        var json = Json.Of(new AdaptiveCard("1.4"));

        Json.Equal("""{ "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.4" }""", json);
    }

    [Fact]
    public void Schema_version_parses_and_prints_major_dot_minor()
    {
        Assert.Equal("1.5", new AdaptiveSchemaVersion("1.5").ToString());
        Assert.Equal("2.0", new AdaptiveSchemaVersion("2").ToString());
        Assert.True(new AdaptiveSchemaVersion(1, 5) > new AdaptiveSchemaVersion(1, 4));
        Assert.Equal(new AdaptiveSchemaVersion(1, 5), new AdaptiveSchemaVersion("1.5"));
        Assert.Throws<AdaptiveSerializationException>(() => new AdaptiveSchemaVersion("one"));
    }

    [Fact]
    public void Content_type_is_the_adaptive_card_mime_type()
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", AdaptiveCard.ContentType);
    }

    [Fact]
    public void Additional_properties_carry_teams_extras_such_as_full_width()
    {
        var card = new AdaptiveCard("1.5");
        card.AdditionalProperties["msteams"] = new { width = "Full" };

        Assert.Equal("Full", (string?)Json.Of(card)["msteams"]!["width"]);
    }

    [Fact]
    public void Refresh_carries_an_execute_action_and_user_ids()
    {
        var card = new AdaptiveCard("1.5")
        {
            Refresh = new AdaptiveRefresh
            {
                Action = new AdaptiveExecuteAction { Verb = "refresh", Data = new { month = "2025-05" } },
                UserIds = { "29:abc" },
            },
        };

        Json.Equal("""
            { "action": { "type": "Action.Execute", "verb": "refresh", "data": { "month": "2025-05" } }, "userIds": [ "29:abc" ] }
            """, Json.Of(card)["refresh"]!);
    }

    [Fact]
    public void Element_defaults_are_omitted_and_changes_are_written()
    {
        var hidden = new AdaptiveTextBlock("x") { IsVisible = false, Separator = true, Spacing = AdaptiveSpacing.Medium, Height = AdaptiveHeight.Stretch, Id = "t1" };
        var card = new AdaptiveCard("1.5") { Body = { hidden } };

        Json.Equal("""
            { "type": "TextBlock", "id": "t1", "text": "x", "spacing": "medium", "separator": true, "height": "stretch", "isVisible": false }
            """, Json.Body(card));
    }

    [Fact]
    public void Enums_use_schema_spelling()
    {
        var card = new AdaptiveCard("1.5")
        {
            Body =
            {
                new AdaptiveTextBlock("t")
                {
                    Color = AdaptiveTextColor.Attention,
                    IsSubtle = true,
                    HorizontalAlignment = AdaptiveHorizontalAlignment.Right,
                    FontType = AdaptiveFontType.Monospace,
                    Style = AdaptiveTextBlockStyle.Heading,
                    MaxLines = 2,
                },
            },
        };

        Json.Equal("""
            { "type": "TextBlock", "text": "t", "color": "attention", "isSubtle": true, "horizontalAlignment": "right",
              "maxLines": 2, "fontType": "monospace", "style": "heading" }
            """, Json.Body(card));
    }

    [Fact]
    public void Fact_set_writes_title_value_pairs()
    {
        var card = new AdaptiveCard("1.5")
        {
            Body = { new AdaptiveFactSet { Facts = { new AdaptiveFact("Status", "Green"), new AdaptiveFact("Target", "95%") } } },
        };

        Json.Equal("""
            { "type": "FactSet", "facts": [ { "title": "Status", "value": "Green" }, { "title": "Target", "value": "95%" } ] }
            """, Json.Body(card));
    }

    [Fact]
    public void Column_set_nests_columns_with_width_and_style()
    {
        var card = new AdaptiveCard("1.5")
        {
            Body =
            {
                new AdaptiveColumnSet
                {
                    Columns =
                    {
                        new AdaptiveColumn { Width = "auto", Items = { new AdaptiveTextBlock("A") } },
                        new AdaptiveColumn
                        {
                            Width = "stretch",
                            Style = AdaptiveContainerStyle.Good,
                            VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center,
                            Items = { new AdaptiveTextBlock("B") },
                        },
                    },
                },
                new AdaptiveContainer { Style = AdaptiveContainerStyle.Emphasis, Bleed = true, Items = { new AdaptiveTextBlock("C") } },
            },
        };

        Json.Equal("""
            { "type": "ColumnSet", "columns": [
                { "type": "Column", "items": [ { "type": "TextBlock", "text": "A" } ], "width": "auto" },
                { "type": "Column", "items": [ { "type": "TextBlock", "text": "B" } ], "width": "stretch", "style": "good", "verticalContentAlignment": "center" }
            ] }
            """, Json.Body(card));
        Json.Equal("""
            { "type": "Container", "items": [ { "type": "TextBlock", "text": "C" } ], "style": "emphasis", "bleed": true }
            """, Json.Body(card, 1));
    }

    [Fact]
    public void Table_writes_column_widths_rows_and_cells()
    {
        var table = new AdaptiveTable
        {
            Columns = { new AdaptiveTableColumnDefinition { Width = 2 }, new AdaptiveTableColumnDefinition { PixelWidth = 80 } },
            Rows =
            {
                new AdaptiveTableRow { Style = AdaptiveContainerStyle.Accent, Cells = { new AdaptiveTableCell { Items = { new AdaptiveTextBlock("Measure") } } } },
            },
            ShowGridLines = false,
            GridStyle = AdaptiveContainerStyle.Accent,
        };

        Json.Equal("""
            { "type": "Table", "columns": [ { "width": 2 }, { "width": "80px" } ],
              "rows": [ { "type": "TableRow", "style": "accent", "cells": [ { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "Measure" } ] } ] } ],
              "showGridLines": false, "gridStyle": "accent" }
            """, Json.Body(new AdaptiveCard("1.5") { Body = { table } }));
    }
}
