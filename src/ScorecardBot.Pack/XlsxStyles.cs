using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Pack;

/// <summary>The workbook's styles: the indexes below are positions in the stylesheet's cell formats.</summary>
internal static class XlsxStyles
{
    public const uint Title = 1;
    public const uint Header = 2;
    public const uint Band = 3;
    public const uint Bold = 4;
    public const uint Integer = 5;
    public const uint Wrap = 6;
    private const uint FirstStatusValue = 7; // then 4 statuses × 4 number formats, then 4 status labels
    public const uint Percent = FirstStatusValue + 16 + 4;

    // Built-in number formats: 1 is "0", 9 is "0%", 10 is "0.00%"; 164 is ours, "0.0%".
    private static readonly uint[] NumberFormats = [9, 164, 10, 1];

    /// <summary>A measure's value in a status colour, as a percentage at its reporting precision or as a whole number.</summary>
    public static uint Value(Status status, Measure measure)
    {
        var format = measure.Unit == Unit.Count ? 3 : Math.Min(measure.Decimals, 2);
        return FirstStatusValue + (uint)(Index(status) * 4 + format);
    }

    public static uint StatusLabel(Status status) => FirstStatusValue + 16 + (uint)Index(status);

    private static int Index(Status status) => StatusColours.Key.ToList().IndexOf(status);

    public static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("1F3864"),
            Solid("DEE6F2"));
        foreach (var status in StatusColours.Key) fills.Append(Solid(StatusColours.Hex(status)));
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 2, ApplyFont = true },
            Format(font: 3, fill: 2, wrap: true),
            Format(font: 1, fill: 3, wrap: true),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            Format(font: 0, fill: 0, wrap: true));
        for (var s = 0; s < 4; s++)
        {
            foreach (var numberFormat in NumberFormats)
            {
                formats.Append(new CellFormat
                {
                    NumberFormatId = numberFormat, ApplyNumberFormat = true, FontId = 1, ApplyFont = true,
                    FillId = (uint)(4 + s), ApplyFill = true,
                    Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center }, ApplyAlignment = true,
                });
            }
        }
        for (var s = 0; s < 4; s++) formats.Append(Format(font: 0, fill: (uint)(4 + s), wrap: true));
        formats.Append(new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true });

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" }) { Count = 1 },
            fonts,
            fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat()),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static Fill Solid(string hex) =>
        new(new PatternFill(new ForegroundColor { Rgb = "FF" + hex }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, bool wrap) => new()
    {
        FontId = font, ApplyFont = true, FillId = fill, ApplyFill = fill > 0,
        Alignment = new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true,
    };
}
