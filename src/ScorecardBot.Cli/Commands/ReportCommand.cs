using System.CommandLine;
using ScorecardBot.Core.Reporting;

namespace ScorecardBot.Cli.Commands;

/// <summary>`scorecard report`: the committee table on the terminal, or as CSV.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var period = new PeriodOptions();
        var format = CliOptions.Choice("--format", "text for the terminal, csv for a spreadsheet.", required: false, "text", "csv");
        var command = new Command("report",
            "The committee table: measures and components × months + FYTD, target, status. "
            + "Without --from/--to: the latest three months that have figures.");
        period.AddTo(command);
        command.Options.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (definition, _, figures) = await context.Session.PrepareAsync(cancellationToken);
            var report = CommitteeReport.Build(definition, figures, period.CommitteeRange(parse, definition, figures));
            var text = parse.ChoiceValue(format) == "csv" ? ReportFormatter.ToCsv(report) : ReportFormatter.ToText(report);
            await context.Console.Out.WriteAsync(text);
            return CliApp.Ok;
        });
        return command;
    }
}
