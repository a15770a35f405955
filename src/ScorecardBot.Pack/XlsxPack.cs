using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Pack;

/// <summary>
/// The committee pack as an Excel workbook: a "Committee pack" sheet laid out like the paper (real numbers with number
/// formats, each value cell filled with its status colour, a frozen header), the Key, the acronyms, and a "Trends"
/// sheet with each measure's monthly values and target beside a native line chart of them.
/// </summary>
public static class XlsxPack
{
    public const string PackSheet = "Committee pack";
    public const string TrendSheet = "Trends";
    internal const int HeaderRow = 4;

    public static void Render(CommitteeReport report, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new Sheets());
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Stylesheet();

        AddSheet(workbookPart, PackSheet, part => XlsxPackSheet.Write(part, report));
        AddSheet(workbookPart, "Key", part => WriteKey(part, report.Definition));
        AddSheet(workbookPart, "Acronyms", part => WriteGlossary(part, report.Definition));
        AddSheet(workbookPart, TrendSheet, part => XlsxTrends.Write(part, report));
        workbookPart.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbookPart, string name, Action<WorksheetPart> write)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        write(part);
        var sheets = workbookPart.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static void WriteKey(WorksheetPart part, ScorecardDefinition definition)
    {
        var data = new SheetData();
        data.Append(XlsxCells.Row(1, XlsxCells.Text("A", 1, "Key", XlsxStyles.Bold)));
        var row = 2u;
        foreach (var status in StatusColours.Key)
        {
            data.Append(XlsxCells.Row(row, XlsxCells.Text("A", row, definition.KeyLabel(status), XlsxStyles.StatusLabel(status))));
            row++;
        }
        part.Worksheet = new Worksheet(XlsxCells.Columns((1, 34)), data);
    }

    private static void WriteGlossary(WorksheetPart part, ScorecardDefinition definition)
    {
        var data = new SheetData();
        data.Append(XlsxCells.Row(1, XlsxCells.Text("A", 1, "Acronym", XlsxStyles.Header), XlsxCells.Text("B", 1, "Meaning", XlsxStyles.Header)));
        var row = 2u;
        foreach (var entry in definition.Glossary)
        {
            data.Append(XlsxCells.Row(row, XlsxCells.Text("A", row, entry.Term, XlsxStyles.Bold), XlsxCells.Text("B", row, entry.Meaning, XlsxStyles.Wrap)));
            row++;
        }
        part.Worksheet = new Worksheet(XlsxCells.Columns((1, 20), (2, 90)), data);
    }
}
