using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using ScorecardBot.Answers.Handlers;
using ScorecardBot.Cards;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;
using ScorecardBot.Storage;

namespace ScorecardBot.Answers;

/// <summary>Bound from "Answers".</summary>
public sealed class AnswerOptions
{
    public const string Section = "Answers";

    /// <summary>How many rendered answers to keep; 0 turns the cache off.</summary>
    public int CacheSize { get; set; } = 2_000;
}

public sealed class AnswerSettingsValidator : Extensions.SettingsValidator<AnswerOptions>
{
    protected override void Check(AnswerOptions options, Extensions.SettingsProblems problems)
    {
        if (options.CacheSize is < 0 or > 1_000_000) problems.Add("Answers:CacheSize", $"{options.CacheSize} must be between 0 (off) and 1,000,000.");
    }
}

/// <summary>
/// Answers a typed request: picks its handler, which returns a view model, and has the view drawn. An answer depends
/// only on the request, the figures' version and the current month, so answers are cached on exactly those: a save
/// (a new version) or a new month makes a new key, and the bounded cache lets the old ones go.
/// </summary>
public sealed class Answerer : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly TimeZoneInfo _zone;
    private readonly Vocabulary _vocabulary;
    private readonly CardRenderer _renderer;
    private readonly MemoryCache? _cache;

    private static readonly MeasureHandler Measure = new();
    private static readonly ScorecardHandler Scorecard = new();
    private static readonly ExceptionsHandler Exceptions = new();
    private static readonly WorstHandler Worst = new();
    private static readonly CommentsHandler Comments = new();
    private static readonly FreshnessHandler Freshness = new();
    private static readonly GlossaryHandler Glossary = new();
    private static readonly KeyHandler Key = new();
    private static readonly ObjectiveHandler Objective = new();
    private static readonly HelpHandler Help = new();
    private static readonly CompareHandler Compare = new();
    private static readonly YearToDateGapsHandler YearToDateGaps = new();
    private static readonly ProjectionHandler Projection = new();

    public Answerer(TimeProvider clock, TimeZoneInfo zone, Vocabulary vocabulary, CardRenderer renderer, IOptions<AnswerOptions> options)
    {
        _clock = clock;
        _zone = zone;
        _vocabulary = vocabulary;
        _renderer = renderer;
        var size = options.Value.CacheSize;
        _cache = size > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = size, CompactionPercentage = 0.25 }) : null;
    }

    public RenderedCard Answer(Request request, ScorecardSnapshot snapshot)
    {
        var today = YearMonth.FromDate(_clock.GetUtcNow(), _zone);
        if (_cache is null) return Render(request, snapshot, today);
        var key = CacheKey(request, snapshot.Version, today);
        if (_cache.TryGetValue(key, out RenderedCard? cached)) return cached!;
        var card = Render(request, snapshot, today);
        _cache.Set(key, card, new MemoryCacheEntryOptions { Size = 1 });
        return card;
    }

    /// <summary>The view model for a request, before it is drawn.</summary>
    public IAnswerView View(Request request, ScorecardSnapshot snapshot) =>
        Handler(request).Handle(request, new AnswerContext(snapshot, YearMonth.FromDate(_clock.GetUtcNow(), _zone), _vocabulary));

    /// <summary>
    /// "What changed since last month": the month's revisions (for late figures) come from the store, so this is not
    /// cached with the other answers.
    /// </summary>
    public async Task<RenderedCard> ChangesAsync(Request request, ScorecardSnapshot snapshot,
        Func<MonthRange, CancellationToken, Task<IReadOnlyList<Core.Figures.Revision>>> revisions, int dueDay, CancellationToken cancellationToken)
    {
        var context = new AnswerContext(snapshot, YearMonth.FromDate(_clock.GetUtcNow(), _zone), _vocabulary);
        var asOf = ChangesAnswer.Month(request, context);
        var read = asOf is { } at ? await revisions(MonthRange.Single(at.Month), cancellationToken) : [];
        return _renderer.Render(ChangesAnswer.View(request, context, asOf, read, dueDay));
    }

    /// <summary>The welcome card for a new chat or team.</summary>
    public RenderedCard Welcome(ScorecardSnapshot snapshot) =>
        _renderer.Render(new HelpView(HelpKind.Welcome, snapshot.Definition, "", Examples.For(snapshot.Definition, snapshot.Figures)));

    /// <summary>The polite answer to a button from an older card whose request no longer fits.</summary>
    public RenderedCard StaleButton(ScorecardSnapshot snapshot) =>
        _renderer.Render(new StaleButtonView(snapshot.Definition, Examples.For(snapshot.Definition, snapshot.Figures)));

    private RenderedCard Render(Request request, ScorecardSnapshot snapshot, YearMonth today) =>
        _renderer.Render(Handler(request).Handle(request, new AnswerContext(snapshot, today, _vocabulary)));

    /// <summary>Which handler answers a request: by its intent, and whether it is about one measure.</summary>
    private static IAnswerHandler Handler(Request request) => request.Intent switch
    {
        Intent.Scorecard => Scorecard,
        Intent.ByStatus => Exceptions,
        Intent.Worst => Worst,
        Intent.Freshness => Freshness,
        Intent.Glossary => Glossary,
        Intent.Key => Key,
        Intent.Projection => Projection,
        Intent.Help or Intent.Greeting or Intent.Clarify or Intent.Unknown => Help,
        Intent.Comments when request.Measure is null => Comments,
        Intent.Why when request.Measure is null => YearToDateGaps,
        Intent.Compare when request.Measure is not null => Compare,
        Intent.Objective when request.Measure is not null => Objective,
        _ when request.Measure is not null => Measure,
        _ => NotUnderstood,
    };

    private static readonly IAnswerHandler NotUnderstood = new NeedsAMeasure();

    /// <summary>A request that needs one measure but names none (an old button, say) is answered as not understood.</summary>
    private sealed class NeedsAMeasure : IAnswerHandler
    {
        public IAnswerView Handle(Request request, AnswerContext context) => Help.Handle(request with { Intent = Intent.Unknown }, context);
    }

    /// <summary>
    /// The request as a button would carry it, plus what the answer quotes back (the words typed, for help and
    /// "did you mean"; the note), the figures' version and the month.
    /// </summary>
    private static string CacheKey(Request request, StoreVersion version, YearMonth today)
    {
        var quoted = request.Intent is Intent.Unknown or Intent.Clarify or Intent.Greeting ? request.Text : "";
        var choices = request.Choices.Count == 0 ? "" : JsonConvert.SerializeObject(request.Choices.Select(c => (c.Title, RequestData.From(c.Request))));
        return $"{version.LastFigureRevision}/{version.LastCommentRevision}|{today}|{JsonConvert.SerializeObject(RequestData.From(request))}|{request.Note}|{quoted}|{choices}";
    }

    public void Dispose() => _cache?.Dispose();
}
