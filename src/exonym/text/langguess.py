"""A light guess at a text's language from its most common function words, so that without a
`lang` hint, names in the text's own language are preferred (English "Azerbaijani" is an
adjective, Swahili "Azerbaijani" the country) and Turkic suffix rules switch on. The function
words are each language's `function_words` (see exonym.text.lang)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from exonym.text.lang import elided_languages, function_word_languages, letter_languages, script_languages
from exonym.text.normalize import APOSTROPHES, fold
from exonym.text.scripts import char_script


def guess_language(
    words: list[str], *, sample: int = 400, raw: list[str] | None = None, calendar: Mapping[str, tuple[str, ...]] | None = None
) -> str | None:
    """The most likely language of a list of folded words, or None when unsure.

    With `raw`, the same words as written, two more kinds of vote count: a word holding a letter
    few languages spell with (ə, ı, ї, ř, ß: each language's `letters`), and a word in a script
    only one language among the words files writes (Georgian, Armenian). With `calendar` (day
    and month names -> their languages), those names vote as function words do."""
    word_langs = function_word_languages()
    counts: dict[str, float] = {}
    for w in words[:sample]:
        langs = word_langs.get(w, ()) or (calendar.get(w, ()) if calendar else ())
        for lang in langs:
            # a word shared by k languages is a k-th of a vote for each: "de" and "en" are Spanish,
            # French, Dutch and Portuguese alike, and shared words must not outvote a language's own
            counts[lang] = counts.get(lang, 0.0) + 1 / len(langs)
    if raw is not None:
        # an elided article is a function word written into the next one: l'étape, dell'Arno
        elided = elided_languages()
        for w in raw[:sample]:
            cut = _ELISION.match(w)
            langs = elided.get(fold(cut.group(1)), ()) if cut else ()
            for lang in langs:
                counts[lang] = counts.get(lang, 0.0) + 1 / len(langs)
        for lang, votes in _letter_votes(raw[:sample]).items():
            counts[lang] = counts.get(lang, 0.0) + votes
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    best, n = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return best if n >= 1 and n >= 1.5 * runner else None


_ELISION = re.compile(f"([^\\W\\d_]{{1,6}})[{APOSTROPHES}]\\w")


def _letter_votes(raw: list[str]) -> Counter[str]:
    """Votes of the words' letters and scripts. A language whose own letters (listed by it alone)
    never appear gets no votes from the letters it shares: ı, ğ and ş are Turkish and
    Azerbaijani, but a text without a single ə is not Azerbaijani."""
    letters = letter_languages()
    seen_own: set[str] = set()
    votes: Counter[str] = Counter()
    for w, n in Counter(raw).items():  # (each distinct word once: function words recur)
        if w.isascii():
            continue  # no language lists an ASCII letter as its own, and ASCII is no one language's script
        voters, own = _word_votes(w)
        for lang in voters:
            votes[lang] += n
        seen_own.update(own)
    has_own = {langs[0] for langs in letters.values() if len(langs) == 1}
    for lang in has_own - seen_own:
        votes.pop(lang, None)
    return votes


@lru_cache(maxsize=1 << 16)
def _word_votes(w: str) -> tuple[frozenset[str], frozenset[str]]:
    """One word's voters (the languages its letters or its script point to) and the languages
    whose own letters it holds. Cached: a text's words recur, and so do a news stream's."""
    letters = letter_languages()
    voters: set[str] = set()
    own: set[str] = set()
    spelt_by: set[str] | None = None  # the languages whose letters include all of the word's
    for ch in w.lower():
        langs = letters.get(ch, ())
        if not langs:
            continue
        voters.update(langs)
        spelt_by = set(langs) if spelt_by is None else spelt_by & set(langs)
        if len(langs) == 1:
            own.add(langs[0])
    if spelt_by:
        voters = spelt_by  # məşqçisi is Azerbaijani, not Turkish: Turkish has ş but never ə
    by_script = script_languages()
    script = char_script(w[0]) if w else None
    if script in by_script:
        voters.add(by_script[script])
    return frozenset(voters), frozenset(own)
