"""German (Latin): the genitive -s of a name.

German marks a place name's genitive with -s and nothing else (Berlins, Bremens, des Inns,
Sachsen-Anhalts); a name ending in s, x or z takes none. Input is folded text. The resolver reads
such a base only in German text and only when the word is the name and an s (see
exonym.resolver.resolution._declines_here): in the Turkic and West Slavic languages, whose endings
the other modules read, a bare -s is no case ending.
"""

from __future__ import annotations

SCRIPT = "Latn"
GENITIVE = "s"
MIN_BASE = 3  # Inns -> inn


def bases(word: str) -> list[tuple[str, bool]]:
    """The nominative of a folded word in the genitive: bremens -> bremen, inns -> inn."""
    if len(word) > MIN_BASE and word.endswith(GENITIVE) and word[-2] not in "sxz":
        return [(word[:-1], False)]
    return []
