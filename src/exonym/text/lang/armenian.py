"""Armenian: case endings, the linking յ and վ, and the syncope of declined names.

Երևանում -> երևան; Բաքվում -> բաքու (ու becomes վ before a vowel ending); Մարտունուց ->
մարտունի (a name in -ի declines on -ու); Ֆրանսիայում ->
ֆրանսիա (a linking յ); ԵԱՀԿ Մինսկի խումբ -> ... խմբի (the last syllable loses its vowel, so the
index keeps the name under that form too). Input is folded text.
"""

from __future__ import annotations

from exonym.text.lang import by_length

SCRIPT = "Armn"
# Endings that say where: in (-ում), from (-ից). A word read as a place's name through one of
# them is placed as by a preposition of place.
PLACE_ENDINGS = ("ում", "ից")

_SUFFIXES = sorted(
    "ում ից ուց ով ի ին ը ն ու ները ների ներ երը երի եր իցը ումը յում յի յից յով".split(),
    key=len,
    reverse=True,
)

_BY_LENGTH = by_length(_SUFFIXES)
# a name in -ի declines on -ու: Մարտունի, Մարտունու (of), Մարտունուց (from)
_I_STEM_ENDINGS = frozenset({"ու", "ուց"})


def syncope(word: str) -> str | None:
    """The oblique stem of a word whose last syllable loses its ու or ի before a case ending
    (խումբ -> խմբ-ի). Only a candidate: a name whose vowel stays (Մինսկ -> Մինսկի) is found by
    its case ending instead, and a stem that is no name finds nothing."""
    for vowel in ("ու", "ի"):
        i = word.rfind(vowel)
        if i > 0 and i + len(vowel) < len(word) and vowel not in word[i + len(vowel) :]:
            return word[:i] + word[i + len(vowel) :]
    return None


def bases(word: str) -> list[tuple[str, bool]]:
    out: dict[str, None] = {}
    for n, suffixes in _BY_LENGTH:
        if len(word) - n >= 3 and word[-n:] in suffixes:
            base = word[:-n]
            out[base] = None
            if base.endswith("վ"):
                out[base[:-1] + "ու"] = None
            if base.endswith("յ"):
                out[base[:-1]] = None
            if word[-n:] in _I_STEM_ENDINGS:
                out[base + "ի"] = None
    return [(b, False) for b in out]


def name_variants(words: list[str]) -> list[str]:
    """A declined name loses its last syllable's vowel: the index keeps that form as well."""
    short = syncope(words[-1])
    return [" ".join([*words[:-1], short])] if short and len(short) >= 3 else []
