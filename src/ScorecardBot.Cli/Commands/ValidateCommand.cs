using System.CommandLine;
using Command = System.CommandLine.Command;
using ScorecardBot.Core.Definition;

namespace ScorecardBot.Cli.Commands;

/// <summary>`scorecard validate`: checks a definition file and lists every problem in it.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("file")
        {
            Description = "The definition to check (default: the configured one).",
            HelpName = "definition.json",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", "Checks a scorecard definition and lists every problem.") { file };
        command.SetAction(async parse =>
        {
            var console = context.Console;
            var path = parse.GetValue(file) is { } given ? Path.GetFullPath(given) : context.Session.DefinitionPath;
            var result = DefinitionLoader.LoadFile(path);
            if (result.IsValid)
            {
                var d = result.Definition!;
                await console.Out.WriteLineAsync($"{path}: valid. {d.Title}, {d.FinancialYear.Label}: {d.Measures.Count} measures, "
                    + $"{d.Components.Count()} components, {d.Commands.Count} commands, {d.Glossary.Count} glossary terms.");
                return CliApp.Ok;
            }
            await console.Error.WriteLineAsync($"{path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}:");
            foreach (var p in result.Problems) await console.Error.WriteLineAsync("  " + p);
            return CliApp.Invalid;
        });
        return command;
    }
}
