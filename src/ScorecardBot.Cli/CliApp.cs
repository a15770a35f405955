using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Reporting;
using ScorecardBot.Storage;

namespace ScorecardBot.Cli;

/// <summary>
/// `scorecard report` and `scorecard validate`. Reads the same configuration keys as the bot
/// (Storage:Provider, ConnectionStrings:Scorecard, Scorecard:DefinitionPath, Scorecard:SeedPath).
/// </summary>
public sealed class CliApp(IConfiguration configuration, TextWriter output, TextWriter error, TimeProvider clock)
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Failed = 2;

    private const string Usage = """
        Usage:
          scorecard report [--from yyyy-MM] [--to yyyy-MM] [--format text|csv]
              The committee table: measures and components × months + FYTD, target, status.
              Without --from/--to: the latest three months that have figures.
          scorecard validate [definition.json]
              Checks a scorecard definition and lists every problem (default: the configured one).

        Configuration (appsettings.json or environment, e.g. ConnectionStrings__Scorecard):
          Storage:Provider            Sqlite (default) or Postgres
          ConnectionStrings:Scorecard  default Data Source=App_Data/scorecard.db
          Scorecard:DefinitionPath     default scorecard/so-2007-08.json
        """;

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? Failed : Ok;
        }

        try
        {
            return args[0] switch
            {
                "report" => await ReportAsync(args[1..], cancellationToken),
                "validate" => await ValidateAsync(args[1..]),
                _ => await UsageErrorAsync($"Unknown command '{args[0]}'."),
            };
        }
        catch (StorageUnavailableException e)
        {
            await error.WriteLineAsync(e.Message);
            return Failed;
        }
        catch (DefinitionException e)
        {
            await error.WriteLineAsync(e.Message);
            return Invalid;
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync("The seed file is not valid: " + e.Message);
            return Failed;
        }
    }

    private async Task<int> ReportAsync(string[] args, CancellationToken cancellationToken)
    {
        if (!TryParseOptions(args, ["--from", "--to", "--format"], out var options, out var problem)) return await UsageErrorAsync(problem);

        YearMonth? from = null, to = null;
        foreach (var (name, target) in new[] { ("--from", 0), ("--to", 1) })
        {
            if (!options.TryGetValue(name, out var text)) continue;
            if (!YearMonth.TryParse(text, out var month)) return await UsageErrorAsync($"{name} '{text}' is not a month; write it as yyyy-MM, e.g. 2007-06.");
            if (target == 0) from = month; else to = month;
        }
        var format = options.GetValueOrDefault("--format", "text").ToLowerInvariant();
        if (format is not ("text" or "csv")) return await UsageErrorAsync($"--format '{format}' is not known; use text or csv.");

        var scorecardOptions = configuration.GetSection(ScorecardOptions.Section).Get<ScorecardOptions>() ?? new ScorecardOptions();
        var definition = DefinitionLoader.LoadFile(ScorecardOptions.Resolve(scorecardOptions.DefinitionPath)).GetOrThrow();
        var (database, store) = OpenStore();
        var seedPath = string.IsNullOrWhiteSpace(scorecardOptions.SeedPath) ? null : ScorecardOptions.Resolve(scorecardOptions.SeedPath);
        await ScorecardStartup.PrepareAsync(database, store, definition, seedPath, NullLogger.Instance, cancellationToken);
        var figures = await store.LoadCurrentAsync(cancellationToken);

        var year = definition.FinancialYear;
        var latest = figures.LatestMonth is { } l && year.Contains(l) ? l : year.End;
        to ??= from is { } f && f.AddMonths(2) < latest ? f.AddMonths(2) : latest;
        from ??= to.Value.AddMonths(-2) < year.Start ? year.Start : to.Value.AddMonths(-2);
        if (to < from) return await UsageErrorAsync($"--to {to} is before --from {from}.");
        var range = new MonthRange(from.Value, to.Value);
        if (!year.Months.Contains(range))
        {
            return await UsageErrorAsync($"This scorecard covers financial year {year.Label} ({year.Start} to {year.End}); {range} is outside it.");
        }

        var report = CommitteeReport.Build(definition, figures, range);
        await output.WriteAsync(format == "csv" ? ReportFormatter.ToCsv(report) : ReportFormatter.ToText(report));
        return Ok;
    }

    private async Task<int> ValidateAsync(string[] args)
    {
        if (args.Length > 1) return await UsageErrorAsync("validate takes at most one file.");
        var scorecardOptions = configuration.GetSection(ScorecardOptions.Section).Get<ScorecardOptions>() ?? new ScorecardOptions();
        var path = args.Length == 1 ? Path.GetFullPath(args[0]) : ScorecardOptions.Resolve(scorecardOptions.DefinitionPath);
        var result = DefinitionLoader.LoadFile(path);
        if (result.IsValid)
        {
            var d = result.Definition!;
            await output.WriteLineAsync($"{path}: valid. {d.Title}, {d.FinancialYear.Label}: {d.Measures.Count} measures, "
                + $"{d.Components.Count()} components, {d.Commands.Count} commands, {d.Glossary.Count} glossary terms.");
            return Ok;
        }
        await error.WriteLineAsync($"{path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}:");
        foreach (var p in result.Problems) await error.WriteLineAsync("  " + p);
        return Invalid;
    }

    private (ScorecardDatabase, FigureStore) OpenStore()
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? storage.ConnectionString;
        var database = new ScorecardDatabase(storage);
        return (database, new FigureStore(database, clock));
    }

    private async Task<int> UsageErrorAsync(string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync("Run 'scorecard help' for usage.");
        return Failed;
    }

    private static bool TryParseOptions(string[] args, string[] allowed, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string value;
            var eq = name.IndexOf('=');
            if (eq > 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }
            else
            {
                problem = allowed.Contains(name, StringComparer.OrdinalIgnoreCase) ? $"{name} needs a value." : $"Unknown option '{name}'.";
                return false;
            }
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problem = $"Unknown option '{name}'. Options: {string.Join(", ", allowed)}.";
                return false;
            }
            options[name] = value;
        }
        return true;
    }
}
