using System.Globalization;
using AdaptiveCards;
using Newtonsoft.Json.Linq;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;

namespace ScorecardBot.Cards;

/// <summary>The pieces every card shares: the Key's colours, headings, freshness, comments, and buttons that ask a question.</summary>
public static class CardParts
{
    public static readonly AdaptiveSchemaVersion Version = new(1, 5);

    public static AdaptiveCard NewCard(string summary) => new(Version) { Speak = summary, FallbackText = summary };

    /// <summary>The Key in Adaptive Card semantic colours: never green without data.</summary>
    public static AdaptiveTextColor Colour(Status status) => status switch
    {
        Status.AboveTarget => AdaptiveTextColor.Good,
        Status.WithinTolerance => AdaptiveTextColor.Warning,
        Status.OutsideTolerance => AdaptiveTextColor.Attention,
        _ => AdaptiveTextColor.Default,
    };

    public static AdaptiveContainerStyle ContainerStyle(Status status) => status switch
    {
        Status.AboveTarget => AdaptiveContainerStyle.Good,
        Status.WithinTolerance => AdaptiveContainerStyle.Warning,
        Status.OutsideTolerance => AdaptiveContainerStyle.Attention,
        _ => AdaptiveContainerStyle.Emphasis,
    };

    public static AdaptiveTextBlock Heading(string text) =>
        new(text) { Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading };

    public static AdaptiveTextBlock Subtle(string text) => new(text) { IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.None, Size = AdaptiveTextSize.Small };

    public static AdaptiveTextBlock Text(string text) => new(text) { Wrap = true };

    public static AdaptiveTextBlock StatusLabel(Status status, string label) =>
        new(label) { Color = Colour(status), Weight = AdaptiveTextWeight.Bolder, Wrap = true };

    public static AdaptiveTextBlock Note(string text) =>
        new(text) { Wrap = true, Color = AdaptiveTextColor.Warning, Weight = AdaptiveTextWeight.Bolder };

    /// <summary>"Figures last submitted 26 Nov 2026 06:55 by seed import."</summary>
    public static AdaptiveTextBlock Freshness(Figure? last, TimeZoneInfo zone) =>
        Subtle(FreshnessText(last, zone));

    public static string FreshnessText(Figure? last, TimeZoneInfo zone)
    {
        if (last?.SubmittedAtUtc is not { } at) return "No submission recorded for this period.";
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone);
        return $"Figures last submitted {local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} by {last.SubmittedBy ?? "unknown"}.";
    }

    public static AdaptiveContainer? Comments(IReadOnlyCollection<string> comments)
    {
        if (comments.Count == 0) return null;
        var container = new AdaptiveContainer { Separator = true, Style = AdaptiveContainerStyle.Emphasis };
        container.Items.Add(new AdaptiveTextBlock(comments.Count == 1 ? "Comment" : "Comments") { Weight = AdaptiveTextWeight.Bolder });
        foreach (var c in comments) container.Items.Add(Text(c));
        return container;
    }

    public static AdaptiveFactSet Facts(params (string Title, string? Value)[] facts)
    {
        var set = new AdaptiveFactSet();
        foreach (var (title, value) in facts)
        {
            if (!string.IsNullOrWhiteSpace(value)) set.Facts.Add(new AdaptiveFact(title, value));
        }
        return set;
    }

    public static string CommandLabel(Command command) => command.Name == command.Code ? command.Code : $"{command.Code} ({command.Name})";

    /// <summary>
    /// A button that asks the bot a question. The question travels as the submit's value, which every client sends
    /// (Teams, the Agents Playground); an msteams messageBack block would also echo it into the chat, but the
    /// Playground cannot submit cards that carry one.
    /// </summary>
    public static AdaptiveSubmitAction Ask(string title, string question) => new()
    {
        Title = title,
        Data = new JObject { ["question"] = question },
    };

    /// <summary>A button that asks for a measure in the month its result starts ("measure 3 June 2007").</summary>
    public static AdaptiveSubmitAction AskMeasure(string title, MeasureResult result) =>
        Ask(title, $"measure {result.Measure.Number} {result.Period.From.ToLongLabel()}");

    public static string Percentless(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
