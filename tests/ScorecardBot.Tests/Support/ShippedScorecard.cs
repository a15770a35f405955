using ScorecardBot.Core.Definition;
using ScorecardBot.Questions;
using ScorecardBot.Questions.Language;

namespace ScorecardBot.Tests.Support;

/// <summary>The definition and language the product ships, copied beside the tests, and a recogniser over them.</summary>
public static class ShippedScorecard
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "scorecard");

    private static readonly Lazy<LanguageWords> LazyLanguage = new(() => LanguageWords.Load(Path.Combine(Folder, "language.en.json")));

    private static readonly Lazy<Vocabulary> LazyVocabulary = new(() => VocabularyFor("so-2007-08.json"));

    private static readonly Lazy<QuestionRecognizer> LazyRecognizer = new(() => new QuestionRecognizer(Vocabulary));

    public static LanguageWords Language => LazyLanguage.Value;

    public static Vocabulary Vocabulary => LazyVocabulary.Value;

    public static ScorecardDefinition Definition => Vocabulary.Definition;

    public static QuestionRecognizer Recognizer => LazyRecognizer.Value;

    /// <summary>The vocabulary of a definition shipped in scorecard/, with its own extra words if it has any.</summary>
    public static Vocabulary VocabularyFor(string definitionFile)
    {
        var path = Path.Combine(Folder, definitionFile);
        var definition = DefinitionLoader.LoadFile(path).GetOrThrow();
        return new Vocabulary(definition, Language, ScorecardWords.ForDefinition(path, Language.Language));
    }
}
