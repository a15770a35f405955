using AdaptiveCards;
using ScorecardBot.Answers;
using ScorecardBot.Questions;

namespace ScorecardBot.Cards;

/// <summary>The paper's acronyms table: one term, or all of them.</summary>
public static class GlossaryCard
{
    public static AdaptiveCard Draw(GlossaryView view)
    {
        var (term, glossary) = (view.Term, view.Glossary);
        if (term is not null)
        {
            // An acronym "stands for" its words; a name ("Operation Rainbow") is explained.
            var isAcronym = !term.Term.Contains(' ') && term.Term.Any(char.IsLetter) && term.Term.Where(char.IsLetter).All(char.IsUpper);
            var card = CardParts.NewCard(isAcronym ? $"{term.Term} stands for {term.Meaning}." : $"{term.Term}: {term.Meaning}.");
            card.Body.Add(CardParts.Heading(term.Term));
            card.Body.Add(new AdaptiveTextBlock(term.Meaning) { Wrap = true, Size = AdaptiveTextSize.Medium });
            card.Body.Add(CardParts.Subtle(glossary.Contains(term)
                ? "From the scorecard's acronyms table."
                : "Not in the scorecard's acronyms table: spelt out from the words it stands for in the measures' titles."));
            card.Actions.Add(CardParts.Ask("All acronyms", new Request(Intent.Glossary, "")));
            return card;
        }

        var all = CardParts.NewCard("Acronyms used in the scorecard: " + string.Join("; ", glossary.Select(g => $"{g.Term}, {g.Meaning}")) + ".");
        all.Body.Add(CardParts.Heading("Acronyms"));
        var facts = new AdaptiveFactSet();
        foreach (var g in glossary) facts.Facts.Add(new AdaptiveFact(g.Term, g.Meaning));
        all.Body.Add(facts);
        return all;
    }
}
