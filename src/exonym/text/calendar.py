"""The names of days and months in every language exonym reads, from CLDR (via babel).

They are capitalised in many languages and some are spelt like towns (Monday and Moanda, Mai and
Mai): a town known only from an imported dataset is never read from one of them alone.
"""

from __future__ import annotations

from functools import cache

from exonym.text.lang import languages
from exonym.text.normalize import fold


@cache
def calendar_words() -> frozenset[str]:
    """Folded day and month names, written out (format and stand-alone forms)."""
    from babel import Locale, UnknownLocaleError

    out: set[str] = set()
    for code in languages():
        try:
            locale = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        for table in (locale.days, locale.months):
            for context in ("format", "stand-alone"):
                out.update(fold(str(w)) for w in table[context]["wide"].values())
    return frozenset(w for w in out if len(w) >= 3)


@cache
def month_words() -> frozenset[str]:
    """Folded month names, written out and abbreviated (without the abbreviation's full stop),
    in every case CLDR gives: what stands beside a day's number in a date ("8 апреля", "Dec 5")."""
    from babel import Locale, UnknownLocaleError

    out: set[str] = set()
    for code in languages():
        try:
            locale = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                out.update(fold(str(w)).rstrip(".") for w in locale.months[context][width].values())
    return frozenset(w for w in out if len(w) >= 2)
