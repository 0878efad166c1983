"""How the resolver weighs its evidence: every number it uses, with the reason for it, in one table.

A reading's score is `score(match, prior) + evidence`: how well the words match one of the
entry's names (0-100, by method: see METHOD_SCORES), the entry's prior (how likely any mention of
the name means this entry: type, population, curation), then what the text around it says. The
weights were set on the golden set (tests/golden) and are checked by it; change one only with a
golden case that shows why.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Weight:
    value: float
    reason: str


WEIGHTS: dict[str, Weight] = {
    # -- the base score -------------------------------------------------------------------------
    "match_share": Weight(0.75, "the words decide most: a perfect match of a rare place beats a weak one of a big place"),
    "prior_share": Weight(0.25, "the prior orders entries that share a name (Tovuz town before Tovuz village)"),
    "min_mention": Weight(50, "below this, a reading is a guess: leave the words unmarked"),
    "clear_margin": Weight(12, "a span whose best reading leads by this much is an anchor that other spans may lean on"),
    # -- how a name matched -------------------------------------------------------------------
    "import_variant": Weight(-8, "an importer's alternate spelling with no stated language says little on its own"),
    "own_language": Weight(3, "a name in the text's own language is the likelier reading"),
    "foreign_adjective": Weight(-3, "an adjective of another language is more often a word of that language than a mention"),
    "short_form": Weight(
        -3, "a division named without its generic term (Tovuz for Tovuz District) yields to an entry with that exact name"
    ),
    # -- what the text around it says ----------------------------------------------------------
    "apposition_same": Weight(30, "named again beside it in brackets: Stepanakert (Khankendi) is one place"),
    "qualified_by_parent": Weight(25, "followed by a place that contains it: Tovuz, Azerbaijan"),
    "type_cue": Weight(20, "the word beside it names its type: Tovuz rayonu, село Товуз, the village of Tavush"),
    "inside_mentioned": Weight(15, "it lies in a place the text mentions elsewhere"),
    "inside_named_division": Weight(
        8, "... and that place is a division or a city, not only the country: Ağdam among Tovuz District's villages is Tovuz's Ağdam"
    ),
    "contains_mentioned": Weight(10, "it contains places the text mentions elsewhere"),
    "mentioned_elsewhere": Weight(8, "the text names the same entry elsewhere"),
    "apposition_level": Weight(6, "names in apposition are read at one level: two districts, or two towns"),
    "import_variant_context": Weight(0.5, "context counts for half behind an importer's variant"),
    "context_method_margin": Weight(1, "when context lifted a reading past a rival by more than this, the method says 'context'"),
}


def weight(name: str) -> float:
    return WEIGHTS[name].value


MATCH_SHARE = weight("match_share")
PRIOR_SHARE = weight("prior_share")


def score(match: float, prior: float) -> float:
    """The base score of a reading: its match, tempered by the entry's prior."""
    return match * MATCH_SHARE + prior * PRIOR_SHARE


# How much each way of matching is trusted (0-100) before context and priors.
METHOD_SCORES = {
    "exact": 100,
    "folded": 96,
    "transliterated": 90,
    "inflected": 88,
    "romanization variant": 82,
}
FUZZY_SHARE = 0.9  # a misspelt match scores its rapidfuzz ratio times this: below any exact way
