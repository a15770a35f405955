using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ScorecardBot.Core.Calculation;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Core.Tests.Support;
using ScorecardBot.Storage;

namespace ScorecardBot.Core.Tests.Reporting;

/// <summary>
/// Every number the committee paper prints (shared/seeds/000_33616d760a9bf34e.txt), transcribed here by hand from the
/// paper and not from the shipped seed file, checked against the shipped definition and seed as the bot loads them:
/// SQLite, migrations, seed import, current figures, <see cref="CommitteeReport"/>.
/// </summary>
public sealed class SeedPaperGoldenTests(SeededScorecard scorecard) : IClassFixture<SeededScorecard>
{
    private const string Value = SeedPaper.Value;
    private static readonly MonthRange PaperRange = new(new YearMonth(2007, 6), new YearMonth(2007, 8));

    public static TheoryData<int, string, string, string, string, string> Paper => SeedPaper.Figures;
    public static TheoryData<int, string, string, string, string> PaperStatuses => SeedPaper.Statuses;
    public static TheoryData<int, string, string> PaperTargets => SeedPaper.Targets;

    private CommitteeReport Report => CommitteeReport.Build(scorecard.Definition, scorecard.Figures, PaperRange);

    [Fact]
    public void Report_has_the_papers_columns_Jun_07_Jul_07_Aug_07_and_FYTD_from_April()
    {
        var columns = Report.Columns;

        Assert.Equal(["Jun-07", "Jul-07", "Aug-07", "FYTD"], columns.Select(c => c.Label));
        Assert.Equal(new MonthRange(new YearMonth(2007, 4), new YearMonth(2007, 8)), columns[3].Period);
        Assert.True(columns[3].IsYearToDate);
        Assert.Equal([1, 2, 3, 4, 5, 6], Report.Rows.Select(r => r.Measure.Number));
    }

    [Theory]
    [MemberData(nameof(Paper))]
    public void Every_figure_printed_in_the_seed_paper_is_reproduced(int measure, string row, string jun, string jul, string aug, string fytd)
    {
        var reportRow = Report.Rows.Single(r => r.Measure.Number == measure);
        string[] expected = [jun, jul, aug, fytd];

        string[] actual = row == Value
            ? reportRow.Cells.Select(c => c.Display).ToArray()
            : reportRow.Components.Single(c => c.Component.Name == row).Cells.Select(v => v?.ToString() ?? "No data").ToArray();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Paper))]
    public void The_calculator_gives_the_printed_figure_for_each_month_and_for_FYTD_as_of_August(
        int measure, string row, string jun, string jul, string aug, string fytd)
    {
        var m = scorecard.Definition.GetMeasure(measure);
        var year = scorecard.Definition.FinancialYear;
        var results = new[]
        {
            ScorecardCalculator.Evaluate(m, scorecard.Figures, MonthRange.Single(new YearMonth(2007, 6))),
            ScorecardCalculator.Evaluate(m, scorecard.Figures, MonthRange.Single(new YearMonth(2007, 7))),
            ScorecardCalculator.Evaluate(m, scorecard.Figures, MonthRange.Single(new YearMonth(2007, 8))),
            ScorecardCalculator.EvaluateYearToDate(m, scorecard.Figures, year, new YearMonth(2007, 8)),
        };

        string[] actual = row == Value
            ? results.Select(r => r.Display).ToArray()
            : results.Select(r => r.Components.Single(c => c.Component.Name == row).Display).ToArray();

        Assert.Equal([jun, jul, aug, fytd], actual);
    }

    [Theory]
    [MemberData(nameof(PaperStatuses))]
    public void Every_status_is_as_the_paper_shows_it(int measure, string jun, string jul, string aug, string fytd)
    {
        var row = Report.Rows.Single(r => r.Measure.Number == measure);

        Assert.Equal([jun, jul, aug, fytd], row.Cells.Select(c => c.StatusLabel));
    }

    [Theory]
    [MemberData(nameof(PaperTargets))]
    public void Each_measure_has_the_target_and_command_the_paper_prints(int measure, string target, string command)
    {
        var m = scorecard.Definition.GetMeasure(measure);

        Assert.Equal(target, m.Target.Text);
        Assert.Equal(command, m.Command.Code);
    }

    [Fact]
    public void Every_component_row_of_the_report_is_one_the_paper_prints()
    {
        var printed = Paper.Select(row => ((int)row[0], (string)row[1])).Where(r => r.Item2 != Value).ToHashSet();

        var reported = Report.Rows.SelectMany(r => r.Components.Select(c => (r.Measure.Number, c.Component.Name))).ToList();

        // Measure 6's headline is its red/purple count, which the paper prints as the measure's own row.
        Assert.Equal(printed.Append((6, "Intrusions into Red and Purple Zones")).OrderBy(x => x), reported.OrderBy(x => x));
        Assert.Equal(["0", "0", "0", "0"], Report.Rows[5].Components.Single(c => c.Component.Id == "intrusions-red-purple").Cells.Select(v => v.ToString()));
    }

    [Fact]
    public void Ctio_coverage_shows_its_basis_28_of_33_BOCUs_in_June_and_29_of_33_in_July()
    {
        var ctio = Report.Rows[0];

        Assert.Equal("28 of 33 BOCUs", ctio.Cells[0].Basis);
        Assert.Equal("29 of 33 BOCUs", ctio.Cells[1].Basis);
        Assert.Equal("29 of 33 BOCUs", ctio.Cells[3].Basis);
    }

    [Fact]
    public void Ctio_coverage_of_84_8_percent_in_June_is_published_85_and_above_target()
    {
        var june = Report.Rows[0].Cells[0];

        Assert.Equal(84.85m, Math.Round(june.Exact!.Value, 2));
        Assert.Equal(85m, june.Published);
        Assert.Equal(Status.AboveTarget, june.Status);
    }

    [Fact]
    public void Snt_briefing_FYTD_shows_its_basis_263_of_327_SNT_members()
    {
        Assert.Equal("263 of 327 SNT members", Report.Rows[1].Cells[3].Basis);
    }

    [Fact]
    public void April_and_May_are_stored_as_one_balance_of_179_recruited_and_135_briefed()
    {
        var aprilToMay = new MonthRange(new YearMonth(2007, 4), new YearMonth(2007, 5));

        var recruited = scorecard.Figures.Find("snt-recruited", aprilToMay);
        var briefed = scorecard.Figures.Find("snt-briefed", aprilToMay);

        Assert.NotNull(recruited);
        Assert.NotNull(briefed);
        Assert.True(recruited.IsBalance);
        Assert.Equal(179, recruited.Value);
        Assert.Equal(135, briefed!.Value);
        Assert.Equal(SeedData.ImportedBy, recruited.SubmittedBy);
    }

    [Fact]
    public void No_April_or_May_monthly_figure_exists_for_any_component()
    {
        var april = new YearMonth(2007, 4);
        var may = new YearMonth(2007, 5);

        Assert.DoesNotContain(scorecard.Figures.All, f => !f.IsBalance && (f.Period.From == april || f.Period.From == may));
        foreach (var component in scorecard.Definition.Components)
        {
            Assert.Null(scorecard.Figures.Month(component.Id, april));
            Assert.Null(scorecard.Figures.Month(component.Id, may));
        }
        Assert.All(scorecard.Figures.All.Where(f => f.IsBalance),
            f => Assert.Equal(new MonthRange(april, may), f.Period));
    }

    [Fact]
    public void Snt_FYTD_as_of_May_is_the_balance_itself()
    {
        var snt = scorecard.Definition.GetMeasure(2);

        var result = ScorecardCalculator.EvaluateYearToDate(snt, scorecard.Figures, scorecard.Definition.FinancialYear, new YearMonth(2007, 5));

        Assert.Equal(135, result.Numerator);
        Assert.Equal(179, result.Denominator);
        Assert.Equal("75%", result.Display);
        Assert.Equal("135 of 179 SNT members", result.Basis);
    }

    [Fact]
    public void FYTD_as_of_April_is_no_data_because_the_balance_is_never_split()
    {
        var year = scorecard.Definition.FinancialYear;

        foreach (var measure in scorecard.Definition.Measures)
        {
            var result = ScorecardCalculator.EvaluateYearToDate(measure, scorecard.Figures, year, new YearMonth(2007, 4));

            Assert.False(result.HasData, $"measure {measure.Number}");
            Assert.Equal("No data", result.Display);
            Assert.Equal(Status.NoData, result.Status);
            Assert.All(result.Components, c => Assert.Null(c.Value));
        }
    }

    [Fact]
    public void Hotline_comment_is_attached_to_measure_5_for_June_and_July_and_not_August()
    {
        const string lostData = "Unfortunately this has resulted in the loss of 19 days data, from the end of June and the first half of July.";
        CommitteeReport For(int month) =>
            CommitteeReport.Build(scorecard.Definition, scorecard.Figures, MonthRange.Single(new YearMonth(2007, month)));

        Assert.Contains(lostData, Assert.Single(For(6).Rows[4].Comments));
        Assert.Contains(lostData, Assert.Single(For(7).Rows[4].Comments));
        Assert.Empty(For(8).Rows[4].Comments);
        Assert.StartsWith("Following the terrorist incidents of 29 June 2007", Assert.Single(Report.Rows[4].Comments));
        Assert.All(Report.Rows.Where(r => r.Measure.Number != 5), r => Assert.Empty(r.Comments));
    }

    [Fact]
    public void First_start_imports_three_months_the_April_May_balances_and_the_comment()
    {
        // 14 components × 3 months, a balance for each of the 13 flows (a stock has none), the comment on 2 months.
        Assert.Equal(14 * 3 + 13 + 2, scorecard.ImportedOnFirstStart);
    }

    [Fact]
    public async Task Importing_the_seed_again_adds_nothing()
    {
        var before = await CountRevisionsAsync();
        var version = await scorecard.Store.GetVersionAsync();
        var seed = SeedData.Parse(await File.ReadAllTextAsync(ShippedFiles.Seed), scorecard.Definition);

        var imported = await scorecard.Store.ImportSeedAsync(seed);

        Assert.Equal(0, imported);
        Assert.Equal(0, await ScorecardStartup.PrepareAsync(scorecard.Database, scorecard.Store, scorecard.Definition, ShippedFiles.Seed, NullLogger.Instance));
        Assert.Equal(before, await CountRevisionsAsync());
        Assert.Equal(version, await scorecard.Store.GetVersionAsync());
    }

    private async Task<(int Figures, int Comments)> CountRevisionsAsync()
    {
        await using var db = scorecard.Database.CreateContext();
        return (await db.FigureRevisions.CountAsync(), await db.CommentRevisions.CountAsync());
    }
}
