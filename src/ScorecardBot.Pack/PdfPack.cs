using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Pack;

/// <summary>Something drawn on a page, in points from the page's top left: what the layout tests check.</summary>
public sealed record PackBox(int Page, string Kind, double X, double Y, double Width, double Height, Status? Status = null, string? Text = null);

public sealed record PdfPackLayout(double PageWidth, double PageHeight, int Pages, IReadOnlyList<PackBox> Boxes);

/// <summary>
/// The committee pack as a PDF, A4 landscape: title and period, the Key and acronyms, then per objective and outcome
/// each measure's months + FYTD against its target (value cells in the Key's colours), its component rows, comments and
/// a small trend chart. Long scorecards run onto more pages (the table header repeats); more than
/// <see cref="MonthsPerSection"/> months are shown in sections of that many months, each with FYTD.
/// </summary>
public static class PdfPack
{
    public const int MonthsPerSection = 6;

    public static PdfPackLayout Render(CommitteeReport report, Stream output, DateTimeOffset produced)
    {
        PackFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"{report.Definition.Title}: {report.Range.ToLongLabel()}";
        document.Info.CreationDate = produced.UtcDateTime;
        document.Info.ModificationDate = produced.UtcDateTime;
        var writer = new PdfPageWriter(document, report, produced);

        writer.StartFirstPage();
        var fytd = report.Columns.Count - 1;
        var months = Enumerable.Range(0, fytd).ToList();
        for (var start = 0; start < months.Count; start += MonthsPerSection)
        {
            writer.DrawSection([.. months.Skip(start).Take(MonthsPerSection), fytd]);
        }
        writer.Finish();
        var pages = document.PageCount;
        document.Save(output, closeStream: false);
        return new PdfPackLayout(PdfPageWriter.PageWidth, PdfPageWriter.PageHeight, pages, writer.Boxes);
    }

    internal static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";
}
