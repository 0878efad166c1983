"""Azerbaijani and Turkish (Latin): case, possessive, plural and relative suffixes.

Bakıda -> bakı, Gəncəyə -> gəncə, Dağlıqdakı -> dağlıq. Vowel harmony is checked where folding
left the vowels apart. A base counts only when it is a name in the index, so the table can be
generous. Input is folded text (see exonym.text.normalize.fold).
"""

from __future__ import annotations

from exonym.text.lang import by_length

SCRIPT = "Latn"

_SUFFIXES = sorted(
    """da də de ta tə te dan dən den tan tən ten a ə e ya yə ye
    ın in un ün nın nin nun nün ı i u ü nı ni nu nü yı yi yu yü
    dakı dəki daki deki taki teki dakılar dakiler ndakı ndəki ndaki ndeki
    la lə le yla ylə yle ilə ile
    lar lər ler ları ləri leri
    lı li lu lü lıq lik
    ndan ndən nden nda ndə nde na nə ne
    ya yə dır dir dur dür""".split(),
    key=len,
    reverse=True,
)
_BY_LENGTH = by_length(_SUFFIXES)
_BACK = set("aıou")
_FRONT = set("eəiöü")
_DERIVING = frozenset("lı li lu lü lıq lik".split())  # Bakılı: of Baku, not Baku
MIN_BASE = 4


def _harmonises(stem: str, suffix: str) -> bool:
    stem_vowels = [c for c in stem if c in _BACK or c in _FRONT]
    suffix_vowels = [c for c in suffix if c in _BACK or c in _FRONT]
    if not stem_vowels or not suffix_vowels:
        return True
    last, first = stem_vowels[-1], suffix_vowels[0]
    if last == "i" or first == "i":  # folding merged ı and i: cannot tell
        return True
    return (last in _BACK) == (first in _BACK)


def bases(word: str) -> list[tuple[str, bool]]:
    """Candidate (base, derived) of a folded word: Bakıda -> bakı."""
    out: dict[str, bool] = {}
    for n, suffixes in _BY_LENGTH:
        if len(word) - n < MIN_BASE:
            continue
        suffix = word[-n:]
        if suffix in suffixes:
            base = word[:-n]
            if _harmonises(base, suffix):
                out.setdefault(base, suffix in _DERIVING)
    return list(out.items())
