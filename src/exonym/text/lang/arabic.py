"""Arabic and Persian (Arabic script): proclitics written into the word and Persian suffixes.

والقاهرة, بالقاهرة -> القاهرة, قاهرة; تهرانها -> تهران; آذربایجانی (Azerbaijani, an adjective) ->
آذربایجان, derived; باکوی (Baku with the ezafe after its vowel) -> باکو, باکویی (of Baku) -> باکو,
derived; الكندية (Canadian) -> كندا, derived. Proclitics sit on the first word of a phrase, so they
are taken off the first word of a multi-word name as well (PROCLITICS). Input is folded text.
"""

from __future__ import annotations

SCRIPT = "Arab"
PROCLITICS = True

_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
_PERSIAN_SUFFIXES = ("های", "ها", "یی", "ی")
# Persian long vowels a name may end in: after one, -ی is the ezafe (باکوی زیبا, beautiful Baku)
# and the adjective is -یی (باکویی, of Baku)
_LONG_VOWELS = ("ا", "و")
# Arabic adjectives of origin (nisba), folded: -ي, -ية, -يون, -يين, -يات after the name's stem,
# whose own ending (-ا, -يا) or article falls away: كندية (Canadian) of كندا, الروسية of روسيا,
# العراقي of العراق
_NISBA_ENDINGS = ("یون", "یین", "یات", "یه", "ی")
_NISBA_STEM_ENDINGS = ("", "ا", "یا")
# Persian plurals: a small town's name read through one is a common noun's plural more often
# (انگورها, grapes, is no form of Angaur)
PLURAL_ENDINGS = ("های", "ها")


def bases(word: str) -> list[tuple[str, bool]]:
    out: dict[str, bool] = {}
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            base = word[len(prefix) :]
            out.setdefault(base, False)
            if prefix.endswith("ال") or prefix == "لل":
                out.setdefault("ال" + base, False)
    for suffix in _PERSIAN_SUFFIXES:  # Persian -ی makes adjectives: آذربایجانی, Azerbaijani
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            after_vowel = base.endswith(_LONG_VOWELS)
            if suffix == "یی" and not after_vowel:
                continue
            out.setdefault(base, suffix == "یی" or (suffix == "ی" and not after_vowel))
    for bare in [word, *(b for b, _ in list(out.items()) if not b.startswith("ال"))]:
        for suffix in _NISBA_ENDINGS:
            if bare.endswith(suffix) and len(bare) - len(suffix) >= 3:
                stem = bare[: -len(suffix)]
                for ending in _NISBA_STEM_ENDINGS:
                    out.setdefault(stem + ending, True)
                if not stem.startswith("ال"):
                    out.setdefault("ال" + stem, True)
    return list(out.items())
