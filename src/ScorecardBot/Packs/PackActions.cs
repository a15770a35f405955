using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ScorecardBot.Answers;
using ScorecardBot.Bot;
using ScorecardBot.Cards;
using ScorecardBot.Core.Periods;
using ScorecardBot.Pack;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;

namespace ScorecardBot.Packs;

/// <summary>
/// "Committee pack for June to August" in chat: the months resolved against the figures as any answer's are, checked
/// now to make a pack (so a link is never issued for one that cannot be made), and a signed link per file for the
/// tenant the message came from. Not cached: each answer's links are the asker's and expire.
/// </summary>
public sealed class PackActions(
    PackLinks links,
    IHttpContextAccessor http,
    IOptions<PackOptions> options,
    ScorecardSnapshotProvider snapshots,
    Vocabulary vocabulary,
    CardRenderer renderer,
    TimeProvider clock,
    TimeZoneInfo zone)
{
    /// <summary>Months in a pack when none are named: the latest three with figures, as the CLI's `pack` makes.</summary>
    public const int DefaultMonths = 3;

    public static bool Handles(Request request) => request.Intent == Intent.Pack;

    public async Task<RenderedCard> AnswerAsync(Request request, ITurnContext turn, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        return renderer.Render(View(request, snapshot, TenantGate.TenantOf(turn.Activity)));
    }

    public PackView View(Request request, ScorecardSnapshot snapshot, string? tenant)
    {
        var context = new AnswerContext(snapshot, YearMonth.FromDate(clock.GetUtcNow(), zone), vocabulary);
        var scope = request.Measures.Count > 0 || request.Command is not null ? "The committee pack covers every measure." : null;
        var (range, resolvedNote) = Period(request.Period, context);
        var note = AnswerContext.Notes(AnswerContext.Notes(request.Note, scope), resolvedNote);
        if (range is null) return Refused(null, AnswerContext.Notes(note, "There are no figures yet, so there is no pack to make."));
        try
        {
            PackInput.Build(snapshot.Definition, snapshot.Figures, range.Value);
        }
        catch (PackException e)
        {
            return Refused(range, AnswerContext.Notes(note, e.Message));
        }
        if (BaseUrl() is not { } baseUrl)
            return Refused(range, AnswerContext.Notes(note, "The bot's address for downloads is not known here; set Pack:PublicBaseUrl."));

        var issuedTo = tenant is not null && PackLinks.IsTenantShaped(tenant) ? tenant : "";
        var formats = request.Formats is { Count: > 0 } asked ? asked.Order().ToList() : [PackFormat.Pdf, PackFormat.Xlsx];
        var expires = links.ExpiryFromNow();
        var files = formats.Select(f => new PackFile(f, links.Build(baseUrl, new PackLinkRequest(range.Value, f, issuedTo, expires)))).ToList();
        return new PackView(range, files, DateTimeOffset.FromUnixTimeSeconds(expires), links.Lifetime, note);
    }

    private PackView Refused(MonthRange? range, string? note) => new(range, [], null, links.Lifetime, note);

    /// <summary>
    /// Nothing said (or "latest"): the latest three months of the scorecard's year with figures; otherwise the months
    /// asked for, pinned to figures as every answer's period is (a year to date is the year's months so far).
    /// </summary>
    private static (MonthRange? Range, string? Note) Period(PeriodSpec spec, AnswerContext context)
    {
        var year = context.Year;
        if (spec.Kind is PeriodKind.Unspecified or PeriodKind.Latest)
        {
            if (context.Figures.LatestMonth is not { } latest) return (null, null);
            var to = year.Contains(latest) ? latest : year.End;
            var from = to.AddMonths(-(DefaultMonths - 1)) < year.Start ? year.Start : to.AddMonths(-(DefaultMonths - 1));
            return (new MonthRange(from, to), null);
        }
        var resolved = context.Resolve(spec, context.Definition.Measures);
        return resolved is null ? (null, null) : (resolved.Range, resolved.NoDataNote);
    }

    /// <summary>Pack:PublicBaseUrl, else the address the chat message came to (local use, the Agents Playground).</summary>
    private Uri? BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return new Uri(options.Value.PublicBaseUrl);
        var request = http.HttpContext?.Request;
        if (request is null || !request.Host.HasValue) return null;
        return Uri.TryCreate($"{request.Scheme}://{request.Host.Value}{request.PathBase}", UriKind.Absolute, out var uri) ? uri : null;
    }
}
