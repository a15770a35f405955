using CsvHelper;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Cli.Csv;

/// <summary>One current figure, or a measure's comment for a month with no figure, as a row of the figures CSV.</summary>
public sealed record FigureRow(MonthRange Period, string Command, int? Measure, string Component, long? Value, string? Comment);

/// <summary>
/// The figures CSV: month,command,measure,component,value,comment — what `export figures` writes and what an
/// `import` reads back. A month is yyyy-MM; a balance held only as one figure (the seed's April–May) is
/// "2007-04..2007-05". A measure's comment for a month is repeated on each of its rows that month.
/// </summary>
public static class FigureCsv
{
    public static readonly string[] Columns = ["month", "command", "measure", "component", "value", "comment"];

    public static CsvWriterOptions Options { get; } = new() { Injection = CsvInjection.Escape };

    public static List<FigureRow> Rows(ScorecardDefinition definition, FigureSet figures, MonthRange? within)
    {
        var comments = figures.Comments
            .Where(c => within?.Contains(c.Month) ?? true)
            .ToDictionary(c => (c.MeasureNumber, c.Month), c => c.Text);
        var commented = new HashSet<(int, YearMonth)>();
        var rows = new List<(FigureRow Row, int Position)>();
        foreach (var figure in figures.All.Where(f => within?.Contains(f.Period) ?? true))
        {
            var component = definition.FindComponent(figure.ComponentId);
            var measure = component?.Measure;
            string? comment = null;
            if (measure is not null && figure.Period.IsSingleMonth && comments.TryGetValue((measure.Number, figure.Period.From), out var text))
            {
                comment = text;
                commented.Add((measure.Number, figure.Period.From));
            }
            var position = measure is null ? int.MaxValue - 1 : IndexOf(measure.Components, component!);
            rows.Add((new FigureRow(figure.Period, measure?.Command.Code ?? "", measure?.Number, figure.ComponentId, figure.Value, comment), position));
        }
        foreach (var ((number, month), text) in comments.Where(c => !commented.Contains(c.Key)))
        {
            var command = definition.FindMeasure(number)?.Command.Code ?? "";
            rows.Add((new FigureRow(MonthRange.Single(month), command, number, "", null, text), int.MaxValue));
        }
        return rows
            .OrderBy(r => r.Row.Period.From).ThenBy(r => r.Row.Period.To)
            .ThenBy(r => r.Row.Measure ?? int.MaxValue).ThenBy(r => r.Position).ThenBy(r => r.Row.Component, StringComparer.Ordinal)
            .Select(r => r.Row)
            .ToList();
    }

    public static void WriteHeader(CsvWriter csv) => csv.WriteHeader(Columns);

    public static void Write(CsvWriter csv, FigureRow row)
    {
        csv.WriteField(row.Period.ToString());
        csv.WriteField(row.Command);
        csv.WriteField(row.Measure, "");
        csv.WriteField(row.Component);
        csv.WriteField(row.Value, "");
        csv.WriteField(row.Comment);
        csv.EndRecord();
    }

    private static int IndexOf(IReadOnlyList<Component> components, Component component)
    {
        for (var i = 0; i < components.Count; i++)
        {
            if (ReferenceEquals(components[i], component)) return i;
        }
        return components.Count;
    }
}
