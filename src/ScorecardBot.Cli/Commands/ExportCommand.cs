using System.CommandLine;
using CsvHelper;
using ScorecardBot.Cli.Csv;

namespace ScorecardBot.Cli.Commands;

/// <summary>`scorecard export figures|revisions`: CSV for a spreadsheet, from a database that already exists.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context) => new("export",
        "Figures or their revision history as CSV; cells starting = + - @ (or tab, CR) are escaped so a spreadsheet shows them as text.")
    {
        Figures(context),
        Revisions(context),
    };

    private static Command Figures(CliContext context)
    {
        var period = new PeriodOptions();
        var output = CliOptions.Output("Write to FILE instead of standard output.");
        var command = new Command("figures", "The current figures: month,command,measure,component,value,comment (the columns import reads).");
        period.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var within = period.Filter(parse);
            var (definition, store) = await context.Session.OpenExistingAsync(cancellationToken);
            var rows = FigureCsv.Rows(definition, await store.LoadCurrentAsync(cancellationToken), within);
            await WriteAsync(context, parse.GetValue(output), "Exporting figures", rows, FigureCsv.WriteHeader, FigureCsv.Write);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Revisions(CliContext context)
    {
        var period = new PeriodOptions();
        var output = CliOptions.Output("Write to FILE instead of standard output.");
        var command = new Command("revisions",
            "Every saved change, oldest first: who,when (UTC),month,measure,component,old,new,comment,submission_id.");
        period.AddTo(command);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var within = period.Filter(parse);
            var (definition, store) = await context.Session.OpenExistingAsync(cancellationToken);
            var revisions = await store.GetRevisionsAsync(within, cancellationToken);
            await WriteAsync(context, parse.GetValue(output), "Exporting revisions", revisions, RevisionCsv.WriteHeader,
                (csv, revision) => RevisionCsv.Write(csv, revision, definition));
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task WriteAsync<T>(CliContext context, string? path, string label, IReadOnlyList<T> rows,
        Action<CsvWriter> writeHeader, Action<CsvWriter, T> write)
    {
        await using var text = OutputFile.OpenText(path, context.Console);
        using var progress = TerminalProgress.Start(context.Console, rowsGoToTerminal: path is null && context.Console.OutputIsTerminal, label, rows.Count);
        using (var csv = CsvWriter.Create(text, FigureCsv.Options, leaveOpen: true))
        {
            writeHeader(csv);
            foreach (var row in rows)
            {
                write(csv, row);
                progress.Advance();
            }
            csv.Flush();
        }
    }
}
