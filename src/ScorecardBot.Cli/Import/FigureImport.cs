using System.Globalization;
using ScorecardBot.Cli.Csv;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;
using ScorecardBot.Storage;
using Command = ScorecardBot.Core.Definition.Command;

namespace ScorecardBot.Cli.Import;

/// <summary>One command's rows for one month: the fields of a part of its form, and the line each came from.</summary>
public sealed class ImportGroup(Command command, YearMonth month, long firstLine)
{
    public Command Command { get; } = command;
    public YearMonth Month { get; } = month;

    /// <summary>Where a problem with the month as a whole (locked, still to come) is reported.</summary>
    public long FirstLine { get; } = firstLine;

    public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> LineOf { get; } = new(StringComparer.Ordinal);

    /// <summary>A problem the form's check found, on the line of its field, or of the month's first row.</summary>
    public LineProblem Problem(FieldError error) => new(LineOf.GetValueOrDefault(error.Field, FirstLine), error.Message);
}

/// <summary>What checking a file found, and the parts to save when it found no errors.</summary>
public sealed record ImportCheck(
    IReadOnlyList<LineProblem> Errors,
    IReadOnlyList<LineProblem> Warnings,
    IReadOnlyList<Submission> Parts);

/// <summary>
/// A figures CSV as submissions. Reading maps each row onto the scorecard (its month, command, measure, component)
/// and groups the rows by command and month; checking runs each group through <see cref="SubmissionValidator"/> as a
/// part of that command's form, the very check the bot gives a card, with figures the file leaves out taken as saved.
/// Only what is particular to a file is decided here: which row said what, duplicates, and balances.
/// </summary>
public sealed class FigureImport
{
    private readonly ScorecardDefinition _definition;
    private readonly List<LineProblem> _errors = [];
    private readonly Dictionary<(string, YearMonth), ImportGroup> _groups = [];
    private readonly Dictionary<(string, MonthRange), long> _figureLines = [];
    private readonly Dictionary<(int, YearMonth), (string Text, long Line)> _comments = [];
    private readonly List<(FigureCsvRecord Row, Component Component, MonthRange Period)> _balances = [];

    private FigureImport(ScorecardDefinition definition) => _definition = definition;

    public IReadOnlyCollection<ImportGroup> Groups => _groups.Values;

    public static FigureImport Read(
        ScorecardDefinition definition, IEnumerable<FigureCsvRecord> rows, IEnumerable<LineProblem> unreadable)
    {
        var import = new FigureImport(definition);
        import._errors.AddRange(unreadable);
        foreach (var row in rows)
        {
            if (import.Take(row) is { } problem) import._errors.Add(new LineProblem(row.Line, problem));
        }
        return import;
    }

    /// <summary>
    /// Every group checked against the figures saved now overlaid with the file's own (so a flow is compared with the
    /// file's previous month where it gives one), the month's lock, and today; <paramref name="states"/> says which
    /// version of each command-month was checked, which the save then expects. <paramref name="groupChecked"/> is
    /// called as each command-month is done.
    /// </summary>
    public ImportCheck Check(FigureSet saved, IReadOnlyDictionary<(string, YearMonth), FormState> states,
        FinancialYear year, YearMonth today, Guid submissionId, Editor editor, Action? groupChecked = null)
    {
        var errors = new List<LineProblem>(_errors);
        foreach (var (row, component, period) in _balances)
        {
            if (CheckBalance(row, component, period, saved) is { } message) errors.Add(new LineProblem(row.Line, message));
        }

        var warnings = new List<LineProblem>();
        var parts = new List<Submission>();
        var figures = WithFileFigures(saved);
        foreach (var group in _groups.Values.OrderBy(g => g.FirstLine))
        {
            var state = states[(group.Command.Code, group.Month)];
            var form = SubmissionForm.For(_definition, group.Command, group.Month);
            var check = SubmissionValidator.Check(form, group.Fields, figures, year, today, state.Locked,
                SubmissionScope.Part);
            errors.AddRange(check.Errors.Select(group.Problem));
            warnings.AddRange(check.Warnings.Select(group.Problem));
            var month = MonthRange.Single(group.Month);
            parts.Add(new Submission(group.Command.Code, group.Month, state.Version, submissionId, editor,
                check.Figures.Select(f => new FigureChange(f.Component.Id, month, f.Value)).ToList(),
                check.Comments.Select(c => new CommentChange(c.Measure.Number, group.Month, c.Text)).ToList()));
            groupChecked?.Invoke();
        }
        return new ImportCheck(errors.OrderBy(e => e.Line).ToList(), warnings.OrderBy(w => w.Line).ToList(),
            errors.Count == 0 ? parts : []);
    }

    /// <summary>Files one row into its group; the row's first problem otherwise.</summary>
    private string? Take(FigureCsvRecord row)
    {
        if (row.Month.Length == 0) return "the month is missing; write it as yyyy-MM, e.g. 2007-09.";
        if (ParsePeriod(row.Month) is not { } period)
            return $"'{Shorten(row.Month)}' is not a month; write it as yyyy-MM, e.g. 2007-09.";
        if (row.Command.Length == 0) return $"the command is missing ({CommandList()}).";
        if (_definition.FindCommand(row.Command) is not { } command)
            return $"there is no command '{Shorten(row.Command)}' in the scorecard ({CommandList()}).";
        Measure? measure = null;
        if (row.Measure.Length > 0)
        {
            if (!int.TryParse(row.Measure, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                return $"'{Shorten(row.Measure)}' is not a measure number.";
            measure = _definition.FindMeasure(number);
            if (measure is null) return $"there is no measure {number} in the scorecard.";
        }
        return row.Component.Length == 0
            ? TakeComment(row, period, command, measure)
            : TakeFigure(row, period, command, measure);
    }

    private string? TakeFigure(FigureCsvRecord row, MonthRange period, Command command, Measure? measure)
    {
        if (_definition.FindComponent(row.Component) is not { } component) return UnknownComponent(row.Component);
        var owner = component.Measure;
        if (measure is not null && owner != measure)
            return $"{component.Id} is a component of measure {owner.Number}, not of measure {measure.Number}.";
        if (owner.Command != command)
            return $"{component.Id} belongs to {owner.Command.Code} (measure {owner.Number}), not to {command.Code}.";
        if (_figureLines.TryGetValue((component.Id, period), out var first))
            return $"{component.Id} for {period.ToLongLabel()} is already given on line {first}.";
        _figureLines[(component.Id, period)] = row.Line;

        if (!period.IsSingleMonth)
        {
            if (row.Comment.Trim().Length > 0) return $"a comment belongs to one month, not to {period}.";
            _balances.Add((row, component, period));
            return null;
        }
        var group = GroupFor(command, period.From, row.Line);
        var field = SubmissionForm.FieldId(component);
        group.Fields[field] = row.Value;
        group.LineOf[field] = row.Line;
        // On a figure's row an empty comment says nothing, so a file of figures alone never wipes a comment.
        return row.Comment.Trim().Length == 0 ? null : SetComment(row, component.Measure, group);
    }

    /// <summary>A row with a measure and no component is about its comment alone; an empty one clears it.</summary>
    private string? TakeComment(FigureCsvRecord row, MonthRange period, Command command, Measure? measure)
    {
        if (row.Value.Length > 0) return "a value needs its component.";
        if (measure is null) return "a row needs a component, or a measure for a comment.";
        if (measure.Command != command)
            return $"measure {measure.Number} belongs to {measure.Command.Code}, not to {command.Code}.";
        if (!period.IsSingleMonth) return $"a comment belongs to one month, not to {period}.";
        return SetComment(row, measure, GroupFor(command, period.From, row.Line));
    }

    /// <summary>The export repeats a measure's comment on each of its rows: the same text again is fine.</summary>
    private string? SetComment(FigureCsvRecord row, Measure measure, ImportGroup group)
    {
        var text = row.Comment.Trim();
        if (_comments.TryGetValue((measure.Number, group.Month), out var earlier))
        {
            if (earlier.Text == text) return null;
            return $"a different comment for measure {measure.Number} in {group.Month.ToLongLabel()} "
                + $"from the one on line {earlier.Line}.";
        }
        _comments[(measure.Number, group.Month)] = (text, row.Line);
        var field = SubmissionForm.CommentId(measure);
        group.Fields[field] = row.Comment;
        group.LineOf[field] = row.Line;
        return null;
    }

    private ImportGroup GroupFor(Command command, YearMonth month, long line)
    {
        if (!_groups.TryGetValue((command.Code, month), out var group))
            _groups[(command.Code, month)] = group = new ImportGroup(command, month, line);
        return group;
    }

    /// <summary>
    /// A balance (the seed's April–May, known only as a total) is taken only as it stands, so an export re-imports:
    /// no form edits one, and no rule says how its months would be checked or split.
    /// </summary>
    private static string? CheckBalance(FigureCsvRecord row, Component component, MonthRange period, FigureSet saved)
    {
        if (SubmissionValidator.ParseWholeNumber(row.Value, component.Name) is { } problem) return problem;
        var value = long.Parse(row.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var standing = saved.Find(component.Id, period);
        if (standing is null)
        {
            return $"{period} is a run of months; figures are imported a month at a time "
                + $"(there is no saved balance for {component.Id} to match).";
        }
        if (standing.Value == value) return null;
        return $"{component.Id} for {period} is a balance kept as a total with no split; "
            + $"import changes single months, so it stays {standing.Value}.";
    }

    /// <summary>The saved figures with each readable figure of the file in place of the saved one.</summary>
    private FigureSet WithFileFigures(FigureSet saved) => saved.With(FileFigures());

    private IEnumerable<Figure> FileFigures()
    {
        foreach (var group in _groups.Values)
        {
            foreach (var (field, raw) in group.Fields)
            {
                if (!field.StartsWith("figure.", StringComparison.Ordinal)) continue;
                var id = field["figure.".Length..];
                if (SubmissionValidator.ParseWholeNumber(raw, id) is not null) continue;
                var period = MonthRange.Single(group.Month);
                yield return new Figure(id, period, long.Parse(raw!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
    }

    private static MonthRange? ParsePeriod(string text)
    {
        if (YearMonth.TryParse(text, out var month)) return MonthRange.Single(month);
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0) return null;
        var (first, last) = (text[..dots], text[(dots + 2)..]);
        return YearMonth.TryParse(first, out var from) && YearMonth.TryParse(last, out var to) && from < to
            ? new MonthRange(from, to)
            : null;
    }

    private string UnknownComponent(string given)
    {
        var named = _definition.Components.FirstOrDefault(c => c.Name.Equals(given, StringComparison.OrdinalIgnoreCase));
        var unknown = $"there is no component '{Shorten(given)}' in the scorecard";
        return named is null ? unknown + "." : $"{unknown}; the column takes ids, and {named.Name} is {named.Id}.";
    }

    private string CommandList() =>
        "the scorecard's commands are " + string.Join(", ", _definition.Commands.Select(c => c.Code));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
