using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Core.Tests.Support;

namespace ScorecardBot.Core.Tests.Reporting;

public sealed class ReportFormatterTests
{
    private static readonly YearMonth June = new(2007, 6);

    [Fact]
    public void Csv_quotes_a_component_name_that_contains_a_comma()
    {
        var definition = InlineDefinition.Load(InlineDefinition.Wrap("""
            {
              "number": 1, "title": "Calls", "command": "CTC",
              "components": [ { "id": "calls", "name": "Calls, \"urgent\"", "aggregation": "sum" } ],
              "value": { "kind": "count", "component": "calls" },
              "target": { "value": 10, "per": "level" }, "unit": "count", "direction": "lowerIsBetter", "tolerance": 0.1
            }
            """));
        var figures = new FigureSet([new Figure("calls", MonthRange.Single(June), 12)]);

        var csv = ReportFormatter.ToCsv(CommitteeReport.Build(definition, figures, MonthRange.Single(June)));

        Assert.Equal(
            "measure,row,period,value,status\n" +
            "1,value,2007-06,12,More Than 10% Outside Target\n" +
            "1,value,FYTD,,No data\n" +
            "1,\"Calls, \"\"urgent\"\"\",2007-06,12,\n" +
            "1,\"Calls, \"\"urgent\"\"\",FYTD,,\n",
            csv);
    }

    [Fact]
    public void A_report_outside_the_financial_year_is_refused()
    {
        var definition = InlineDefinition.Load(InlineDefinition.Wrap());

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CommitteeReport.Build(definition, FigureSet.Empty, new MonthRange(new YearMonth(2008, 3), new YearMonth(2008, 4))));
    }

    [Fact]
    public void Text_marks_missing_figures_as_no_data()
    {
        var definition = InlineDefinition.Load(InlineDefinition.Wrap("""
            {
              "number": 1, "title": "Intrusions", "command": "CTC",
              "components": [ { "id": "events", "name": "Intrusions", "aggregation": "sum" } ],
              "value": { "kind": "count", "component": "events" },
              "target": { "value": 0, "per": "month" }, "unit": "count", "direction": "lowerIsBetter", "tolerance": 0.1
            }
            """));

        var text = ReportFormatter.ToText(CommitteeReport.Build(definition, FigureSet.Empty, MonthRange.Single(June)));

        var line = text.Split('\n').Single(l => l.StartsWith("1 Intrusions (CTC)", StringComparison.Ordinal));
        Assert.Contains("Jun-07", text);
        Assert.EndsWith("No data", line.TrimEnd());
        Assert.DoesNotContain("✓", line);
        Assert.Contains("–", line);
    }
}
