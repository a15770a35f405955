using AdaptiveCards;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using ScorecardBot.Answers;
using ScorecardBot.Bot;
using ScorecardBot.Cards;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Figures;
using ScorecardBot.Core.Seeding;
using ScorecardBot.Questions;
using ScorecardBot.Questions.Language;
using Microsoft.Extensions.Options;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;

namespace ScorecardBot.Benchmarks;

/// <summary>
/// A question turn's own work, in process and without HTTP: understanding the text, answering from the seed's figures,
/// and writing the card. Each operation is 20 common questions once, so the figures are per question.
/// </summary>
[MemoryDiagnoser]
public class QuestionBenchmarks
{
    private const int Questions = 20;

    /// <summary>
    /// The load test's rotation before it drew 275 questions by popularity (benchmarks/ScorecardBot.LoadTest/Questions.cs);
    /// kept, so these figures compare with earlier ones.
    /// </summary>
    private static readonly string[] Texts =
    [
        "CTIO coverage in July", "SNT briefing FYTD", "how many IED calls in August", "scorecard june to august",
        "which measures are off target", "what does BOCU stand for", "hotline trend", "hotline calls answered in time last month",
        "target for ctio coverage", "scorecard for July", "exceptions in August", "latest scorecard",
        "IED calls attended within set time FYTD", "measure 4 in june", "royal residence intrusions", "comments on snt briefings",
        "ctio covrage jul", "how are we doing on hotline this year", "what does SNT mean", "help",
    ];

    private QuestionRecognizer _recognizer = null!;
    private Answerer _answerer = null!;
    private Answerer _cachedAnswerer = null!;
    private ScorecardSnapshot _snapshot = null!;
    private Request[] _questions = null!;
    private AdaptiveCard _committeeCard = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        var definition = DefinitionLoader.LoadFile(Path.Combine(root, "scorecard", "so-2007-08.json")).GetOrThrow();
        var seed = SeedData.Parse(File.ReadAllText(Path.Combine(root, "scorecard", "so-2007-08.seed.json")), definition);
        _snapshot = new ScorecardSnapshot(definition, new FigureSet(seed.Figures, seed.Comments), new StoreVersion(1, 1));
        var definitionPath = Path.Combine(root, "scorecard", "so-2007-08.json");
        var language = LanguageWords.Load(Path.Combine(root, "scorecard", "language.en.json"));
        var vocabulary = new Vocabulary(definition, language, ScorecardWords.ForDefinition(definitionPath, language.Language));
        _recognizer = new QuestionRecognizer(vocabulary);
        var clock = new FakeTimeProvider(new DateTimeOffset(2007, 9, 10, 9, 0, 0, TimeSpan.FromHours(1)));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        _answerer = new Answerer(clock, zone, vocabulary, new CardRenderer(zone), Options.Create(new AnswerOptions { CacheSize = 0 }));
        _cachedAnswerer = new Answerer(clock, zone, vocabulary, new CardRenderer(zone), Options.Create(new AnswerOptions()));
        _questions = Texts.Select(t => _recognizer.Recognize(t)).ToArray();
        _committeeCard = _answerer.Answer(_recognizer.Recognize("scorecard for July"), _snapshot).Card;
        foreach (var question in _questions) _cachedAnswerer.Answer(question, _snapshot);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _answerer.Dispose();
        _cachedAnswerer.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Questions)]
    public int Recognise()
    {
        var measures = 0;
        foreach (var text in Texts) measures += _recognizer.Recognize(text).Measures.Count;
        return measures;
    }

    /// <summary>Answer and render with no cache: the view, the card object, its JSON, and the reply activity the SDK is handed.</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int AnswerAndRender()
    {
        var length = 0;
        foreach (var question in _questions) length += ScorecardTeamsBot.Reply(_answerer.Answer(question, _snapshot)).Attachments.Count;
        return length;
    }

    /// <summary>The same with the answer cache warm: what a repeated question costs.</summary>
    [Benchmark(OperationsPerInvoke = Questions)]
    public int AnswerCached()
    {
        var length = 0;
        foreach (var question in _questions) length += ScorecardTeamsBot.Reply(_cachedAnswerer.Answer(question, _snapshot)).Attachments.Count;
        return length;
    }

    /// <summary>The 13 KB committee card for one month, written by Newtonsoft as the Bot Framework writes attachments.</summary>
    [Benchmark]
    public int CommitteeCardNewtonsoft() => JsonConvert.SerializeObject(_committeeCard, Formatting.None).Length;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScorecardBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ScorecardBot.sln not found above the benchmark's folder.");
    }
}
