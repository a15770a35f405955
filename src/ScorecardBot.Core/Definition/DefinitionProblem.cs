namespace ScorecardBot.Core.Definition;

/// <summary>One thing wrong with a definition file, named by file and JSON path so an editor can go straight to it.</summary>
public sealed record DefinitionProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

public sealed class DefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception(FormatMessage(problems))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<DefinitionProblem> problems) =>
        $"The scorecard definition is not valid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
        + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}

public sealed record DefinitionLoadResult(ScorecardDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;

    public ScorecardDefinition GetOrThrow() => IsValid ? Definition! : throw new DefinitionException(Problems);
}
