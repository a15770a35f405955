using ScorecardBot.Core.Definition;
using ScorecardBot.Questions;

namespace ScorecardBot.Tests.Support;

/// <summary>The definition the product ships, copied beside the tests, and a recogniser over it.</summary>
public static class ShippedScorecard
{
    private static readonly Lazy<ScorecardDefinition> LazyDefinition = new(() =>
        DefinitionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scorecard", "so-2007-08.json")).GetOrThrow());

    private static readonly Lazy<QuestionRecognizer> LazyRecognizer = new(() => new QuestionRecognizer(new Vocabulary(Definition)));

    public static ScorecardDefinition Definition => LazyDefinition.Value;

    public static QuestionRecognizer Recognizer => LazyRecognizer.Value;
}
