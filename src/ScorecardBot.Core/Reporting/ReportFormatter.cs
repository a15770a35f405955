using System.Globalization;
using System.Text;
using ScorecardBot.Core.Calculation;

namespace ScorecardBot.Core.Reporting;

public static class ReportFormatter
{
    /// <summary>
    /// CSV with exactly the columns measure,row,period,value,status: a "value" row per measure and period (status set),
    /// and a row per component and period named as printed (status empty).
    /// </summary>
    public static string ToCsv(CommitteeReport report)
    {
        var csv = new StringBuilder("measure,row,period,value,status\n");
        foreach (var row in report.Rows)
        {
            for (var c = 0; c < report.Columns.Count; c++)
            {
                var cell = row.Cells[c];
                AppendCsvLine(csv, row.Measure.Number.ToString(CultureInfo.InvariantCulture), "value", report.Columns[c].Key,
                    cell.HasData ? cell.Display : "", cell.StatusLabel);
            }
            foreach (var component in row.Components)
            {
                for (var c = 0; c < report.Columns.Count; c++)
                {
                    AppendCsvLine(csv, row.Measure.Number.ToString(CultureInfo.InvariantCulture), component.Component.Name,
                        report.Columns[c].Key, component.Cells[c]?.ToString(CultureInfo.InvariantCulture) ?? "", "");
                }
            }
        }
        return csv.ToString();
    }

    /// <summary>The committee table for a terminal: one block per measure, component rows indented under it.</summary>
    public static string ToText(CommitteeReport report, int width = 120)
    {
        const int cellWidth = 8;
        var labelWidth = Math.Max(30, width - report.Columns.Count * cellWidth - 10 - 30);
        var text = new StringBuilder();
        var definition = report.Definition;
        text.AppendLine(definition.Title);
        text.AppendLine($"{report.Range.ToLongLabel()} · financial year {definition.FinancialYear.Label}");
        text.AppendLine();

        string Header() =>
            "Measure".PadRight(labelWidth) + " " + "Target".PadLeft(8) +
            string.Concat(report.Columns.Select(c => c.Label.PadLeft(cellWidth))) + $"  Status ({definition.Key.YearToDate})";

        var header = Header();
        text.AppendLine(header);
        text.AppendLine(new string('─', header.Length));

        foreach (var row in report.Rows)
        {
            var measure = row.Measure;
            var title = Fit($"{measure.Number} {measure.ShortName} ({measure.Command.Code})", labelWidth);
            text.Append(title.PadRight(labelWidth)).Append(' ').Append(Fit(measure.TargetLabel, 8).PadLeft(8));
            foreach (var cell in row.Cells) text.Append(Mark(cell).PadLeft(cellWidth));
            text.Append("  ").AppendLine(row.Cells[^1].StatusLabel);
            foreach (var component in row.Components)
            {
                text.Append(Fit("    " + component.Component.Name, labelWidth).PadRight(labelWidth)).Append(' ').Append(new string(' ', 8));
                foreach (var value in component.Cells) text.Append((value?.ToString(CultureInfo.InvariantCulture) ?? "–").PadLeft(cellWidth));
                text.AppendLine();
            }
            foreach (var comment in row.Comments) text.AppendLine(Wrap("Comment: " + comment, labelWidth + 8 + report.Columns.Count * cellWidth, "    ", "             "));
            text.AppendLine();
        }

        text.AppendLine($"Key: ✓ {definition.KeyLabel(Status.AboveTarget)}   ! {definition.KeyLabel(Status.WithinTolerance)}   "
            + $"✗ {definition.KeyLabel(Status.OutsideTolerance)}   – {definition.KeyLabel(Status.NoData)}");
        return text.ToString();
    }

    private static string Mark(MeasureResult cell) => cell.Status switch
    {
        Status.AboveTarget => cell.Display + " ✓",
        Status.WithinTolerance => cell.Display + " !",
        Status.OutsideTolerance => cell.Display + " ✗",
        _ => "– ",
    };

    private static string Fit(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";

    private static string Wrap(string s, int width, string firstIndent, string indent)
    {
        var lines = new StringBuilder();
        var line = new StringBuilder(firstIndent);
        foreach (var word in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > width && line.Length > indent.Length)
            {
                lines.AppendLine(line.ToString());
                line.Clear().Append(indent);
            }
            if (line.Length > 0 && line[^1] != ' ') line.Append(' ');
            line.Append(word);
        }
        lines.Append(line);
        return lines.ToString();
    }

    private static void AppendCsvLine(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) csv.Append(',');
            var f = fields[i];
            if (f.IndexOfAny([',', '"', '\n', '\r']) >= 0) csv.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else csv.Append(f);
        }
        csv.Append('\n');
    }
}
