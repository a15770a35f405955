using System.CommandLine;
using ScorecardBot.Pack;
using Command = System.CommandLine.Command;

namespace ScorecardBot.Cli.Commands;

/// <summary>`scorecard pack`: the committee pack as a PDF or an Excel workbook.</summary>
public static class PackCommand
{
    public static Command Create(CliContext context)
    {
        var period = new PeriodOptions();
        var format = CliOptions.Choice("--format", "pdf for printing, xlsx for Excel.", required: true, "pdf", "xlsx");
        var output = CliOptions.Output("The file to write.");
        output.Required = true;
        var command = new Command("pack",
            "The committee pack: title, Key, acronyms, measures × months + FYTD in the Key's colours, comments and trend charts. "
            + "Without --from/--to: the latest three months that have figures.");
        period.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (definition, _, figures) = await context.Session.PrepareAsync(cancellationToken);
            var range = period.CommitteeRange(parse, definition, figures);
            // Rendered in memory first, so a failure leaves no half-written file.
            using var pack = new MemoryStream();
            try
            {
                var report = PackInput.Build(definition, figures, range);
                if (parse.ChoiceValue(format) == "pdf") PdfPack.Render(report, pack, context.Clock.GetUtcNow());
                else XlsxPack.Render(report, pack);
            }
            catch (PackException e)
            {
                throw new CliException(e.Message);
            }
            var path = parse.GetValue(output)!;
            await using (var file = OutputFile.Create(path))
            {
                pack.Position = 0;
                await pack.CopyToAsync(file, cancellationToken);
            }
            if (context.Console.ErrorIsTerminal) await context.Console.Error.WriteLineAsync($"Wrote {path} ({pack.Length:N0} bytes).");
            return CliApp.Ok;
        });
        return command;
    }
}
