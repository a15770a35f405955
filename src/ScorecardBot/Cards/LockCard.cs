using AdaptiveCards;
using ScorecardBot.Submissions;

namespace ScorecardBot.Cards;

/// <summary>A month locked or unlocked, or why not.</summary>
public static class LockCard
{
    public static AdaptiveCard Draw(LockView view)
    {
        var month = view.Month.ToLongLabel();
        var text = view.Why ?? (view.Locked
            ? $"🔒 {month} is locked: its figures can't be changed until an admin unlocks it."
            : $"{month} is unlocked: its command leads can submit figures for it again.");
        var card = CardParts.NewCard(text);
        card.Body.Add(CardParts.Heading(view.Changed ? (view.Locked ? $"Locked · {month}" : $"Unlocked · {month}") : "Nothing changed"));
        card.Body.Add(view.Changed ? CardParts.Text(text) : CardParts.Note(text));
        return card;
    }
}
