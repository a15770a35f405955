using Microsoft.Extensions.Time.Testing;
using ScorecardBot.Core.Periods;
using ScorecardBot.Storage;

namespace ScorecardBot.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private const string HotlineComment = "Following the terrorist incidents of 29 June 2007 temporary arrangements were made in order to enhance "
        + "the Hotlines call handling capabilities. Unfortunately this has resulted in the loss of 19 days data, from the end of June and "
        + "the first half of July.";

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task SeedAsync() => Assert.Equal(0, (await _cli.RunAsync(["report"])).ExitCode);

    private static List<string> Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public async Task Export_figures_for_June_to_August_lists_every_figure_the_paper_prints_with_its_command_and_comment()
    {
        await SeedAsync();

        var (exit, output, error) = await _cli.RunAsync(["export", "figures", "--from", "2007-06", "--to", "2007-08"]);

        Assert.Equal((0, ""), (exit, error));
        var lines = Lines(output);
        Assert.Equal("month,command,measure,component,value,comment", lines[0]);
        // 14 components × 3 months, no balance (April–May lies outside the range).
        Assert.Equal(42, lines.Count - 1);
        Assert.Contains("2007-06,CTC,1,ctio-total-bocus,28,", lines);
        Assert.Contains("2007-07,CTC,2,snt-recruited,51,", lines);
        Assert.Contains("2007-08,SO14,6,intrusions-green,8,", lines);
        Assert.Contains($"2007-06,CTC,5,hotline-answered,406,\"{HotlineComment}\"", lines);
        Assert.Contains($"2007-07,CTC,5,hotline-calls,353,\"{HotlineComment}\"", lines);
        Assert.Contains("2007-08,CTC,5,hotline-calls,414,", lines);
    }

    [Fact]
    public async Task Export_figures_without_a_range_includes_the_April_May_balance_as_one_row()
    {
        await SeedAsync();

        var (exit, output, _) = await _cli.RunAsync(["export", "figures"]);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        // FYTD 327 recruited less June–August's 82 + 51 + 15.
        Assert.Equal("2007-04..2007-05,CTC,2,snt-recruited,179,", lines[1..].First(l => l.Contains("snt-recruited")));
        Assert.Equal(42 + 13, lines.Count - 1);
    }

    [Fact]
    public async Task A_comment_a_spreadsheet_would_run_as_a_formula_is_escaped_with_a_quote()
    {
        await SeedAsync();
        await SaveAsync([], [new CommentChange(3, new YearMonth(2007, 8), "=HYPERLINK(\"http://x\")")]);

        var (_, output, _) = await _cli.RunAsync(["export", "figures", "--from", "2007-08", "--to", "2007-08"]);

        Assert.Contains("2007-08,CTC,3,ied-calls,33,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n", output);
    }

    // Comments are trimmed when saved, so the leading tab and CR are tried on the submitter's display name.
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"")]
    [InlineData("+44 20 7230 1212", "\"'+44 20 7230 1212\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Alice Archer", "Alice Archer")]
    public async Task Cells_a_spreadsheet_would_run_as_a_formula_are_escaped_with_a_quote(string who, string cell)
    {
        await SeedAsync();
        await SaveAsync([new FigureChange("ied-calls", MonthRange.Single(new YearMonth(2007, 8)), 34)], [], who);

        var (_, output, _) = await _cli.RunAsync(["export", "revisions", "--from", "2007-08", "--to", "2007-08"]);

        Assert.StartsWith($"{cell},2007-09-03T08:30:00Z,2007-08,3,ied-calls,33,34,,", Lines(output)[1]);
    }

    [Fact]
    public async Task Export_revisions_lists_who_when_in_UTC_old_new_and_the_submission()
    {
        await SeedAsync();
        var submission = await SaveAsync([new FigureChange("hotline-calls", MonthRange.Single(new YearMonth(2007, 8)), 415)],
            [new CommentChange(5, new YearMonth(2007, 8), "=Recount after audit")]);

        var (exit, output, error) = await _cli.RunAsync(["export", "revisions", "--from", "2007-08", "--to", "2007-08"]);

        Assert.Equal((0, ""), (exit, error));
        var lines = Lines(output);
        Assert.Equal("who,when,month,measure,component,old,new,comment,submission_id", lines[0]);
        // Saved on 3 September 2007, before the seed was imported today: oldest first.
        Assert.Equal($"Alice Archer,2007-09-03T08:30:00Z,2007-08,5,hotline-calls,414,415,,{submission}", lines[1]);
        Assert.Equal($"Alice Archer,2007-09-03T08:30:00Z,2007-08,5,,,,\"'=Recount after audit\",{submission}", lines[2]);
        // Then the seed's 14 August figures.
        Assert.Equal(2 + 14, lines.Count - 1);
        Assert.All(lines[3..], l => Assert.StartsWith("seed import,", l));
    }

    [Fact]
    public async Task Export_to_a_file_writes_the_file_and_nothing_to_standard_output()
    {
        await SeedAsync();
        var file = Path.Combine(_cli.Folder, "figures.csv");

        var (exit, output, error) = await _cli.RunAsync(["export", "figures", "--to", "2007-06", "--output", file]);

        Assert.Equal((0, "", ""), (exit, output, error));
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.NotEqual(0xEF, bytes[0]);
        // FYTD 4 rolled out less June–August's 1 + 1 + 0.
        Assert.StartsWith("month,command,measure,component,value,comment\r\n2007-04..2007-05,CTC,1,ctio-rolled-out,2,", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Progress_is_drawn_on_stderr_for_a_person_and_not_when_stderr_is_redirected()
    {
        await SeedAsync();
        var file = Path.Combine(_cli.Folder, "figures.csv");

        var watched = await _cli.RunAsync(["export", "figures", "--from", "2007-06", "--to", "2007-08", "-o", file], errorIsTerminal: true);
        var piped = await _cli.RunAsync(["export", "figures", "--from", "2007-06", "--to", "2007-08", "-o", file], errorIsTerminal: false);

        Assert.Contains("\rExporting figures: 21 of 42 (50%)", watched.Error);
        Assert.EndsWith("Exporting figures: 42 of 42, done.\n", watched.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", watched.Output);
        Assert.Equal("", piped.Error);
    }

    [Fact]
    public async Task An_unwritable_output_file_exits_2_with_one_line_naming_it()
    {
        await SeedAsync();
        var file = Path.Combine(_cli.Folder, "no-such-folder", "figures.csv");

        var (exit, output, error) = await _cli.RunAsync(["export", "revisions", "--output", file]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"Cannot write {file}: Could not find a part of the path '{file}'.", error.TrimEnd());
    }

    [Fact]
    public async Task Exporting_from_a_database_that_does_not_exist_exits_2_and_creates_nothing()
    {
        var missing = Path.Combine(_cli.Folder, "missing.db");

        var (exit, output, error) = await _cli.RunAsync(["export", "figures"], $"Data Source={missing}");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"There is no scorecard database at {missing}.", error.TrimEnd());
        Assert.False(File.Exists(missing));
    }

    private async Task<Guid> SaveAsync(IReadOnlyCollection<FigureChange> figures, IReadOnlyCollection<CommentChange> comments,
        string who = "Alice Archer")
    {
        var database = new ScorecardDatabase(new StorageOptions { ConnectionString = _cli.DatabaseConnection });
        // 09:30 British Summer Time is 08:30 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2007, 9, 3, 9, 30, 0, TimeSpan.FromHours(1)));
        var submission = Guid.NewGuid();
        await new FigureStore(database, clock).SaveAsync(figures, comments, new Editor("aad-alice", who), submission);
        return submission;
    }
}
