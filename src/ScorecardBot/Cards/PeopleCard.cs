using AdaptiveCards;
using ScorecardBot.Submissions;

namespace ScorecardBot.Cards;

/// <summary>Who may submit: each command's leads and the admins, by name (never by id).</summary>
public static class PeopleCard
{
    public static AdaptiveCard Draw(WhoCanSubmitView view)
    {
        var lines = view.Commands.Select(c => $"{c.Command.Code}: {c.Leads}").Append($"Admins, for any command: {view.Admins}").ToList();
        var card = CardParts.NewCard("Who can submit figures. " + string.Join(". ", lines) + ".");
        card.Body.Add(CardParts.Heading("Who can submit figures"));
        card.Body.Add(Facts(view.Commands.Append(new CommandPeople(new Core.Definition.Command("Admins", "any command"), view.Admins)).ToList()));
        card.Body.Add(CardParts.Subtle("Leads submit their own command's figures; admins may submit for any command. Roles are set by the bot's administrator."));
        return card;
    }

    public static AdaptiveCard Draw(NotAllowedView view)
    {
        var card = CardParts.NewCard(view.Why + " Who can: " + string.Join(". ", view.WhoCan.Select(c => $"{c.Command.Code}: {c.Leads}")) + ".");
        card.Body.Add(CardParts.Heading("You can't submit these figures"));
        card.Body.Add(CardParts.Text(view.Why));
        card.Body.Add(CardParts.Text("These people can:"));
        card.Body.Add(Facts(view.WhoCan));
        return card;
    }

    private static AdaptiveFactSet Facts(IReadOnlyList<CommandPeople> commands)
    {
        var facts = new AdaptiveFactSet();
        foreach (var c in commands) facts.Facts.Add(new AdaptiveFact(c.Command.Code, c.Leads.ToString()));
        return facts;
    }
}
