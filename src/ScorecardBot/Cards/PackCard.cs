using System.Globalization;
using AdaptiveCards;
using ScorecardBot.Packs;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>The committee pack to download: a button per file, each opening its signed link, and when the links expire.</summary>
public static class PackCard
{
    public static AdaptiveCard Draw(PackView view, TimeZoneInfo zone)
    {
        var period = view.Period?.ToLongLabel();
        if (view.Files.Count == 0 || view.Expires is not { } expires)
        {
            var why = view.Note ?? "There is no pack to make for that.";
            var refused = CardParts.NewCard(why);
            refused.Body.Add(CardParts.Heading(period is null ? "Committee pack" : $"Committee pack · {period}"));
            refused.Body.Add(CardParts.Note(why));
            refused.Actions.Add(CardParts.Ask("Committee pack for the latest months", new Request(Intent.Pack, "")));
            return refused;
        }

        var local = TimeZoneInfo.ConvertTime(expires, zone);
        var until = $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} on {local.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        var files = string.Join(" and ", view.Files.Select(f => Name(f.Format)));
        var expiry = $"The {(view.Files.Count == 1 ? "link works" : "links work")} until {until} ({zone.Id} time), "
            + $"{Minutes(view.Lifetime)} from when this was sent; after that, ask again for the pack.";
        var summary = $"The committee pack for {period} as {files}. {expiry}";
        var card = CardParts.NewCard((view.Note is null ? "" : view.Note + " ") + summary);
        if (view.Note is not null) card.Body.Add(CardParts.Note(view.Note));
        card.Body.Add(CardParts.Heading($"Committee pack · {period}"));
        card.Body.Add(CardParts.Text("The committee paper: the Key, the acronyms, every measure by month with the year to date "
            + "in the Key's colours, comments and trend charts, from the figures as they stand when you download it."));
        card.Body.Add(CardParts.Subtle(expiry));
        foreach (var file in view.Files)
        {
            card.Actions.Add(new AdaptiveOpenUrlAction { Title = $"Download {Name(file.Format)}", Url = file.Link });
        }
        return card;
    }

    private static string Name(PackFormat format) => format == PackFormat.Pdf ? "PDF" : "Excel workbook";

    private static string Minutes(TimeSpan lifetime) =>
        lifetime.TotalMinutes % 60 == 0 && lifetime.TotalHours >= 1
            ? $"{lifetime.TotalHours:0} hour{(lifetime.TotalHours == 1 ? "" : "s")}"
            : $"{lifetime.TotalMinutes:0} minute{(lifetime.TotalMinutes == 1 ? "" : "s")}";
}
