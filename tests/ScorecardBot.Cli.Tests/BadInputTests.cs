namespace ScorecardBot.Cli.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unknown command 'frobnicate'.")]
    [InlineData(new[] { "report", "--colour", "red" }, "Unknown option '--colour'. Options: --from, --to, --format.")]
    [InlineData(new[] { "report", "--from" }, "--from needs a value.")]
    [InlineData(new[] { "report", "--from", "2007-13" }, "--from '2007-13' is not a month; write it as yyyy-MM, e.g. 2007-06.")]
    [InlineData(new[] { "report", "--to", "July" }, "--to 'July' is not a month; write it as yyyy-MM, e.g. 2007-06.")]
    [InlineData(new[] { "report", "--from", "2007-08", "--to", "2007-06" }, "--to 2007-06 is before --from 2007-08.")]
    [InlineData(new[] { "report", "--from", "2008-02", "--to", "2008-05" },
        "This scorecard covers financial year 2007/8 (2007-04 to 2008-03); 2008-02..2008-05 is outside it.")]
    [InlineData(new[] { "report", "--from", "2007-01", "--to", "2007-03" },
        "This scorecard covers financial year 2007/8 (2007-04 to 2008-03); 2007-01..2007-03 is outside it.")]
    [InlineData(new[] { "report", "--format", "xml" }, "--format 'xml' is not known; use text or csv.")]
    [InlineData(new[] { "validate", "a.json", "b.json" }, "validate takes at most one file.")]
    public async Task Bad_arguments_exit_2_with_a_clear_message_and_no_stack_trace(string[] args, string message)
    {
        var (exit, output, error) = await _cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal(message, error.Split('\n')[0].TrimEnd('\r'));
        Assert.Contains("scorecard help", error);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public async Task No_arguments_prints_usage_and_exits_2()
    {
        var (exit, output, _) = await _cli.RunAsync([]);

        Assert.Equal(2, exit);
        Assert.Contains("scorecard report", output);
        Assert.Contains("scorecard validate", output);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exit, output, _) = await _cli.RunAsync(["help"]);

        Assert.Equal(0, exit);
        Assert.Contains("--format text|csv", output);
    }

    [Fact]
    public async Task A_database_under_an_uncreatable_folder_exits_2_saying_it_cannot_be_opened()
    {
        var (exit, output, error) = await _cli.RunAsync(["report"], "Data Source=/proc/forbidden/x.db");

        Assert.Equal(2, exit);
        Assert.StartsWith("Cannot open the scorecard database", error);
        Assert.Contains("/proc/forbidden/x.db", error);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public async Task A_database_whose_parent_is_a_file_exits_2_saying_it_cannot_be_opened()
    {
        var file = Path.Combine(_cli.Folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file, not a folder");

        var (exit, output, error) = await _cli.RunAsync(["report", "--format", "csv"], $"Data Source={Path.Combine(file, "scorecard.db")}");

        Assert.Equal(2, exit);
        Assert.StartsWith("Cannot open the scorecard database", error);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public async Task A_database_path_that_is_a_folder_exits_2_saying_it_cannot_be_opened()
    {
        var (exit, output, error) = await _cli.RunAsync(["report"], $"Data Source={_cli.Folder}");

        Assert.Equal(2, exit);
        Assert.StartsWith("Cannot open the scorecard database", error);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public async Task A_database_file_that_is_not_SQLite_exits_2_saying_it_cannot_be_opened()
    {
        var file = Path.Combine(_cli.Folder, "garbage.db");
        await File.WriteAllTextAsync(file, new string('x', 4096));

        var (exit, output, error) = await _cli.RunAsync(["report"], $"Data Source={file}");

        Assert.Equal(2, exit);
        Assert.StartsWith("Cannot open the scorecard database", error);
        AssertNoStackTrace(output + error);
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }
}
