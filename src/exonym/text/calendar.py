"""The names of days and months in every language exonym reads, from CLDR (via babel).

They are capitalised in many languages and some are spelt like towns (Monday and Moanda, Mai and
Mai): a town known only from an imported dataset is never read from one of them alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from exonym.text.lang import languages
from exonym.text.normalize import fold

_CONTEXTS = ("format", "stand-alone")


@cache
def calendar_words() -> frozenset[str]:
    """Folded day and month names, written out (format and stand-alone forms)."""
    out = {
        fold(str(w))
        for _, locale in _locales()
        for table in (locale.days, locale.months)
        for c in _CONTEXTS
        for w in table[c]["wide"].values()
    }
    return frozenset(w for w in out if len(w) >= 3)


@cache
def month_words() -> frozenset[str]:
    """Folded month names, written out and abbreviated (without the abbreviation's full stop),
    in every case CLDR gives: what stands beside a day's number in a date ("8 апреля", "Dec 5")."""
    out = {
        fold(str(w)).rstrip(".")
        for _, locale in _locales()
        for c in _CONTEXTS
        for width in ("wide", "abbreviated")
        for w in locale.months[c][width].values()
    }
    return frozenset(w for w in out if len(w) >= 2)


@cache
def calendar_word_languages() -> dict[str, tuple[str, ...]]:
    """Folded day and month names of four letters or more, written out -> the languages that
    write them: a word of the text's own language, for guessing it ("julio" is Spanish alone)."""
    out: dict[str, set[str]] = {}
    for code, locale in _locales():
        for table in (locale.days, locale.months):
            for c in _CONTEXTS:
                for w in table[c]["wide"].values():
                    word = fold(str(w))
                    if len(word) >= 4 and " " not in word:
                        out.setdefault(word, set()).add(code)
    return {w: tuple(sorted(codes)) for w, codes in sorted(out.items())}


def _locales() -> Iterator[tuple[str, Any]]:
    """(code, CLDR locale) of every language exonym reads that babel knows."""
    from babel import Locale, UnknownLocaleError

    for code in languages():
        try:
            yield code, Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
