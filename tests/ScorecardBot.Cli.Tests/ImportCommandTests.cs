using System.Text;
using Microsoft.Extensions.Time.Testing;
using ScorecardBot.Benchmarks;
using ScorecardBot.Core.Periods;
using ScorecardBot.Storage;
using ScorecardBot.Storage.Tests;

namespace ScorecardBot.Cli.Tests;

/// <summary>
/// `scorecard import` on the shipped scorecard: each row checked as the bot checks a form, every problem named by its
/// line, and the file saved whole or not at all. The seed's stored figures stand in for "saved": August 2007 has
/// 414 hotline calls and 33 IED calls, all answered in time; the April–May balances are the paper's remainders.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string Header = "month,command,measure,component,value,comment";
    private static readonly YearMonth September = new(2007, 9);

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private ScorecardDatabase Database => new(new StorageOptions { ConnectionString = _cli.DatabaseConnection });

    private async Task SeedAsync() => Assert.Equal(0, (await _cli.RunAsync(["report"])).ExitCode);

    private string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private Task<StoreVersion> VersionAsync() => new FigureStore(Database, TimeProvider.System).GetVersionAsync();

    [Fact]
    public async Task Export_then_import_changes_nothing_not_even_escaped_comments_or_the_April_May_balances()
    {
        await SeedAsync();
        await new FigureStore(Database, TimeProvider.System).SaveAsync(
            [new FigureChange("hotline-calls", MonthRange.Single(September), 400)],
            [
                new CommentChange(5, September, "=Recount after audit"),
                new CommentChange(3, September, "-2 calls were hoaxes"),
            ],
            new Editor("aad-alice", "Alice Archer"), Guid.NewGuid());
        var exported = Path.Combine(_cli.Folder, "figures.csv");
        Assert.Equal(0, (await _cli.RunAsync(["export", "figures", "-o", exported])).ExitCode);
        Assert.Contains("'=Recount after audit", await File.ReadAllTextAsync(exported));
        var before = await VersionAsync();

        var (exit, output, error) = await _cli.RunAsync(["import", exported]);

        Assert.Equal((0, ""), (exit, error));
        Assert.Equal($"Imported {exported}: 57 rows for 4 months (2007-06 to 2007-09); nothing changed.\n",
            output.ReplaceLineEndings("\n"));
        Assert.Equal(before, await VersionAsync());
        var state = await new SubmissionStore(Database, TimeProvider.System).GetFormStateAsync("CTC", September);
        Assert.Equal(0, state.Version);
    }

    [Theory]
    [InlineData("an unknown command", "2007-09,CTX,5,hotline-calls,400,",
        "there is no command 'CTX' in the scorecard (the scorecard's commands are CTC, SO14).")]
    [InlineData("an unknown measure", "2007-09,CTC,9,,,Quiet month", "there is no measure 9 in the scorecard.")]
    [InlineData("an unknown component", "2007-09,CTC,5,hotline-cals,400,",
        "there is no component 'hotline-cals' in the scorecard.")]
    [InlineData("a component by its printed name", "2007-09,CTC,5,Calls received,400,",
        "there is no component 'Calls received' in the scorecard; the column takes ids, and Calls received is "
        + "hotline-calls.")]
    [InlineData("another command's component", "2007-09,SO14,,hotline-calls,400,",
        "hotline-calls belongs to CTC (measure 5), not to SO14.")]
    [InlineData("another measure's component", "2007-09,CTC,3,hotline-calls,400,",
        "hotline-calls is a component of measure 5, not of measure 3.")]
    [InlineData("a month that is not one", "Sept 2007,CTC,5,hotline-calls,400,",
        "'Sept 2007' is not a month; write it as yyyy-MM, e.g. 2007-09.")]
    [InlineData("a month outside the year", "2008-04,CTC,5,hotline-calls,400,",
        "April 2008 is outside the scorecard's year (2007/8).")]
    [InlineData("a decimal", "2007-09,CTC,5,hotline-calls,400.5,",
        "Calls received must be a whole number, without decimals or separators.")]
    [InlineData("a negative number", "2007-09,CTC,5,hotline-calls,-4,", "Calls received can't be negative.")]
    [InlineData("a word for a number", "2007-09,CTC,5,hotline-calls,lots,",
        "Calls received must be a number, not \"lots\".")]
    [InlineData("an empty figure", "2007-09,CTC,5,hotline-calls,,",
        "Enter Calls received as a whole number (0 if there were none).")]
    [InlineData("a stock above its total", "2007-09,CTC,1,ctio-total-bocus,34,",
        "Total BOCUs with CTIOs can't be more than 33.")]
    [InlineData("a numerator above the saved denominator", "2007-08,CTC,5,hotline-answered,415,",
        "Answered within set time (415) can't be more than Calls received (414, as saved for August 2007).")]
    [InlineData("a denominator below the saved numerator", "2007-08,CTC,3,ied-calls,30,",
        "IED Calls (30) can't be less than Response within set time (33, as saved for August 2007).")]
    [InlineData("a changed balance", "2007-04..2007-05,CTC,2,snt-recruited,180,",
        "snt-recruited for 2007-04..2007-05 is a balance kept as a total with no split; import changes single months, "
        + "so it stays 179.")]
    [InlineData("a run of months with no balance", "2007-04..2007-06,CTC,5,hotline-calls,1000,",
        "2007-04..2007-06 is a run of months; figures are imported a month at a time "
        + "(there is no saved balance for hotline-calls to match).")]
    [InlineData("a comment on a balance", "2007-04..2007-05,CTC,2,snt-recruited,179,Remainder",
        "a comment belongs to one month, not to 2007-04..2007-05.")]
    [InlineData("a value without its component", "2007-09,CTC,5,,400,", "a value needs its component.")]
    [InlineData("a row with neither component nor measure", "2007-09,CTC,,,,Quiet month",
        "a row needs a component, or a measure for a comment.")]
    [InlineData("a quote never closed", "2007-09,CTC,5,hotline-calls,400,\"Two handlers",
        "a quoted cell is never closed, so the rest of the file is inside it.")]
    [InlineData("a row short of cells", "2007-09,CTC,5,hotline-calls", "this row does not have the header's 6 cells.")]
    public async Task A_file_with_one_bad_row_saves_nothing_and_names_the_line_and_the_problem(
        string kind, string row, string message)
    {
        await SeedAsync();
        var file = WriteFile(kind.Replace(' ', '-') + ".csv", Header, "2007-09,CTC,3,ied-calls,40,", row);
        var before = await VersionAsync();

        var (exit, output, error) = await _cli.RunAsync(["import", file]);

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal($"line 3: {message}\nNothing was imported: 1 error in {file}.\n", error.ReplaceLineEndings("\n"));
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task The_same_component_and_month_twice_is_an_error_on_the_second_naming_the_first()
    {
        await SeedAsync();
        var file = WriteFile("twice.csv", Header,
            "2007-09,CTC,5,hotline-calls,400,", "2007-09,CTC,5,hotline-answered,300,", "2007-09,CTC,5,hotline-calls,400,");
        var before = await VersionAsync();

        var (exit, _, error) = await _cli.RunAsync(["import", file]);

        Assert.Equal(1, exit);
        Assert.StartsWith("line 4: hotline-calls for September 2007 is already given on line 2.\n",
            error.ReplaceLineEndings("\n"));
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task Two_different_comments_for_one_measure_and_month_are_an_error_the_same_one_repeated_is_not()
    {
        await SeedAsync();
        var file = WriteFile("comments.csv", Header,
            "2007-09,CTC,5,hotline-calls,400,Two handlers off sick.",
            "2007-09,CTC,5,hotline-answered,300,Two handlers off sick.",
            "2007-09,CTC,5,,,Phones down for a day.");
        var before = await VersionAsync();

        var (exit, _, error) = await _cli.RunAsync(["import", file]);

        Assert.Equal(1, exit);
        Assert.Equal("line 4: a different comment for measure 5 in September 2007 from the one on line 2.\n"
            + $"Nothing was imported: 1 error in {file}.\n", error.ReplaceLineEndings("\n"));
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task A_locked_month_refuses_the_whole_file()
    {
        await SeedAsync();
        await new SubmissionStore(Database, TimeProvider.System).LockAsync(September, new Editor("aad-ada", "Ada Admin"));
        var file = WriteFile("locked.csv", Header,
            "2007-08,CTC,3,ied-calls,34,", "2007-09,CTC,5,hotline-calls,400,", "2007-09,CTC,5,hotline-answered,300,");
        var before = await VersionAsync();

        var (exit, _, error) = await _cli.RunAsync(["import", file]);

        Assert.Equal(1, exit);
        Assert.Equal(
            $"line 3: September 2007 is locked; an admin can unlock it.\nNothing was imported: 1 error in {file}.\n",
            error.ReplaceLineEndings("\n"));
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task A_month_still_to_come_in_London_is_refused()
    {
        await SeedAsync();
        _cli.Clock = new FakeTimeProvider(new DateTimeOffset(2007, 9, 30, 22, 30, 0, TimeSpan.Zero));
        var file = WriteFile("october.csv", Header, "2007-10,CTC,5,hotline-calls,410,");
        var before = await VersionAsync();

        var (exit, _, error) = await _cli.RunAsync(["import", file]);

        // 23:30 in London on 30 September: October has not begun.
        Assert.Equal(1, exit);
        Assert.StartsWith("line 2: October 2007 is still to come: figures can be submitted once the month has begun.\n",
            error.ReplaceLineEndings("\n"));
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task The_month_is_the_one_it_is_in_London_not_in_UTC()
    {
        await SeedAsync();
        // 23:30 UTC on 30 September is 00:30 on 1 October in London (BST).
        _cli.Clock = new FakeTimeProvider(new DateTimeOffset(2007, 9, 30, 23, 30, 0, TimeSpan.Zero));
        var file = WriteFile("october.csv", Header, "2007-10,CTC,5,hotline-calls,410,");

        var (exit, _, error) = await _cli.RunAsync(["import", file]);

        Assert.Equal((0, ""), (exit, error));
    }

    private const string RolledOutTooMany = "BOCUs CTIOs rolled out this month is 3, "
        + "but Total BOCUs with CTIOs went from 29 in August 2007 to 30 (a change of 1).";

    [Fact]
    public async Task A_flow_that_disagrees_with_its_stock_is_a_warning_and_the_file_is_still_saved()
    {
        await SeedAsync();
        var file = WriteFile("ctio.csv", Header, "2007-09,CTC,1,ctio-rolled-out,3,", "2007-09,CTC,1,ctio-total-bocus,30,");

        var (exit, output, error) = await _cli.RunAsync(["import", file]);

        Assert.Equal(0, exit);
        Assert.Equal($"line 2: warning: {RolledOutTooMany}\n", error.ReplaceLineEndings("\n"));
        Assert.Contains("2 figures and 0 comments changed", output);
    }

    [Fact]
    public async Task With_strict_a_warning_refuses_the_file()
    {
        await SeedAsync();
        var file = WriteFile("ctio.csv", Header, "2007-09,CTC,1,ctio-rolled-out,3,", "2007-09,CTC,1,ctio-total-bocus,30,");
        var before = await VersionAsync();

        var (exit, output, error) = await _cli.RunAsync(["import", file, "--strict"]);

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal($"line 2: warning: {RolledOutTooMany}\nNothing was imported: 1 warning in {file}, and --strict.\n",
            error.ReplaceLineEndings("\n"));
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task A_form_drawn_before_the_import_changed_its_month_is_refused_as_stale()
    {
        await SeedAsync();
        var store = new SubmissionStore(Database, TimeProvider.System);
        var drawn = await store.GetFormStateAsync("CTC", September);
        var file = WriteFile("september.csv", Header, "2007-09,CTC,5,hotline-calls,400,");
        Assert.Equal(0, (await _cli.RunAsync(["import", file])).ExitCode);

        var submit = await store.SubmitAsync(new Submission("CTC", September, drawn.Version, Guid.NewGuid(),
            new Editor("aad-lee", "Lee Lead"), [new FigureChange("hotline-calls", MonthRange.Single(September), 410)], []));

        Assert.Equal(SubmitOutcome.Stale, submit.Outcome);
        // Without --as, the person is the one running the import on this machine.
        Assert.Equal($"{Environment.UserName} (csv import)", submit.State.LastSavedBy);
    }

    [Fact]
    public async Task Ten_thousand_rows_of_a_generated_scorecard_are_saved_as_one_submission()
    {
        var scorecard = GeneratedScorecard.Create();
        var definition = WriteFile("generated.json", scorecard.Json[0]);
        var file = Path.Combine(_cli.Folder, "generated.csv");
        await using (var text = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            scorecard.WriteImportCsv(text, 10_000);
        }
        var settings = new Dictionary<string, string?>
        {
            ["Scorecard:DefinitionPath"] = definition,
            ["Scorecard:SeedPath"] = "",
        };

        var (exit, output, error) = await _cli.RunAsync(["import", file, "--as", "Bulk Loader"], settings: settings);

        Assert.Equal((0, ""), (exit, error));
        Assert.Matches(@"^Imported .*: 10,000 rows for \d+ months \(2007-04 to 2007-\d\d\); "
            + "10,000 figures and 0 comments changed, submission ", output);
        var id = Guid.Parse(output.TrimEnd()[^37..^1]);
        var revisions = await new SubmissionStore(Database, TimeProvider.System).GetSubmissionAsync(id);
        Assert.Equal(10_000, revisions.Count);
        Assert.All(revisions, r => Assert.Equal("Bulk Loader (csv import)", r.SubmittedByName));
    }

    [Fact]
    public async Task Progress_is_drawn_on_stderr_for_a_person_and_not_when_stderr_is_redirected()
    {
        await SeedAsync();
        var first = WriteFile("first.csv", Header,
            "2007-09,CTC,5,hotline-calls,400,", "2007-09,CTC,5,hotline-answered,300,");
        var second = WriteFile("second.csv", Header, "2007-10,CTC,5,hotline-calls,410,");

        var watched = await _cli.RunAsync(["import", first], errorIsTerminal: true);
        var piped = await _cli.RunAsync(["import", second], errorIsTerminal: false);

        Assert.StartsWith("\rChecking command-months: 1 of 1 (100%)\rChecking command-months: 1 of 1, done.",
            watched.Error);
        Assert.Contains("\rSaving changes: 0 of 2 (0%)", watched.Error);
        Assert.Contains("\rSaving changes: 2 of 2 (100%)", watched.Error);
        Assert.EndsWith("Saving changes: 2 of 2, done.\n", watched.Error.ReplaceLineEndings("\n"));
        Assert.Equal((0, ""), (piped.ExitCode, piped.Error));
    }

    [Fact]
    public async Task Help_describes_the_file_and_the_options()
    {
        var (exit, output, _) = await _cli.RunAsync(["import", "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("month,command,measure,component,value,comment", output);
        Assert.Contains("--strict", output);
        Assert.Contains("--as <NAME>", output);
        Assert.Contains("2007-04..2007-05 is taken only unchanged", output);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.csv", [], $"{{0}} is empty: a figures CSV starts with the header {Header}." },
        { "header-only.csv", Encoding.UTF8.GetBytes(Header + "\n"),
            "{0} has a header and no rows: there is nothing to import." },
        {
            "revisions.csv", Encoding.UTF8.GetBytes("who,when,month,measure,component,old,new,comment,submission_id\n"),
            $"{{0}} does not start with the figures header {Header} (in any order); "
            + "its first line is who,when,month,measure,component,old,new,comment,submission_id"
        },
        // A workbook saved where the CSV was meant to be: a zip, not text.
        { "figures.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "{0} is not a CSV text file." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_a_figures_CSV_exits_2_with_one_clear_line(
        string name, byte[] content, string message)
    {
        var path = Path.Combine(_cli.Folder, name);
        await File.WriteAllBytesAsync(path, content);

        CliRun.AssertOneClearLine(await _cli.RunAsync(["import", path]), string.Format(message, path));
    }

    [Fact]
    public async Task A_missing_file_or_a_folder_exits_2_with_one_clear_line()
    {
        var missing = Path.Combine(_cli.Folder, "nowhere.csv");

        CliRun.AssertOneClearLine(await _cli.RunAsync(["import", missing]), $"There is no file {missing}.");
        CliRun.AssertOneClearLine(await _cli.RunAsync(["import", _cli.Folder]),
            $"{_cli.Folder} is a folder, not a CSV file.");
    }

    [Theory]
    [InlineData(new[] { "import" }, "Required argument missing for command: 'import'.")]
    [InlineData(new[] { "import", "a.csv", "--as", " " }, "--as needs a name of 1 to 100 characters.")]
    public async Task Bad_import_arguments_exit_2_with_one_clear_line(string[] args, string message)
    {
        CliRun.AssertOneClearLine(await _cli.RunAsync(args), message);
    }
}

/// <summary>The two promises that matter most, on each provider: a good file saved, a bad one saving nothing.</summary>
public abstract class ImportOnEachProviderTests : IAsyncLifetime
{
    private const string Header = "month,command,measure,component,value,comment";
    private static readonly YearMonth September = new(2007, 9);

    protected CliRun Cli { get; } = new();

    private StorageOptions Options { get; set; } = null!;

    protected abstract Task<StorageOptions> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync() => Options = await CreateEmptyDatabaseAsync();

    public virtual Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        Cli.RunAsync(args, Options.ConnectionString,
            new Dictionary<string, string?> { ["Storage:Provider"] = Options.Provider.ToString() });

    private string WriteFile(params string[] lines)
    {
        var path = Path.Combine(Cli.Folder, "import.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Fact]
    public async Task Septembers_hotline_300_of_400_is_saved_and_the_report_shows_75_percent_more_than_10_percent_outside()
    {
        var file = WriteFile(Header,
            "2007-09,CTC,5,hotline-answered,300,", "2007-09,CTC,5,hotline-calls,400,Two call handlers off sick.");

        var (exit, output, error) = await RunAsync("import", file, "--as", "Ian Importer");

        Assert.Equal((0, ""), (exit, error));
        Assert.StartsWith($"Imported {file}: 2 rows for 1 month (2007-09); 2 figures and 1 comment changed, submission ",
            output);
        var report = await RunAsync("report", "--from", "2007-09", "--to", "2007-09", "--format", "csv");
        Assert.Contains("5,value,2007-09,75%,More Than 10% Outside Target", report.Output);
        var revisions = await RunAsync("export", "revisions", "--from", "2007-09", "--to", "2007-09");
        var id = output.TrimEnd()[^37..^1];
        Assert.Equal(
        [
            $"Ian Importer (csv import),2007-09,5,hotline-answered,,300,,{id}",
            $"Ian Importer (csv import),2007-09,5,hotline-calls,,400,,{id}",
            $"Ian Importer (csv import),2007-09,5,,,,Two call handlers off sick.,{id}",
        ], revisions.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..].Select(WithoutTime));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_saves_none_of_its_good_rows()
    {
        Assert.Equal(0, (await RunAsync("report")).ExitCode);
        var figures = new FigureStore(new ScorecardDatabase(Options), TimeProvider.System);
        var before = await figures.GetVersionAsync();
        var file = WriteFile(Header, "2007-09,CTC,5,hotline-answered,300,", "2007-09,CTC,5,hotline-calls,400,",
            "2007-09,CTC,3,ied-in-time,41,", "2007-09,CTC,3,ied-calls,40,", "2007-09,SO14,6,intrusions-red-purple,0,");

        var (exit, output, error) = await RunAsync("import", file);

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal($"line 4: Response within set time (41) can't be more than IED Calls (40).\n"
            + $"Nothing was imported: 1 error in {file}.\n", error.ReplaceLineEndings("\n"));
        Assert.Equal(before, await figures.GetVersionAsync());
        var heads = new SubmissionStore(new ScorecardDatabase(Options), TimeProvider.System);
        Assert.Equal(0, (await heads.GetFormStateAsync("CTC", September)).Version);
        Assert.Equal(0, (await heads.GetFormStateAsync("SO14", September)).Version);
    }

    // "who,when,..." without the when, which is the real clock's.
    private static string WithoutTime(string line)
    {
        var cells = line.Split(',');
        return string.Join(',', cells.Take(1).Concat(cells.Skip(2)));
    }
}

public sealed class SqliteImportTests : ImportOnEachProviderTests
{
    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() =>
        Task.FromResult(new StorageOptions { ConnectionString = Cli.DatabaseConnection });
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresImportTests(PostgresServer server) : ImportOnEachProviderTests
{
    protected override Task<StorageOptions> CreateEmptyDatabaseAsync() => server.CreateEmptyDatabaseAsync();
}
