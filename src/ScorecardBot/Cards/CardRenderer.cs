using AdaptiveCards;
using ScorecardBot.Alerts;
using ScorecardBot.Answers;
using ScorecardBot.Packs;
using ScorecardBot.Submissions;

namespace ScorecardBot.Cards;

/// <summary>
/// Draws an answer's view model as an Adaptive Card: one card class per kind of view. This folder is the only one
/// that knows Adaptive Cards; it owns the layout, Teams' size limit and each card's speak and fallbackText.
/// </summary>
public sealed class CardRenderer(TimeZoneInfo zone)
{
    /// <summary>Teams refuses cards over 28 KB; every card drawn stays under this, with room for the activity around it.</summary>
    public const int MaxCardBytes = 27_000;

    public RenderedCard Render(IAnswerView view) => view switch
    {
        ScorecardView scorecard => Fit(ScorecardCard.Draw(scorecard, zone)),
        _ => Fit(RenderedCard.Of(Draw(view))),
    };

    private AdaptiveCard Draw(IAnswerView view) => view switch
    {
        MeasureView measure => MeasureCard.Draw(measure, zone),
        ComplementView complement => ComplementCard.Draw(complement, zone),
        ComponentView component => ComponentCard.Draw(component, zone),
        ExceptionsView exceptions => ExceptionsCard.Draw(exceptions, zone),
        WorstView worst => ExceptionsCard.Draw(worst),
        CommentsView comments => CommentsCard.Draw(comments),
        FreshnessView freshness => FreshnessCard.Draw(freshness, zone),
        GlossaryView glossary => GlossaryCard.Draw(glossary),
        KeyView key => KeyCard.Draw(key),
        HelpView help => HelpCard.Draw(help),
        ClarifyView clarify => HelpCard.Clarify(clarify),
        CompareView compare => CompareCard.Draw(compare, zone),
        ObjectiveView objective => ObjectiveCard.Draw(objective),
        WhyView why => WhyCard.Draw(why, zone),
        YearToDateGapsView gaps => WhyCard.Draw(gaps),
        ProjectionView projection => ProjectionCard.Draw(projection),
        ChangesView changes => ChangesCard.Draw(changes),
        NoFiguresView none => HelpCard.NoFigures(none),
        StaleButtonView stale => HelpCard.StaleButton(stale),
        FormView form => FormCard.Draw(form),
        CommandChoiceView choice => FormCard.Draw(choice),
        ConfirmationView confirmation => ConfirmationCard.Draw(confirmation, zone),
        NotAllowedView notAllowed => PeopleCard.Draw(notAllowed),
        WhoCanSubmitView who => PeopleCard.Draw(who),
        HistoryView history => HistoryCard.Draw(history, zone),
        LockView lockView => LockCard.Draw(lockView),
        AlertView alert => AlertCard.Draw(alert),
        ReminderView reminder => AlertCard.Draw(reminder),
        AlertRunView run => AlertAdminCard.Draw(run),
        AlertsLogView log => AlertAdminCard.Draw(log),
        SubscriptionView subscription => AlertAdminCard.Draw(subscription),
        PackView pack => PackCard.Draw(pack, zone),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view.GetType().Name, "No card draws this kind of answer."),
    };

    /// <summary>A card too big for Teams (long comments, say) keeps its summary and says where the rest is.</summary>
    private static RenderedCard Fit(RenderedCard rendered)
    {
        if (rendered.WireSize <= MaxCardBytes) return rendered;
        var card = CardParts.NewCard(Shorten(rendered.Card.Speak ?? "", 4_000));
        card.Body.Add(CardParts.Text(Shorten(rendered.Card.FallbackText ?? "", 8_000)));
        card.Body.Add(CardParts.Subtle("This answer is too long for one Teams card, so it is shown as text; ask about one measure or month for the details."));
        return RenderedCard.Of(card);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
