using CsvHelper;

namespace ScorecardBot.Cli.Csv;

/// <summary>One data row of a figures CSV, the line it starts on, and its cells as a spreadsheet meant them.</summary>
public sealed record FigureCsvRecord(
    long Line, string Month, string Command, string Measure, string Component, string Value, string Comment);

/// <summary>A line of an import that cannot be taken as it is.</summary>
public sealed record LineProblem(long Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>
/// Reads the figures CSV that <see cref="FigureCsv"/> writes: the same six columns in any order, UTF-8 with or without
/// a byte order mark, the export's formula escape (a leading ' before = + - @, tab or CR) taken off again. A file that
/// is not such a CSV at all is one <see cref="CliException"/>; a row with broken quoting or the wrong number of cells is
/// a <see cref="LineProblem"/>, so every bad line is reported together.
/// </summary>
public static class FigureCsvReader
{
    public static (IReadOnlyList<FigureCsvRecord> Rows, IReadOnlyList<LineProblem> Problems) Read(string path)
    {
        var problems = new List<LineProblem>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = r => problems.Add(new LineProblem(r.LineNumber, Describe(r.Reason))),
        };
        using var csv = CsvReader.Create(Open(path), options, leaveOpen: false);
        var rows = new List<FigureCsvRecord>();
        try
        {
            CheckHeader(path, csv.Headers);
            while (csv.Read())
            {
                rows.Add(new FigureCsvRecord(csv.LineNumber,
                    Cell(csv, "month").Trim(), Cell(csv, "command").Trim(), Cell(csv, "measure").Trim(),
                    Cell(csv, "component").Trim(), Cell(csv, "value").Trim(), Cell(csv, "comment")));
            }
        }
        catch (Exception e) when (e is CsvFormatException or IOException)
        {
            throw new CliException($"Cannot read {path}: {e.Message}");
        }
        if (rows.Count == 0 && problems.Count == 0)
            throw new CliException($"{path} has a header and no rows: there is nothing to import.");
        return (rows, problems);
    }

    /// <summary>A cell with the export's escape removed: "'=SUM(A1)" was written for "=SUM(A1)".</summary>
    public static string Unescape(string cell)
    {
        var (escape, characters) = (FigureCsv.Options.InjectionEscape, FigureCsv.Options.InjectionCharacters);
        var escaped = cell.Length > 1 && cell[0] == escape && characters.Contains(cell[1]);
        return escaped ? cell[1..] : cell;
    }

    private static string Cell(CsvReader csv, string column) => Unescape(csv.GetString(column));

    private static FileStream Open(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"{path} is a folder, not a CSV file.");
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"There is no file {path}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException($"Cannot read {path}: {e.Message}");
        }
    }

    private static void CheckHeader(string path, IReadOnlyList<string> headers)
    {
        var expected = string.Join(',', FigureCsv.Columns);
        if (headers.Count == 0)
            throw new CliException($"{path} is empty: a figures CSV starts with the header {expected}.");
        var found = string.Join(',', headers);
        if (found.Any(c => char.IsControl(c) && c is not '\t')) throw new CliException($"{path} is not a CSV text file.");
        var names = headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (names.Count != FigureCsv.Columns.Length || !FigureCsv.Columns.All(names.Contains))
        {
            var shown = found.Length <= 80 ? found : found[..80] + "…";
            throw new CliException(
                $"{path} does not start with the figures header {expected} (in any order); its first line is {shown}");
        }
    }

    private static readonly int Columns = FigureCsv.Columns.Length;

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => $"this row does not have the header's {Columns} cells.",
        CsvMalformedReason.StrayQuote =>
            "a quote inside a cell that does not start with one; quote the whole cell and double the quote.",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted cell.",
        CsvMalformedReason.UnterminatedQuote => "a quoted cell is never closed, so the rest of the file is inside it.",
        _ => "the row's quoting is broken.",
    };
}
