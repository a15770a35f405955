namespace ScorecardBot.Cli.Tests;

/// <summary>The command tree: --help everywhere, and bad input to the newer commands said in one line.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("report", "--format <text|csv>")]
    [InlineData("validate", "<definition.json>")]
    [InlineData("export", "figures")]
    [InlineData("export figures", "--output <FILE>")]
    [InlineData("export revisions", "--from <yyyy-MM>")]
    [InlineData("pack", "--format <pdf|xlsx>")]
    public async Task Every_command_has_help_naming_its_options(string command, string expected)
    {
        var (exit, output, error) = await _cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("Usage:", output);
        Assert.Contains($" {command} [", output);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task Help_lists_every_command_with_its_options()
    {
        var (_, output, _) = await _cli.RunAsync(["help"]);

        Assert.Contains("scorecard export figures [--from yyyy-MM] [--to yyyy-MM] [--output FILE]", output);
        Assert.Contains("scorecard export revisions [--from yyyy-MM] [--to yyyy-MM] [--output FILE]", output);
        Assert.Contains("scorecard validate [definition.json]", output);
        Assert.Contains("scorecard pack [--from yyyy-MM] [--to yyyy-MM] --format pdf|xlsx --output FILE", output);
        Assert.Contains("scorecard import FILE.csv [--strict] [--as NAME]", output);
    }

    [Theory]
    [InlineData(new[] { "export" }, "export needs one of: figures, revisions.")]
    [InlineData(new[] { "export", "pictures" }, "Unknown command 'export pictures'.")]
    [InlineData(new[] { "export", "figures", "--colour", "red" }, "Unknown option '--colour'. Options: --from, --to, --output.")]
    [InlineData(new[] { "export", "figures", "--from", "June" }, "--from 'June' is not a month; write it as yyyy-MM, e.g. 2007-06.")]
    [InlineData(new[] { "export", "revisions", "--from", "2007-08", "--to", "2007-06" }, "--to 2007-06 is before --from 2007-08.")]
    [InlineData(new[] { "export", "figures", "--output" }, "--output needs a value.")]
    [InlineData(new[] { "report", "extra" }, "report takes no 'extra'.")]
    public async Task Bad_export_arguments_exit_2_with_one_clear_line(string[] args, string message)
    {
        CliRun.AssertOneClearLine(await _cli.RunAsync(args), message);
    }

    [Fact]
    public async Task Settings_on_the_command_line_reach_the_configuration_chain()
    {
        var broken = Path.Combine(_cli.Folder, "broken.json");
        await File.WriteAllTextAsync(broken, "{}");

        var (exit, _, error) = await _cli.RunAsync([$"--Scorecard:DefinitionPath={broken}", "report"]);

        Assert.Equal(1, exit);
        Assert.Contains($"{broken}: $.id: is missing", error);
    }
}
