"""Georgian: case endings and the adjectives of multi-word names.

თბილისში -> თბილისი (the nominative -ი comes back); ბაქოში -> ბაქო; ერევნიდან -> ერევანი (the
last syllable's vowel comes back); მცხეთის -> მცხეთა, ოჩამჩირის -> ოჩამჩირე, იტალიის -> იტალია (a final -ა or
-ე comes back before an ending in -ი); მცხეთასთან -> მცხეთა (dative -ს, then -თან: at, near). Adjectives drop their -ი
before a declined noun: მთიანი ყარაბაღი -> მთიან ყარაბაღში, so the index keeps that form of a
name too. Input is folded text.
"""

from __future__ import annotations

from exonym.text.lang import by_length

SCRIPT = "Geor"

_SUFFIXES = sorted(
    "ში ს ის ისა სა ით თი იდან დან ად დ ზე თან სთან ისთან ისთვის სთვის ისკენ სკენ ისგან სგან ამდე მდე მა მ ელი ური ზეც შიც".split(),
    key=len,
    reverse=True,
)
_BY_LENGTH = by_length(_SUFFIXES)
_DERIVING = frozenset({"ელი", "ური"})  # ქართული: Georgian (adjective)
# Endings that say where: in (-ში), from (-დან, -იდან), up to (-მდე, -ამდე). A word read as a
# place's name through one of them is placed as by a preposition of place.
PLACE_ENDINGS = ("ში", "დან", "მდე", "შიც", "დანაც", "მდეც")
# the particle -ც (also, even) after an ending, with -ა- after a consonant: ქუთაისიდანაც (from
# Kutaisi too), თბილისშიც (in Tbilisi too)
_PARTICLES = ("აც", "ც")


def bases(word: str) -> list[tuple[str, bool]]:
    out = dict(_bases(word))
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 3:
            for base, derived in _bases(word[: -len(particle)]):
                out.setdefault(base, derived)
    return list(out.items())


def _bases(word: str) -> list[tuple[str, bool]]:
    out: dict[str, bool] = {}
    for n, suffixes in _BY_LENGTH:
        if len(word) - n < 2 or word[-n:] not in suffixes:
            continue
        base = word[:-n]
        derived = word[-n:] in _DERIVING
        out.setdefault(base, derived)
        if not base.endswith("ი"):
            out.setdefault(base + "ი", derived)
        if word[-n] == "ი" and len(base) >= 3 and base[-1] not in _VOWELS:
            # a stem's final -ა or -ე gives way to an ending that opens with -ი: მცხეთა ->
            # მცხეთის, ოჩამჩირე -> ოჩამჩირით (-ო and -უ stay: ბაქოს)
            for vowel in "აე":
                out.setdefault(base + vowel, derived)
        elif word[-n] == "ი" and len(base) >= 3 and base[-1] == "ი":
            out.setdefault(base + "ა", derived)  # and after -ი- too: იტალია -> იტალიის, სირია -> სირიით
        if len(base) >= 3 and base[-1] not in _VOWELS and base[-2] not in _VOWELS:
            # the vowel of the last syllable drops before an ending: ერევანი -> ერევნიდან
            for vowel in "აე":
                out.setdefault(base[:-1] + vowel + base[-1] + "ი", derived)
    return list(out.items())


_VOWELS = frozenset("აეიოუ")


def name_variants(words: list[str]) -> list[str]:
    if len(words) < 2:
        return []
    inner = [w[:-1] if w.endswith("ი") and len(w) > 3 else w for w in words[:-1]]
    return [" ".join([*inner, words[-1]])] if inner != words[:-1] else []
