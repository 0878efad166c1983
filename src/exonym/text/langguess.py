"""A light guess at a text's language from its most common function words, so that without a
`lang` hint, names in the text's own language are preferred (English "Azerbaijani" is an
adjective, Swahili "Azerbaijani" the country) and Turkic suffix rules switch on. The function
words are each language's `function_words` (see exonym.text.lang)."""

from __future__ import annotations

from collections import Counter

from exonym.text.lang import function_word_languages


def guess_language(words: list[str], *, sample: int = 400) -> str | None:
    """The most likely language of a list of folded words, or None when unsure."""
    word_langs = function_word_languages()
    counts: Counter[str] = Counter()
    for w in words[:sample]:
        for lang in word_langs.get(w, ()):
            counts[lang] += 1
    if not counts:
        return None
    (best, n), *rest = [*counts.most_common(2), ("", 0)]
    runner = rest[0][1] if rest else 0
    return best if n >= 2 and n >= 1.5 * runner else None
