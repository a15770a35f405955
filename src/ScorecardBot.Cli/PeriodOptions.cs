using System.CommandLine;
using Command = System.CommandLine.Command;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Cli;

/// <summary>--from and --to, shared by every command that covers a run of months.</summary>
public sealed class PeriodOptions
{
    public Option<YearMonth?> From { get; } = MonthOption("--from", "The first month, yyyy-MM (e.g. 2007-06).");
    public Option<YearMonth?> To { get; } = MonthOption("--to", "The last month, yyyy-MM (e.g. 2007-08).");

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
    }

    /// <summary>
    /// A committee period within the scorecard's financial year. Without --from/--to: the latest three months that
    /// have figures; with one of them, three months from or to it.
    /// </summary>
    public MonthRange CommitteeRange(ParseResult parse, ScorecardDefinition definition, FigureSet figures)
    {
        var (from, to) = (parse.GetValue(From), parse.GetValue(To));
        var year = definition.FinancialYear;
        var latest = figures.LatestMonth is { } l && year.Contains(l) ? l : year.End;
        to ??= from is { } f && f.AddMonths(2) < latest ? f.AddMonths(2) : latest;
        from ??= to.Value.AddMonths(-2) < year.Start ? year.Start : to.Value.AddMonths(-2);
        if (to < from) throw CliException.Usage($"--to {to} is before --from {from}.");
        var range = new MonthRange(from.Value, to.Value);
        if (!year.Months.Contains(range))
        {
            throw CliException.Usage(
                $"This scorecard covers financial year {year.Label} ({year.Start} to {year.End}); {range} is outside it.");
        }
        return range;
    }

    /// <summary>Months to keep, for exports: everything when neither is given, open-ended when one is.</summary>
    public MonthRange? Filter(ParseResult parse)
    {
        var (from, to) = (parse.GetValue(From), parse.GetValue(To));
        if (from is null && to is null) return null;
        var range = (from ?? new YearMonth(1900, 1), to ?? new YearMonth(9999, 12));
        if (range.Item2 < range.Item1) throw CliException.Usage($"--to {to} is before --from {from}.");
        return new MonthRange(range.Item1, range.Item2);
    }

    private static Option<YearMonth?> MonthOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM",
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return null;
            var text = result.Tokens[0].Value;
            if (YearMonth.TryParse(text, out var month)) return month;
            result.AddError($"{name} '{text}' is not a month; write it as yyyy-MM, e.g. 2007-06.");
            return null;
        },
    };
}
