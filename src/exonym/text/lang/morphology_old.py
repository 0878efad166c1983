"""Inflected forms: per-script rules that turn an inflected word into the bases it may come from.

Two mechanisms, both driven by suffix tables, never by lists of particular places:
- `slavic_stem`: a deterministic stem for Russian and Ukrainian words, applied alike to names
  and to text, so that "Нагорном Карабахе" and "Нагорный Карабах" both become "нагорн карабах".
  Adjectival place names lose their -ск-/-ськ- too: "Товузском районе" -> "товуз район".
- `suffix_bases`: for agglutinative and clitic languages (Azerbaijani, Turkish, Armenian,
  Georgian, Arabic prefixes, Romance elision) the candidate bases of the last word of a name.
  A base only counts when it is a name in the index, so the tables can be generous.

All functions take folded text (see normalize.fold).
"""

from __future__ import annotations

from functools import lru_cache

# -- Russian and Ukrainian --------------------------------------------------------------------
# Names are recorded in the nominative: they lose only a nominative ending. Words in text may be
# in any case: each possible case ending gives a candidate stem, and a candidate counts only when
# it is the stem of a name. "Нагорный Карабах" -> "нагорн карабах"; "Нагорном Карабахе" -> the
# same among its candidates.
# Nominative endings, singular and plural (Вооружённые силы, Соединённые Штаты, Химки).
_NOMINATIVE = sorted("ый ий ой ая яя ое ее ые ие ій ія ия ие ья ье а я о е ь й ы и".split(), key=len, reverse=True)
_CASE_ENDINGS = sorted(
    """ый ий ой ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими ей
    ій ього ьому ім іх ої ою
    иями ями ами иях ях ах ией ием ии ию ия ье ья ьи ью ьем ов ев ам ям
    а я о е ы и у ю ь й і ї є ію ії ія""".split(),
    key=len,
    reverse=True,
)
# -ск-/-ськ-/-цк- adjectives derived from place names: Товузский, Товузький, Бакинский.
_DERIVATIONAL = ("ськ", "зьк", "цьк", "ск", "цк", "ьк")
MIN_SLAVIC_STEM = 4


def _derived(stem: str) -> str | None:
    for suffix in _DERIVATIONAL:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_SLAVIC_STEM:
            base = stem[: -len(suffix)]
            return base + "з" if suffix == "зьк" else base
    return None


@lru_cache(maxsize=131072)
def slavic_name_stem(word: str, min_stem: int = MIN_SLAVIC_STEM) -> tuple[str, bool]:
    """(stem, derived) of a folded nominative Cyrillic word; `derived` when an adjectival -ск-
    went too (Товузский -> товуз)."""
    for ending in _NOMINATIVE:
        if word.endswith(ending) and len(word) - len(ending) >= min_stem:
            stem = word[: -len(ending)]
            base = _derived(stem) if len(ending) == 2 else None
            return (base, True) if base else (stem, False)
    return word, False


@lru_cache(maxsize=131072)
def slavic_stems(word: str) -> tuple[tuple[str, bool], ...]:
    """Every (stem, derived) a folded Cyrillic word in any case may have, the word itself first."""
    out: dict[str, bool] = {word: False}
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_SLAVIC_STEM:
            stem = word[: -len(ending)]
            out.setdefault(stem, False)
            base = _derived(stem)
            if base:
                out.setdefault(base, True)
            # Ukrainian (and Russian dialect) softening before -і/-е: Карабах -> Карабасі,
            # Ірак -> Іраці, Прага -> Празі: the hard consonant comes back in the stem.
            if ending in ("і", "е") and stem[-1:] in _SOFTENED:
                out.setdefault(stem[:-1] + _SOFTENED[stem[-1]], False)
    return tuple(out.items())


_SOFTENED = {"с": "х", "ц": "к", "з": "г"}


def slavic_name_key(folded: str) -> tuple[str, bool]:
    """The stem key of a nominative name: every word stemmed; True when any word was adjectival."""
    # words after the first may keep a shorter stem (силы -> сил in Вооружённые силы Армении):
    # the first word already narrows the match
    stems = [slavic_name_stem(w, MIN_SLAVIC_STEM if k == 0 else 3) for k, w in enumerate(folded.split())]
    return " ".join(s for s, _ in stems), any(d for _, d in stems)


# -- Turkic: Azerbaijani and Turkish ------------------------------------------------------------
# Case, possessive, plural and relative suffixes after the folding of ı/i and the loss of
# umlauts; vowel harmony is checked against the original word where it can be.
_TURKIC_SUFFIXES = sorted(
    """da də de ta tə te dan dən den tan tən ten a ə e ya yə ye
    ın in un ün nın nin nun nün ı i u ü nı ni nu nü yı yi yu yü
    dakı dəki daki deki taki teki dakılar dakiler
    la lə le yla ylə yle ilə ile
    lar lər ler ları ləri leri
    lı li lu lü lıq lik
    ndan ndən nden nda ndə nde na nə ne
    ya yə dır dir dur dür""".split(),
    key=len,
    reverse=True,
)
_BACK = set("aıou")
_FRONT = set("eəiöü")


def _harmonises(stem: str, suffix: str) -> bool:
    stem_vowels = [c for c in stem if c in _BACK or c in _FRONT]
    suffix_vowels = [c for c in suffix if c in _BACK or c in _FRONT]
    if not stem_vowels or not suffix_vowels:
        return True
    last, first = stem_vowels[-1], suffix_vowels[0]
    if last == "i" or first == "i":  # folding merged ı and i: cannot tell
        return True
    return (last in _BACK) == (first in _BACK)


_TURKIC_DERIVING = frozenset("lı li lu lü lıq lik".split())  # Bakılı: of Baku, not Baku


def turkic_bases(word: str) -> list[tuple[str, bool]]:
    """Candidate bases of a Turkic word: Bakıda -> bakı, Gəncəyə -> gəncə, Dağlıqdakı -> dağlıq."""
    out: dict[str, bool] = {}
    for suffix in _TURKIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if _harmonises(base, suffix):
                out.setdefault(base, suffix in _TURKIC_DERIVING)
    return list(out.items())


# -- Armenian -----------------------------------------------------------------------------------
_ARMENIAN_SUFFIXES = sorted(
    "ում ից ով ի ին ը ն ու ները ների ներ երը երի եր իցը ումը յում յի յից յով".split(),
    key=len,
    reverse=True,
)


def armenian_syncope(word: str) -> str | None:
    """The oblique stem of an Armenian word whose last syllable loses its ու or ի before a case
    ending (խումբ -> խմբ-ի, Մինսկ stays): the form the index also keeps for declined names."""
    for vowel in ("ու", "ի"):
        i = word.rfind(vowel)
        if 0 < i and i + len(vowel) < len(word) and vowel not in word[i + len(vowel) :]:
            return word[:i] + word[i + len(vowel) :]
    return None


def armenian_bases(word: str) -> list[tuple[str, bool]]:
    """Երևանում -> երևան; Բաքվում -> բաքու (ու becomes վ before a vowel ending);
    Ֆրանսիայում -> ֆրանսիա (a linking յ)."""
    out: dict[str, None] = {}
    for suffix in _ARMENIAN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            out[base] = None
            if base.endswith("վ"):
                out[base[:-1] + "ու"] = None
            if base.endswith("յ"):
                out[base[:-1]] = None
    return [(b, False) for b in out]


# -- Georgian -----------------------------------------------------------------------------------
_GEORGIAN_SUFFIXES = sorted(
    "ში ს ის ისა სა ით იდან ად დ ზე თან ისთვის ისკენ ამდე მდე მა მ ს ში ელი ური ზეც შიც".split(),
    key=len,
    reverse=True,
)


_GEORGIAN_DERIVING = frozenset({"ელი", "ური"})  # ქართული: Georgian (adjective)


def georgian_bases(word: str) -> list[tuple[str, bool]]:
    """თბილისში -> თბილისი (the nominative -ი comes back); ბაქოში -> ბაქო."""
    out: dict[str, bool] = {}
    for suffix in _GEORGIAN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            base = word[: -len(suffix)]
            derived = suffix in _GEORGIAN_DERIVING
            out.setdefault(base, derived)
            if not base.endswith("ი"):
                out.setdefault(base + "ი", derived)
    return list(out.items())


# -- Arabic and Persian proclitics and suffixes ----------------------------------------------------
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
_PERSIAN_SUFFIXES = ("های", "ها", "ی")


def arabic_bases(word: str) -> list[tuple[str, bool]]:
    out: dict[str, bool] = {}
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            base = word[len(prefix):]
            out.setdefault(base, False)
            if prefix.endswith("ال") or prefix == "لل":
                out.setdefault("ال" + base, False)
    for suffix in _PERSIAN_SUFFIXES:  # Persian -ی makes adjectives: آذربایجانی, Azerbaijani
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.setdefault(word[: -len(suffix)], suffix == "ی")
    return list(out.items())


# Short words before an apostrophe that are elided articles or prepositions (French, Italian,
# Catalan, Occitan): l'Arménie, d'Azerbaïdjan, dell'Armenia, all'Azerbaigian, qu'en.
ELIDED = frozenset("l d j m n s t c qu lorsqu puisqu jusqu dell all dall nell sull coll un quell bell sant".split())


def bases(word: str, script: str) -> list[tuple[str, bool]]:
    """Candidate bases of one folded word in a script."""
    if script == "Latn":
        return turkic_bases(word)
    if script == "Armn":
        return armenian_bases(word)
    if script == "Geor":
        return georgian_bases(word)
    if script == "Arab":
        return arabic_bases(word)
    return []
