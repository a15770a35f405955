using System.CommandLine;
using Command = System.CommandLine.Command;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Text;
using Microsoft.Extensions.Configuration;
using ScorecardBot.Cli.Commands;
using ScorecardBot.Core.Definition;
using ScorecardBot.Storage;

namespace ScorecardBot.Cli;

/// <summary>
/// The command tree (System.CommandLine) and the one place a failure becomes one clear line and an exit code:
/// 0 done, 1 what was checked is invalid (a definition, an import's rows), 2 anything else (bad arguments, database,
/// files).
/// </summary>
public sealed class CliApp(IConfiguration configuration, CliConsole console, TimeProvider clock)
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Failed = 2;

    private const string Settings = """

        Every command takes --help.
        Settings come from appsettings.json beside the program, environment variables (e.g. ConnectionStrings__Scorecard),
        or the command line as --Section:Key=value:
          Storage:Provider             Sqlite (default) or Postgres
          ConnectionStrings:Scorecard  default Data Source=App_Data/scorecard.db
          Scorecard:DefinitionPath     default scorecard/so-2007-08.json
          Scorecard:TimeZone           default Europe/London (which month it is now, for import)
        """;

    /// <summary>The commands; a new one (such as import) is one more line here and a class in Commands/.</summary>
    public RootCommand BuildCommands()
    {
        var context = new CliContext(console, new ScorecardSession(configuration, clock), clock);
        var root = new RootCommand(
            "ScorecardBot's command line: the committee report, exports, imports and the committee pack.")
        {
            ReportCommand.Create(context),
            ValidateCommand.Create(context),
            ExportCommand.Create(context),
            ImportCommand.Create(context),
            PackCommand.Create(context),
        };
        var help = new Command("help", "Lists every command with its options.");
        help.SetAction(parse => console.Out.Write(Overview(root)));
        root.Subcommands.Add(help);
        return root;
    }

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = BuildCommands();
        if (args.Length == 0)
        {
            await console.Out.WriteAsync(Overview(root));
            return Failed;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0) return await ProblemAsync(CliException.Usage(DescribeError(parse)));
        try
        {
            var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliException problem)
        {
            return await ProblemAsync(problem);
        }
        catch (StorageUnavailableException e)
        {
            return await ProblemAsync(new CliException(e.Message));
        }
        catch (DefinitionException e)
        {
            return await ProblemAsync(new CliException(e.Message, Invalid));
        }
        catch (InvalidDataException e)
        {
            return await ProblemAsync(new CliException("The seed file is not valid: " + e.Message));
        }
    }

    private async Task<int> ProblemAsync(CliException problem)
    {
        await console.Error.WriteLineAsync(problem.Message);
        if (problem.PointToHelp) await console.Error.WriteLineAsync("Run 'scorecard help' for usage, or add --help to any command.");
        return problem.ExitCode;
    }

    /// <summary>The first thing wrong with the command line, in the words the person typed.</summary>
    private static string DescribeError(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        if (parse.UnmatchedTokens is [{ } token, ..])
        {
            if (token.StartsWith('-'))
                return $"Unknown option '{token}'. Options: {string.Join(", ", VisibleOptions(command).Select(o => o.Name))}.";
            if (command.Subcommands.Count > 0) return $"Unknown command '{(path.Length == 0 ? token : path + " " + token)}'.";
            return command.Arguments.FirstOrDefault() is { } argument
                ? $"{path} takes at most {Count(argument.Arity.MaximumNumberOfValues)} {argument.Name}."
                : $"{path} takes no '{token}'.";
        }

        foreach (var error in parse.Errors)
        {
            if (error.SymbolResult is OptionResult { Tokens.Count: 0, Implicit: false } option)
                return $"{option.Option.Name} needs a value.";
        }
        if (command.Subcommands.Count > 0 && command.Action is null)
            return $"{path} needs one of: {string.Join(", ", command.Subcommands.Select(c => c.Name))}.";
        return parse.Errors[0].Message;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r.Parent is CommandResult parent; r = parent) names.Insert(0, r.Command.Name);
        return string.Join(' ', names);
    }

    private static IEnumerable<Option> VisibleOptions(Command command) =>
        command.Options.Where(o => !o.Hidden && o is not HelpOption && o is not VersionOption);

    private static string Count(int n) => n == 1 ? "one" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every command with its options on one line, from the tree itself, so it never drifts from --help.</summary>
    public static string Overview(RootCommand root)
    {
        var text = new StringBuilder("Usage:\n");
        void Walk(Command command, string path)
        {
            if (command.Action is not null && command != root)
            {
                text.Append("  ").Append(path);
                foreach (var a in command.Arguments) text.Append(a.Arity.MinimumNumberOfValues == 0 ? $" [{a.HelpName}]" : $" {a.HelpName}");
                foreach (var o in VisibleOptions(command))
                {
                    var option = string.IsNullOrEmpty(o.HelpName) ? o.Name : $"{o.Name} {o.HelpName}";
                    text.Append(o.Required ? $" {option}" : $" [{option}]");
                }
                text.Append("\n      ").Append(command.Description).Append('\n');
            }
            foreach (var sub in command.Subcommands) Walk(sub, path + " " + sub.Name);
        }
        Walk(root, "scorecard");
        return text.Append(Settings).Append('\n').ToString();
    }
}
