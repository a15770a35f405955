using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ScorecardBot.Pack;

/// <summary>Small builders for rows and cells: text as inline strings, numbers as numbers.</summary>
internal static class XlsxCells
{
    public static Row Row(uint index, params Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        row.Append(cells);
        return row;
    }

    public static Cell Text(string column, uint row, string text, uint style = 0) => new(new InlineString(new Text(text)))
    {
        CellReference = column + row,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    public static Cell Number(string column, uint row, decimal? value, uint style) => new()
    {
        CellReference = column + row,
        CellValue = value is { } v ? new CellValue(v.ToString(CultureInfo.InvariantCulture)) : null,
        StyleIndex = style,
    };

    public static Cell Formula(string column, uint row, string formula, uint style = 0) => new()
    {
        CellReference = column + row,
        CellFormula = new CellFormula(formula),
        StyleIndex = style,
    };

    /// <summary>A, B, …, Z, AA, …: the column letters of a 1-based index.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    public static Columns Columns(params (int Index, double Width)[] widths)
    {
        var columns = new Columns();
        foreach (var (index, width) in widths)
            columns.Append(new Column { Min = (uint)index, Max = (uint)index, Width = width, CustomWidth = true });
        return columns;
    }
}
