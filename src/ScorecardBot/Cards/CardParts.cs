using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Answers;
using ScorecardBot.Questions;

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

    /// <summary>"the Specialist Operations … scorecard", or the title alone when it already ends with the word.</summary>
    public static string ScorecardName(ScorecardDefinition definition) =>
        definition.Title.EndsWith("scorecard", StringComparison.OrdinalIgnoreCase)
            ? definition.Title
            : $"{definition.Title} scorecard";

    public static string CommandLabel(Command command) => command.Name == command.Code ? command.Code : $"{command.Code} ({command.Name})";

    /// <summary>
    /// A button that asks for an answer: it carries the whole typed request (verb "ask"), so a click is answered
    /// without reading any text, and as a plain submit every client sends it (Teams, the Agents Playground; the
    /// Playground cannot submit a card whose data carries an msteams block). The answer is a new card; the clicked
    /// card stays as it was.
    /// </summary>
    public static AdaptiveSubmitAction Ask(string title, Request request) => new()
    {
        Title = title,
        Data = RequestData.From(request).ToButtonData(),
    };

    /// <summary>A button for one measure over the period its result covers.</summary>
    public static AdaptiveSubmitAction AskMeasure(string title, MeasureResult result, Intent intent = Intent.MeasureValue) =>
        Ask(title, new Request(intent, "") { Measures = [result.Measure], Period = Examples.PeriodOf(result.Period) });

    /// <summary>A button for the whole scorecard over a period (or the latest month).</summary>
    public static AdaptiveSubmitAction AskScorecard(string title, PeriodSpec? period = null) =>
        Ask(title, new Request(Intent.Scorecard, "") { Period = period ?? PeriodSpec.Unspecified });

    /// <summary>A button for the measures outside target over a period.</summary>
    public static AdaptiveSubmitAction AskExceptions(string title, PeriodSpec? period = null) =>
        Ask(title, new Request(Intent.ByStatus, "")
        {
            Period = period ?? PeriodSpec.Unspecified, Statuses = new HashSet<Status> { Status.WithinTolerance, Status.OutsideTolerance },
        });

    public static string Percentless(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
