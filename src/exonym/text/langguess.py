"""A light guess at a text's language from its most common function words, so that without a
`lang` hint, names in the text's own language are preferred (English "Azerbaijani" is an
adjective, Swahili "Azerbaijani" the country) and Turkic suffix rules switch on. The function
words are each language's `function_words` (see exonym.text.lang)."""

from __future__ import annotations

from collections import Counter

from exonym.text.lang import function_word_languages, letter_languages, script_languages
from exonym.text.scripts import char_script


def guess_language(words: list[str], *, sample: int = 400, raw: list[str] | None = None) -> str | None:
    """The most likely language of a list of folded words, or None when unsure.

    With `raw`, the same words as written, two more kinds of vote count: a word holding a letter
    few languages spell with (ə, ı, ї, ř, ß: each language's `letters`), and a word in a script
    only one language among the words files writes (Georgian, Armenian)."""
    word_langs = function_word_languages()
    counts: Counter[str] = Counter()
    for w in words[:sample]:
        for lang in word_langs.get(w, ()):
            counts[lang] += 1
    if raw is not None:
        counts.update(_letter_votes(raw[:sample]))
    if not counts:
        return None
    (best, n), *rest = [*counts.most_common(2), ("", 0)]
    runner = rest[0][1] if rest else 0
    return best if n >= 2 and n >= 1.5 * runner else None


def _letter_votes(raw: list[str]) -> Counter[str]:
    """Votes of the words' letters and scripts. A language whose own letters (listed by it alone)
    never appear gets no votes from the letters it shares: ı, ğ and ş are Turkish and
    Azerbaijani, but a text without a single ə is not Azerbaijani."""
    letters = letter_languages()
    by_script = script_languages()
    seen_own: set[str] = set()
    votes: Counter[str] = Counter()
    for w in raw:
        voters: set[str] = set()
        for ch in w.lower():
            langs = letters.get(ch, ())
            voters.update(langs)
            if len(langs) == 1:
                seen_own.add(langs[0])
        script = char_script(w[0]) if w else None
        if script in by_script:
            voters.add(by_script[script])
        votes.update(voters)
    has_own = {langs[0] for langs in letters.values() if len(langs) == 1}
    for lang in has_own - seen_own:
        votes.pop(lang, None)
    return votes
