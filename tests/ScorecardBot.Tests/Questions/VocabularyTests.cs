using ScorecardBot.Questions;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Questions;

public sealed class VocabularyTests
{
    /// <summary>The paper's acronyms table leaves out SNT; measure 2's title spells it out, so the bot can too.</summary>
    [Fact]
    public void An_acronym_the_glossary_leaves_out_is_spelt_out_from_the_titles()
    {
        var derived = Vocabulary.DerivedAcronyms(ShippedScorecard.Definition).ToDictionary(g => g.Term, g => g.Meaning);

        Assert.Equal("Safer Neighbourhood Team", derived["SNT"]);
    }

    [Fact]
    public void An_acronym_with_no_words_to_spell_it_out_is_not_guessed()
    {
        var derived = Vocabulary.DerivedAcronyms(ShippedScorecard.Definition).Select(g => g.Term).ToList();

        Assert.DoesNotContain("EXPO", derived);
    }

    [Fact]
    public void A_term_the_glossary_or_the_commands_already_have_is_not_derived_again()
    {
        var definition = ShippedScorecard.Definition;
        var derived = Vocabulary.DerivedAcronyms(definition).Select(g => g.Term).ToList();

        Assert.Empty(derived.Intersect(definition.Glossary.Select(g => g.Term), StringComparer.OrdinalIgnoreCase));
        Assert.Empty(derived.Intersect(definition.Commands.Select(c => c.Code), StringComparer.OrdinalIgnoreCase));
    }
}
