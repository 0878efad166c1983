"""Russian, Ukrainian and Belarusian (Cyrillic): case endings.

Names are recorded in the nominative: they lose only a nominative ending. Words in text may be in
any case: each possible case ending gives a candidate stem, and a candidate counts only when it is
the stem of a name. "Нагорный Карабах" -> "нагорн карабах"; "Нагорном Карабахе" -> the same among
its candidates. Adjectival place names lose their -ск-/-ськ- too: "Товузском районе" -> "товуз
район". The index keeps these stems under their own key level (STEM). A one-word name whose stem
would be too short to index (Тула, Уфа) is indexed by its case forms instead (name_variants).

All functions take folded text (see exonym.text.normalize.fold).
"""

from __future__ import annotations

from exonym.text.lang import by_length
from exonym.text.memo import short_text_cache

SCRIPT = "Cyrl"

# Nominative endings, singular and plural (Вооружённые силы, Соединённые Штаты, Химки, Чернівці).
_NOMINATIVE = sorted("ый ий ой ая яя ое ее ые ие ій ія ия ие ья ье а я о е ь й ы и і".split(), key=len, reverse=True)
_CASE_ENDINGS = sorted(
    """ый ий ой ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю ых их ыми ими ей
    ій ього ьому ім іх ої ою ією єю ею єм
    иями ями ами иях ях ах ией ием ии ию ия ье ья ьи ью ьем ов ев ам ям ів їв
    а я о е ы и у ю ь й і ї є ію ії ія""".split(),
    key=len,
    reverse=True,
)
_NOMINATIVE_BY_LENGTH = by_length(_NOMINATIVE)
_CASE_BY_LENGTH = by_length(_CASE_ENDINGS)
# -ск-/-ськ-/-цк- adjectives derived from place names: Товузский, Товузький, Бакинский.
_DERIVATIONAL = ("ськ", "зьк", "цьк", "ск", "цк", "ьк")
# Text words keep stems of three letters (Вене -> вен, Ризі -> риз -> риг); a name is indexed
# under one only when it is a major place (name_stem's `short`): chance words meet short stems,
# and the Ukrainian "Южне" (an adjective, Southern) is not read from "Южном Кавказе".
MIN_STEM = 3
MIN_NAME_STEM = 4
# Ukrainian (and Russian dialect) softening before -і/-е: Карабах -> Карабасі, Ірак -> Іраці,
# Прага -> Празі: the hard consonant comes back in the stem.
_SOFTENED = {"с": "х", "ц": "к", "з": "г"}


def _derived(stem: str) -> str | None:
    for suffix in _DERIVATIONAL:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
            base = stem[: -len(suffix)]
            return base + "з" if suffix == "зьк" else base
    return None


@short_text_cache(131072, longest=64)
def nominative_stem(word: str, min_stem: int = MIN_NAME_STEM) -> tuple[str, bool]:
    """(stem, derived) of a folded nominative word; `derived` when an adjectival -ск- went too
    (Товузский -> товуз)."""
    for n, endings in _NOMINATIVE_BY_LENGTH:
        if len(word) - n >= min_stem and word[-n:] in endings:
            stem = word[:-n]
            base = _derived(stem) if n == 2 else None
            return (base, True) if base else (stem, False)
    return word, False


@short_text_cache(131072, longest=64)
def stems(word: str) -> tuple[tuple[str, bool], ...]:
    """Every (stem, derived) a folded word in any case may have, the word itself first."""
    out: dict[str, bool] = {word: False}
    for n, endings in _CASE_BY_LENGTH:
        if len(word) - n < MIN_STEM:
            continue
        ending = word[-n:]
        if ending in endings:
            stem = word[:-n]
            out.setdefault(stem, False)
            base = _derived(stem)
            if base:
                out.setdefault(base, True)
            if ending in ("і", "е") and stem[-1:] in _SOFTENED:
                out.setdefault(stem[:-1] + _SOFTENED[stem[-1]], False)
            for variant in _alternations(stem):
                out.setdefault(variant, False)
    return tuple(out.items())


def _alternations(stem: str) -> tuple[str, ...]:
    """The nominative stems a case form's stem may come from through a vowel change of the last
    syllable: Ukrainian і closes the syllable in the nominative and opens to о or е (Львова ->
    Львів, Харкова -> Харків), ї to є (Києва -> Київ); a fleeting е drops from the last
    syllable in the other cases (Відні -> Відень, Орла -> Орел)."""
    if len(stem) < MIN_STEM or stem[-1] in _VOWELS:
        return ()
    out = []
    if stem[-2] in "ое":
        out.append(stem[:-2] + "і" + stem[-1])
    elif stem[-2] == "є":
        out.append(stem[:-2] + "ї" + stem[-1])
    elif stem[-2] not in _VOWELS and stem[-2] != "ь":
        out.append(stem[:-1] + "е" + stem[-1])
    return tuple(out)


_VOWELS = frozenset("аеёиоуыэюяіїєь")


# The case forms of a one-word name whose stem is too short to be indexed (Тула, Уфа, Обь: a
# stem of two or three letters meets chance words): the whole declined words are keys instead,
# read as exactly as the name. By the nominative's last letter, Russian and Ukrainian forms.
_SHORT_NAME_FORMS = {
    "а": ("ы", "и", "е", "і", "у", "ой", "ою"),  # Тула: Тулы, Тули (uk), Туле, Тулі, Тулу, Тулой, Тулою
    "я": ("и", "і", "е", "ю", "ей", "ею"),
    "ь": ("и", "і", "ью", "ю"),  # Обь: Оби, Обью
}


def name_variants(words: list[str]) -> list[str]:
    """The declined words of a one-word name whose stem is shorter than a name's stem may be
    (MIN_NAME_STEM): Тула -> Туле, Тулу ...; Уфа -> Уфы; Обь -> Оби."""
    if len(words) != 1:
        return []
    word = words[0]
    stem, ending = word[:-1], word[-1:]
    if ending not in _SHORT_NAME_FORMS or not 2 <= len(stem) < MIN_NAME_STEM or stem[-1] in _VOWELS:
        return []
    return [stem + e for e in _SHORT_NAME_FORMS[ending]]


def name_stem(folded: str, short: bool = False) -> tuple[str, bool]:
    """The stem key of a nominative name: every word stemmed; True when any word was adjectival.
    `short`: the first word may keep a stem of three letters (see MIN_NAME_STEM)."""
    # in a name of several words each may keep a shorter stem (силы -> сил in Вооружённые силы
    # Армении, біла -> біл in Біла Церква): the other words narrow the match
    words = folded.split()
    found = [nominative_stem(w, MIN_STEM if short or len(words) > 1 else MIN_NAME_STEM) for w in words]
    return " ".join(s for s, _ in found), any(d for _, d in found)
