using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ScorecardBot.Answers;
using ScorecardBot.Cards;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;
using ScorecardBot.Observability;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;

namespace ScorecardBot.Submissions;

/// <summary>
/// Where the figures' requests meet the bot: typed requests from chat ("submit figures", "lock July 2007") and the
/// form's Universal Actions (verbs openForm and submitFigures), each turned into a view and drawn. A verb it does not
/// know, or data it cannot read, is refused with a 400, audited, and saves nothing.
/// </summary>
public sealed class SubmissionActions(
    SubmissionService service,
    Roles roles,
    ScorecardSnapshotProvider snapshots,
    CardRenderer renderer,
    AuditLog audit,
    BotMetrics metrics,
    TimeProvider clock,
    TimeZoneInfo zone)
{
    public static bool Handles(Request request) =>
        request.Intent is Intent.SubmitFigures or Intent.WhoCanSubmit or Intent.History or Intent.LockMonth or Intent.UnlockMonth;

    public Submitter Who(ChannelAccount? from) => roles.For(from?.AadObjectId, from?.Name);

    public async Task<RenderedCard> AnswerAsync(Request request, ChannelAccount? from, CancellationToken cancellationToken)
    {
        var who = Who(from);
        var year = (await snapshots.GetAsync(cancellationToken)).Definition.FinancialYear;
        var month = MonthOf(request.Period, year);
        IAnswerView view = request.Intent switch
        {
            Intent.SubmitFigures => await service.OpenFormAsync(who, request.Command, month, cancellationToken),
            Intent.WhoCanSubmit => await service.WhoCanSubmitAsync(request.Command, cancellationToken),
            Intent.History => await service.HistoryAsync(request.Measure!, month ?? Latest(await snapshots.GetAsync(cancellationToken), request.Measure!), cancellationToken),
            Intent.LockMonth or Intent.UnlockMonth when month is { } m => await service.ChangeLockAsync(who, m, request.Intent == Intent.LockMonth, cancellationToken),
            Intent.LockMonth or Intent.UnlockMonth => new LockView(year.Start, false, false,
                $"Name one month of {year.Label} to {(request.Intent == Intent.LockMonth ? "lock" : "unlock")}, for example \"{(request.Intent == Intent.LockMonth ? "lock" : "unlock")} {year.Start.ToLongLabel()}\"."),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Intent, "Not a figures request."),
        };
        return renderer.Render(view);
    }

    /// <summary>An adaptiveCard/action invoke: the card that replaces the clicked one, or a refusal.</summary>
    public async Task<AdaptiveCardInvokeResponse> InvokeAsync(AdaptiveCardInvokeValue value, ChannelAccount? from, CancellationToken cancellationToken)
    {
        var who = Who(from);
        var definition = (await snapshots.GetAsync(cancellationToken)).Definition;
        switch (value.Action?.Verb)
        {
            case FormCard.OpenVerb:
            {
                var data = value.Action.Data as JObject;
                var form = data?[FormPost.FormKey] as JObject;
                var code = Text(data?["command"]) ?? Text(form?["command"]);
                var monthText = Text(data?[SubmissionForm.MonthField]) ?? Text(form?["month"]);
                if (code is null || definition.FindCommand(code) is not { } command) return Refuse(who, "opening a form", "the action named no command the scorecard has");
                YearMonth? month = monthText is not null && YearMonth.TryParse(monthText, out var m) ? m : null;
                return Card(await service.OpenFormAsync(who, command, month, cancellationToken));
            }
            case FormCard.SubmitVerb:
            {
                var (post, problem) = FormPost.Parse(value.Action.Data as JToken, definition);
                if (post is null)
                {
                    metrics.SubmissionRefused(SubmissionRefusal.BadRequest);
                    return Refuse(who, "a submission", problem!);
                }
                return Card(await service.SubmitAsync(who, post, cancellationToken));
            }
            default:
                return Refuse(who, $"the action '{Shorten(value.Action?.Verb)}'", "the bot has no such action");
        }
    }

    private AdaptiveCardInvokeResponse Card(IAnswerView view)
    {
        var card = renderer.Render(view);
        metrics.CardSent(card.WireSize);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = StatusCodes.Status200OK,
            Type = "application/vnd.microsoft.card.adaptive",
            Value = JObject.Parse(card.Json),
        };
    }

    private AdaptiveCardInvokeResponse Refuse(Submitter who, string what, string why)
    {
        audit.Refused(who, what, why);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = StatusCodes.Status400BadRequest,
            Type = "application/vnd.microsoft.error",
            Value = new JObject { ["code"] = "BadRequest", ["message"] = $"Sorry, I couldn't do that: {why}. Nothing was saved." },
        };
    }

    /// <summary>The one month a request names: with its year, or the scorecard year's; relative months from today.</summary>
    private YearMonth? MonthOf(PeriodSpec period, FinancialYear year) => period.Kind switch
    {
        PeriodKind.Month when period.Month is >= 1 and <= 12 && period.Year is null or (> 1900 and < 9999) =>
            period.Year is { } y ? new YearMonth(y, period.Month) : year.MonthNumbered(period.Month),
        PeriodKind.RelativeMonth when period.Offset is > -1200 and < 1200 => YearMonth.FromDate(clock.GetUtcNow(), zone).AddMonths(-period.Offset),
        _ => null,
    };

    private static YearMonth Latest(ScorecardSnapshot snapshot, Measure measure) =>
        snapshot.Figures.LatestMonthFor(measure.Components.Select(c => c.Id)) ?? snapshot.Definition.FinancialYear.Start;

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string?)v : null;

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
