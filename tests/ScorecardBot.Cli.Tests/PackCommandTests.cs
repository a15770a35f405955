using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;

namespace ScorecardBot.Cli.Tests;

public sealed class PackCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Pack_writes_the_June_to_August_pdf_with_the_papers_figures()
    {
        var file = Path.Combine(_cli.Folder, "pack.pdf");

        var (exit, output, error) = await _cli.RunAsync(["pack", "--from", "2007-06", "--to", "2007-08", "--format", "pdf", "--output", file]);

        Assert.Equal((0, "", ""), (exit, output, error));
        var text = PdfText(file);
        Assert.Matches(@"Hotline.*99%\s+98%\s+99%\s+98%", text);
        Assert.Contains("loss of 19 days data", text);
    }

    [Fact]
    public async Task Pack_writes_the_workbook_with_real_numbers()
    {
        var file = Path.Combine(_cli.Folder, "pack.xlsx");

        var (exit, _, error) = await _cli.RunAsync(["pack", "--from", "2007-06", "--to", "2007-08", "--format", "XLSX", "-o", file]);

        Assert.Equal((0, ""), (exit, error));
        using var book = SpreadsheetDocument.Open(file, false);
        Assert.Contains(book.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>(), s => s.Name == "Committee pack");
    }

    [Theory]
    [InlineData(new[] { "pack", "--format", "pdf" }, "Option '--output' is required.")]
    [InlineData(new[] { "pack", "--format", "docx", "-o", "x" }, "--format 'docx' is not known; use pdf or xlsx.")]
    [InlineData(new[] { "pack", "--from", "2008-01", "--to", "2008-04", "--format", "pdf", "-o", "x" },
        "This scorecard covers financial year 2007/8 (2007-04 to 2008-03); 2008-01..2008-04 is outside it.")]
    [InlineData(new[] { "pack", "--from", "2007-10", "--to", "2007-12", "--format", "pdf", "-o", "x.pdf" },
        "There are no figures for October 2007 to December 2007, so there is no pack to make.")]
    public async Task Bad_pack_requests_exit_2_with_one_clear_line(string[] args, string message)
    {
        CliRun.AssertOneClearLine(await _cli.RunAsync(args), message);
        Assert.False(File.Exists(Path.Combine(_cli.Folder, "x.pdf")));
    }

    [Fact]
    public async Task An_unwritable_pack_file_exits_2_naming_it()
    {
        var file = Path.Combine(_cli.Folder, "missing-folder", "pack.pdf");

        var (exit, _, error) = await _cli.RunAsync(["pack", "--format", "pdf", "--output", file]);

        Assert.Equal(2, exit);
        Assert.StartsWith($"Cannot write {file}:", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static string PdfText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, ArgumentList = { "-layout", pdf, "-" } };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
