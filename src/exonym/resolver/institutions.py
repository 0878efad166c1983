"""State institutions in words: the heads that name them (the words files' `organization_heads`:
army, defence ministry, Министерство обороны ...), how a text's word is read as a form of a head's
word, and which organization entry is which country's institution.

An organization entry is found for an institution and a country by its own names: an entry whose
parent is a country and whose names hold a head of one institution is that country's institution
(`learn_institutions`, run when the index is built). exonym.resolver.organizations composes the
phrases of a text from these.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from exonym.model import Entry
from exonym.text import lang as languages
from exonym.text.normalize import fold
from exonym.text.tokens import APOSTROPHE, split

# Final letters that a case ending or an adjective's agreement replaces (Latin, Cyrillic,
# Georgian, Armenian vowels): "ministerstvo" is read in "ministerstva" through "ministerstv".
_FINAL_VOWELS = frozenset("aeiouyəıöüáàâãäåéèêëíìîïóòôõúùûýæœøаеёиоуыэюяьйіїєაეიოუաեէըիոօւ")
_SHORT_HEAD = 4  # a head word this short (МИД, ordu, MSZ) takes at most a two-letter ending
_SHORT_ENDING = 2
_LONG_ENDING = 4  # after a long head word's stem: Verteidigungsministerium-s, სამინისტრო-მ
_MIN_STEM = 3
_MIN_SHARED = 3  # letters a country word shares with one of its country's names, at the least
_SHARED_SLACK = 3  # ... and at most this many of the name's letters left over (armeense / armenie)
MAX_JOINS = 2  # "de la", "of the": words between a head and the country after it


@dataclass(frozen=True, slots=True)
class Head:
    """One phrase naming an institution, its words folded."""

    institution: str
    words: tuple[str, ...]


def _stem(word: str) -> str:
    stem = word
    while len(stem) > _MIN_STEM and stem[-1] in _FINAL_VOWELS and len(word) - len(stem) < 2:
        stem = stem[:-1]
    return stem


def word_fits(word: str, head_word: str) -> bool:
    """Whether a folded word of a text is a form of a head's word: the same, or its stem with
    an ending (обороны, Außenministeriums, ordusu)."""
    if word == head_word:
        return True
    stem = _stem(head_word)
    if len(head_word) <= _SHORT_HEAD:
        # a short head takes an ending after the whole word (ordu-su, MSZ-u); in the scripts of
        # the inflecting languages it may change its last vowel too (силы: сил, силами). A Latin
        # word merely starting like a short head is another word: order is not ordu.
        if word.startswith(head_word):
            return len(word) - len(head_word) <= _SHORT_ENDING
        return not head_word.isascii() and word.startswith(stem) and len(word) - len(head_word) <= _SHORT_ENDING
    return word.startswith(stem) and len(word) - len(stem) <= _LONG_ENDING


def elided_length(word: str) -> int:
    """How many characters of a word an elided article takes (l'armée: 2), else 0."""
    parts = APOSTROPHE.split(word, maxsplit=1)
    if len(parts) > 1 and fold(parts[0]) in languages.all_elided():
        return len(parts[0]) + 1
    return 0


def word_key(word: str) -> str:
    """The folded word a head is compared with: after an elided article (l'armée -> armee),
    before a suffix set off by an apostrophe (Bakanlığı'nın, Georgia's)."""
    parts = APOSTROPHE.split(word, maxsplit=1)
    if len(parts) == 1:
        return fold(word)
    cut = elided_length(word)
    return fold(word[cut:]) if cut else fold(parts[0])


def _head_words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in (word_key(x) for x in split(phrase).words) if w)


@lru_cache(maxsize=64)
def heads(code: str | None) -> dict[str, tuple[Head, ...]]:
    """The heads of a language (of every language when `code` is None), by the first three
    letters of their first word's stem: a text's word looks up its own first three letters."""
    chosen = languages.languages().values() if code is None else [x for x in [languages.language(code)] if x is not None]
    by_first: dict[str, list[Head]] = {}
    for x in chosen:
        for institution, phrases in x.organization_heads.items():
            for phrase in phrases:
                words = _head_words(phrase)
                if words:
                    by_first.setdefault(_stem(words[0])[:3], []).append(Head(institution, words))
    # longest first: "ministry of national defence" before "ministry"
    return {k: tuple(sorted(v, key=lambda h: -len(h.words))) for k, v in by_first.items()}


@dataclass(frozen=True, slots=True)
class HeadAt:
    """A head found in a text's words: words [first, last) hold it, except `inserted`, a word
    standing inside it ("ministère russe de la Défense") that must name the country."""

    head: Head
    first: int
    last: int
    inserted: int | None = None


def head_at(
    folds: Sequence[str], i: int, table: dict[str, tuple[Head, ...]], bases: Callable[[int], Iterable[str]] | None = None
) -> HeadAt | None:
    """The longest head starting at word i, allowing one word inside it after its first word.
    `bases(k)` gives word k's uninflected forms, for endings stacked past a stem's few letters
    (ordusunun, არმიასთან)."""

    def fits(k: int, head_word: str) -> bool:
        if k >= len(folds):
            return False
        if word_fits(folds[k], head_word):
            return True
        return bases is not None and any(word_fits(b, head_word) for b in bases(k))

    for head in table.get(folds[i][:3], ()):
        n = len(head.words)
        if not fits(i, head.words[0]):
            continue
        if all(fits(i + k, head.words[k]) for k in range(1, n)):
            return HeadAt(head, i, i + n)
        if n > 1 and all(fits(i + k + 1, head.words[k]) for k in range(1, n)):
            return HeadAt(head, i, i + n + 1, i + 1)
    return None


def learn_institutions(entries: Iterable[Entry]) -> dict[str, str]:
    """ "institution country" -> the organization entry that is that country's institution: an
    organization whose parent is a country and one of whose names is a head of one institution
    and nothing else but the country's words (Armed Forces of the Republic of Armenia, Armenian
    Defence Ministry, Ministero della Difesa). A name with more words is another body: the
    Congolese Revolutionary Army is no state's army. Two entries claiming the same pair name
    neither: a composed phrase must not guess between them."""
    entries = list(entries)
    countries = {e.id: e for e in entries if e.type == "country"}
    table = heads(None)
    joins = languages.all_of_words() | languages.all_determiners()
    claims: dict[str, list[str]] = {}
    for entry in entries:
        if entry.type != "organization":
            continue
        country = next((countries[p] for p in entry.parents if p in countries), None)
        if country is None:
            continue
        own = {w for n in country.names for w in (word_key(x) for x in split(n.text).words) if w}
        names = [n for n, _ in country_names([country])[country.id]]
        counts: Counter[str] = Counter()
        for name in entry.names:
            # read in its own language when that language lists heads: Armada is Spanish for the
            # navy and Czech for an army
            own_table = next((t for t in (heads(x) for x in name.langs) if t), table)
            institution = _named_institution([word_key(w) for w in split(name.text).words], own_table, own | joins, names)
            if institution is not None:
                counts[institution] += 1
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            claims.setdefault(f"{ranked[0][0]} {country.id}", []).append(entry.id)
    return {pair: ids[0] for pair, ids in sorted(claims.items()) if len(ids) == 1}


def _named_institution(folds: list[str], table: dict[str, tuple[Head, ...]], allowed: set[str], names: list[str]) -> str | None:
    """The institution a name is, when it is one head and, besides, only words of its country
    (or its genitive or adjective) and joining words."""
    found = None
    i = 0
    while i < len(folds):
        at = head_at(folds, i, table) if folds[i][:3] in table else None
        if at is not None and at.inserted is None and found is None:
            found = at.head.institution
            i = at.last
            continue
        word = folds[i]
        if word not in allowed and not any(stem_fits(word, n) for n in names):
            return None
        i += 1
    return found


def shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def stem_fits(word: str, name: str, short: bool = True) -> int:
    """How many letters a folded word shares with a one-word name of a country when it reads as
    that name's genitive or adjective (Грузии, ruso, Oekraïense, الروسية without its article),
    else 0. Three shared letters are enough only where `short` allows (a name in the text's
    own language, or English): some small language's name shares three with anything."""
    n = shared_prefix(word, name)
    if n < _MIN_SHARED or (n == _MIN_SHARED and not short):
        return 0
    if n >= len(name) - _SHARED_SLACK:
        return n
    if n > _MIN_SHARED and n >= len(word) - 1:
        return n  # a short adjective on a long name's first letters: azero, Azerbaigian
    return 0


def country_names(entries: Iterable[Entry]) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Each country's one-word names, folded, with their languages (every kind: an adjective is
    a name the country's adjectives in other languages start like)."""
    out: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
    for e in entries:
        names: dict[str, set[str]] = {}
        for n in e.names:
            f = fold(n.text)
            if f and " " not in f:
                names.setdefault(f, set()).update(t.split("-", 1)[0] for t in n.langs)
        out[e.id] = tuple((f, frozenset(langs)) for f, langs in sorted(names.items()))
    return out


def country_of(forms: Iterable[str], names: dict[str, tuple[tuple[str, frozenset[str]], ...]], text_lang: str | None) -> str | None:
    """The one country whose name the word's forms (fold, clitic-free bases) share most letters
    with, or None when none does or two share as many."""
    near = {"en", text_lang}
    best: dict[str, int] = {}
    for form in forms:
        for country, country_words in names.items():
            n = max((stem_fits(form, w, not near.isdisjoint(langs)) for w, langs in country_words), default=0)
            if n > best.get(country, 0):
                best[country] = n
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
