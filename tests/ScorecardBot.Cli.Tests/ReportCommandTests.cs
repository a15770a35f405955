namespace ScorecardBot.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    // Written by hand from the seed paper (shared/seeds/000_33616d760a9bf34e.txt): June, July, August 2007 and FYTD.
    private const string ExpectedCsv = """
        measure,row,period,value,status
        1,value,2007-06,85%,Above Target
        1,value,2007-07,88%,Above Target
        1,value,2007-08,88%,Above Target
        1,value,FYTD,88%,Above Target
        1,BOCUs CTIOs rolled out this month,2007-06,1,
        1,BOCUs CTIOs rolled out this month,2007-07,1,
        1,BOCUs CTIOs rolled out this month,2007-08,0,
        1,BOCUs CTIOs rolled out this month,FYTD,4,
        1,Total BOCUs with CTIOs,2007-06,28,
        1,Total BOCUs with CTIOs,2007-07,29,
        1,Total BOCUs with CTIOs,2007-08,29,
        1,Total BOCUs with CTIOs,FYTD,29,
        2,value,2007-06,85%,Above Target
        2,value,2007-07,88%,Above Target
        2,value,2007-08,87%,Above Target
        2,value,FYTD,80%,Above Target
        2,SNT Recruited,2007-06,82,
        2,SNT Recruited,2007-07,51,
        2,SNT Recruited,2007-08,15,
        2,SNT Recruited,FYTD,327,
        2,Briefed within 2 months,2007-06,70,
        2,Briefed within 2 months,2007-07,45,
        2,Briefed within 2 months,2007-08,13,
        2,Briefed within 2 months,FYTD,263,
        3,value,2007-06,100%,Above Target
        3,value,2007-07,100%,Above Target
        3,value,2007-08,100%,Above Target
        3,value,FYTD,100%,Above Target
        3,Response within set time,2007-06,37,
        3,Response within set time,2007-07,87,
        3,Response within set time,2007-08,33,
        3,Response within set time,FYTD,202,
        3,IED Calls,2007-06,37,
        3,IED Calls,2007-07,87,
        3,IED Calls,2007-08,33,
        3,IED Calls,FYTD,202,
        4,value,2007-06,100%,Above Target
        4,value,2007-07,100%,Above Target
        4,value,2007-08,100%,Above Target
        4,value,FYTD,100%,Above Target
        4,Scenes achieving appropriate rating,2007-06,14,
        4,Scenes achieving appropriate rating,2007-07,49,
        4,Scenes achieving appropriate rating,2007-08,22,
        4,Scenes achieving appropriate rating,FYTD,103,
        4,Scenes Managed,2007-06,14,
        4,Scenes Managed,2007-07,49,
        4,Scenes Managed,2007-08,22,
        4,Scenes Managed,FYTD,103,
        5,value,2007-06,99%,Above Target
        5,value,2007-07,98%,Above Target
        5,value,2007-08,99%,Above Target
        5,value,FYTD,98%,Above Target
        5,Answered within set time,2007-06,406,
        5,Answered within set time,2007-07,347,
        5,Answered within set time,2007-08,410,
        5,Answered within set time,FYTD,2047,
        5,Calls received,2007-06,410,
        5,Calls received,2007-07,353,
        5,Calls received,2007-08,414,
        5,Calls received,FYTD,2080,
        6,value,2007-06,0,Above Target
        6,value,2007-07,0,Above Target
        6,value,2007-08,0,Above Target
        6,value,FYTD,0,Above Target
        6,Intrusions into Red and Purple Zones,2007-06,0,
        6,Intrusions into Red and Purple Zones,2007-07,0,
        6,Intrusions into Red and Purple Zones,2007-08,0,
        6,Intrusions into Red and Purple Zones,FYTD,0,
        6,Orange,2007-06,0,
        6,Orange,2007-07,0,
        6,Orange,2007-08,0,
        6,Orange,FYTD,0,
        6,Yellow,2007-06,0,
        6,Yellow,2007-07,1,
        6,Yellow,2007-08,1,
        6,Yellow,FYTD,2,
        6,Green,2007-06,4,
        6,Green,2007-07,2,
        6,Green,2007-08,8,
        6,Green,FYTD,24,

        """;

    [Fact]
    public async Task Csv_report_for_June_to_August_is_exactly_the_committee_paper()
    {
        var (exit, output, error) = await _cli.RunAsync(["report", "--from", "2007-06", "--to", "2007-08", "--format", "csv"]);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Equal(ExpectedCsv.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task Running_the_report_twice_on_the_same_database_gives_the_same_figures()
    {
        string[] args = ["report", "--from", "2007-06", "--to", "2007-08", "--format", "csv"];
        var first = await _cli.RunAsync(args);

        var second = await _cli.RunAsync(args);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Csv_report_for_July_alone_gives_FYTD_to_July()
    {
        var (exit, output, _) = await _cli.RunAsync(["report", "--from=2007-07", "--to=2007-07", "--format=CSV"]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Contains("1,value,2007-07,88%,Above Target", lines);
        // FYTD to July: (179 + 82 + 51) recruited, (135 + 70 + 45) briefed = 250 / 312 = 80.1%.
        Assert.Contains("2,SNT Recruited,FYTD,312,", lines);
        Assert.Contains("2,Briefed within 2 months,FYTD,250,", lines);
        Assert.Contains("2,value,FYTD,80%,Above Target", lines);
        Assert.DoesNotContain(lines, l => l.Contains("2007-06") || l.Contains("2007-08"));
    }

    [Fact]
    public async Task Text_report_lays_out_the_committee_table()
    {
        var (exit, output, error) = await _cli.RunAsync(["report", "--from", "2007-06", "--to", "2007-08"]);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Specialist Operations — Planning Performance & Review Committee", lines[0]);
        Assert.Contains("June 2007 to August 2007", lines[1]);
        var header = lines.Single(l => l.StartsWith("Measure", StringComparison.Ordinal));
        Assert.Matches(@"Target\s+Jun-07\s+Jul-07\s+Aug-07\s+FYTD\s+Status", header);

        AssertMeasureLine(lines, "1 CTIO coverage (CTC)", "85%", "85% 88% 88% 88%");
        AssertMeasureLine(lines, "2 SNT members briefed within two months (CTC)", "80%", "85% 88% 87% 80%");
        AssertMeasureLine(lines, "3 IED calls attended within set time (CTC)", "95%", "100% 100% 100% 100%");
        AssertMeasureLine(lines, "4 Incident scenes rated 'appropriate' (CTC)", "90%", "100% 100% 100% 100%");
        AssertMeasureLine(lines, "5 Hotline calls answered within set time (CTC)", "85%", "99% 98% 99% 98%");
        AssertMeasureLine(lines, "6 Royal residence intrusions", "0", "0 0 0 0");

        Assert.Matches(@"^\s+SNT Recruited\s+82\s+51\s+15\s+327$", lines.Single(l => l.Contains("SNT Recruited")));
        Assert.Matches(@"^\s+Green\s+4\s+2\s+8\s+24$", lines.Single(l => l.Contains("Green")));

        var flowing = string.Join(" ", output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Comment: Following the terrorist incidents of 29 June 2007 temporary arrangements were made in order to enhance the "
            + "Hotlines call handling capabilities. Unfortunately this has resulted in the loss of 19 days data, from the end of June and the "
            + "first half of July.", flowing);
        Assert.Contains("Key: ✓ Above Target   ! Less Than 10% Outside Target   ✗ More Than 10% Outside Target   – No data", lines);
    }

    private static void AssertMeasureLine(List<string> lines, string start, string target, string values)
    {
        var line = lines.Single(l => l.StartsWith(start, StringComparison.Ordinal));
        var cells = System.Text.RegularExpressions.Regex.Matches(line, @"(\d+%?) ✓").Select(m => m.Groups[1].Value);
        Assert.Equal(values, string.Join(" ", cells));
        Assert.Matches($@"\s{System.Text.RegularExpressions.Regex.Escape(target)}\s+\d+%? ✓", line);
        Assert.EndsWith("  Above Target", line);
    }
}
