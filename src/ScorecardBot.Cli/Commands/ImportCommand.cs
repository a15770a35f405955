using System.CommandLine;
using System.Globalization;
using ScorecardBot.Cli.Csv;
using ScorecardBot.Cli.Import;
using ScorecardBot.Core.Periods;
using ScorecardBot.Storage;

namespace ScorecardBot.Cli.Commands;

/// <summary>
/// `scorecard import FILE.csv`: figures and comments from the CSV `export figures` writes, checked row by row as the
/// bot checks a form and saved as one submission, all or nothing.
/// </summary>
public static class ImportCommand
{
    /// <summary>Who the changes are saved as: the process, and the person running it.</summary>
    public static Editor EditorFor(string who) => new("csv-import:" + who, who + " (csv import)");

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file")
        {
            Description = "The CSV: month,command,measure,component,value,comment, as 'export figures' writes it.",
            HelpName = "FILE.csv",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse the file on warnings too (a rolled-out count that disagrees with its total's change).",
        };
        var who = new Option<string?>("--as")
        {
            Description = "The name the changes are saved under, as 'NAME (csv import)'; default: your user name here.",
            HelpName = "NAME",
        };
        who.Validators.Add(result =>
        {
            var name = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : null;
            if (name is { Length: 0 or > 100 }) result.AddError("--as needs a name of 1 to 100 characters.");
        });
        var command = new Command("import",
            "Saves figures and comments from a CSV as one submission, all or nothing. A row gives one component's "
            + "figure for a month, or with a measure and no component that measure's comment (empty clears it); an "
            + "empty comment on a figure's row leaves the comment as it is. Each command's rows for a month are checked "
            + "as the bot checks its form, figures left out taken as saved; any error and nothing is saved (exit 1). "
            + "A balance such as 2007-04..2007-05 is taken only unchanged, so an export re-imports.")
        {
            file,
        };
        command.Options.Add(strict);
        command.Options.Add(who);
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(file)!, parse.GetValue(strict),
            EditorFor(parse.GetValue(who)?.Trim() ?? Environment.UserName), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string path, bool strict, Editor editor,
        CancellationToken cancellationToken)
    {
        var console = context.Console;
        var (rows, unreadable) = FigureCsvReader.Read(path);
        var (definition, figures, submissions) = await context.Session.PrepareStoresAsync(cancellationToken);
        var import = FigureImport.Read(definition, rows, unreadable);

        // The versions first, then the figures: a save in between moves a version, so it refuses this import rather
        // than slipping under figures that were checked before it.
        var states = new Dictionary<(string, YearMonth), FormState>();
        foreach (var (code, month) in import.Groups.Select(g => (g.Command.Code, g.Month)))
        {
            states[(code, month)] = await submissions.GetFormStateAsync(code, month, cancellationToken);
        }
        var saved = await figures.LoadCurrentAsync(cancellationToken);
        var submissionId = Guid.NewGuid();
        ImportCheck check;
        using (var progress = TerminalProgress.Start(console, false, "Checking command-months", states.Count))
        {
            check = import.Check(saved, states, definition.FinancialYear, context.Session.Today(), submissionId, editor,
                progress.Advance);
        }

        foreach (var warning in check.Warnings)
        {
            await console.Error.WriteLineAsync($"line {warning.Line}: warning: {warning.Message}");
        }
        foreach (var error in check.Errors) await console.Error.WriteLineAsync(error.ToString());
        var refusal = check.Errors.Count > 0 ? $"{Count(check.Errors.Count, "error")} in {path}"
            : strict && check.Warnings.Count > 0 ? $"{Count(check.Warnings.Count, "warning")} in {path}, and --strict"
            : null;
        if (refusal is not null)
        {
            await console.Error.WriteLineAsync($"Nothing was imported: {refusal}.");
            return CliApp.Invalid;
        }

        SubmitAllResult result;
        using (var progress = new SaveProgress(console))
        {
            result = await submissions.SubmitAllAsync(check.Parts, progress, cancellationToken);
        }
        if (result.Outcome != SubmitOutcome.Saved) throw new CliException(Refusal(result));
        await console.Out.WriteLineAsync(Summary(path, rows.Count, import, result, submissionId));
        return CliApp.Ok;
    }

    /// <summary>"Imported f.csv: 42 rows for 3 months (2007-06 to 2007-08); 10 figures and 2 comments changed…"</summary>
    private static string Summary(string path, int rows, FigureImport import, SubmitAllResult result, Guid submissionId)
    {
        var months = import.Groups.Select(g => g.Month).Distinct().Order().ToList();
        var span = months.Count switch
        {
            0 => "",
            1 => $" ({months[0]})",
            _ => $" ({months[0]} to {months[^1]})",
        };
        var (figures, comments) = (result.Changes.FiguresChanged, result.Changes.CommentsChanged);
        var changes = result.Changes.ChangedAnything
            ? $"{Count(figures, "figure")} and {Count(comments, "comment")} changed, submission {submissionId}"
            : "nothing changed";
        return $"Imported {path}: {Count(rows, "row")} for {Count(months.Count, "month")}{span}; {changes}.";
    }

    private static string Refusal(SubmitAllResult result)
    {
        var part = result.Refused!;
        var month = part.Month.ToLongLabel();
        return result.Outcome == SubmitOutcome.Locked
            ? $"{month} was locked while the file was being checked, so nothing was imported."
            : $"{part.Command} {month} was saved by {result.RefusedState!.LastSavedBy ?? "someone"} while the file was "
              + "being checked, so nothing was imported; run the import again to check it against their figures.";
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>"Saving changes: 40,000 of 100,000" on a watched terminal, from the store's reports.</summary>
    private sealed class SaveProgress(CliConsole console) : IProgress<(int Written, int Total)>, IDisposable
    {
        private TerminalProgress? _terminal;

        public void Report((int Written, int Total) value)
        {
            if (value.Total == 0) return;
            _terminal ??= TerminalProgress.Start(console, rowsGoToTerminal: false, "Saving changes", value.Total);
            _terminal.AdvanceTo(value.Written);
        }

        public void Dispose() => _terminal?.Dispose();
    }
}
