"""Organization phrases composed from a head and a country: "Armenian Defence Ministry",
"ejército azerbaiyano", "Министерство обороны Грузии", "Ermenistan ordusu", "وزارة الدفاع الروسية".

No gazetteer can list every way a text names a state's ministry or army: the phrases combine a
head (army, defence ministry ...) with the country in any order, case and language, and as a
genitive ("Грузии") or an adjective ("georgiano", "Oekraïense") as often as a name. A head (see
exonym.resolver.institutions) beside a word naming a country that has that institution (a mention
of the country, or a word sharing one of its names' first letters: "ruso" beside Rusia) is one
mention of the organization, whole, in place of the country mention inside it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from exonym.model import Entry
from exonym.resolver.institutions import MAX_JOINS, HeadAt, country_names, country_of, elided_length, head_at, heads, word_key
from exonym.resolver.match import WordForms
from exonym.resolver.results import Mention
from exonym.text import lang as languages
from exonym.text.tokens import APOSTROPHE, Words

if TYPE_CHECKING:
    from exonym.gazetteer import Gazetteer


@dataclass
class _Text:
    """One text as composing reads it."""

    text: str
    words: Words
    forms: Sequence[WordForms]
    folds: list[str]
    mentions: list[Mention]
    lang: str | None
    joins: frozenset[str]
    starts: list[int] = field(default_factory=list)  # the mentions' starts and ends: they are sorted and do not overlap
    ends: list[int] = field(default_factory=list)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions in `mentions` of those overlapping text[start:end], found by bisection: a
        hostile text with many heads must not make composing quadratic."""
        return list(range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)))


class Composer:
    """What composing needs from one gazetteer: for each institution, the countries that have
    it (country id -> organization id), and those countries' one-word names."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.owners: dict[str, dict[str, str]] = {}
        for pair, org in gaz.index.institutions.items():
            institution, country = pair.split(" ")
            if org in gaz and country in gaz:
                self.owners.setdefault(institution, {})[country] = org
        countries = {c for owners in self.owners.values() for c in owners}
        self.names = country_names(gaz.entries[c] for c in sorted(countries))
        self._country_memo: dict[tuple[tuple[str, ...], int, str | None], str | None] = {}

    def compose(self, text: str, words: Words, forms: Sequence[WordForms], mentions: list[Mention], text_lang: str | None) -> list[Mention]:
        """`mentions` with each organization phrase read as one mention of its organization, in
        place of the country mention (and any other) inside it."""
        table = (heads(text_lang) if text_lang else None) or heads(None)
        folds = [word_key(f.word) if APOSTROPHE.search(f.word) else f.fold for f in forms]
        t = _Text(text, words, forms, folds, mentions, text_lang, _joins(text_lang), [m.start for m in mentions], [m.end for m in mentions])
        composed: list[Mention] = []
        i = 0
        while i < len(folds):
            found = head_at(folds, i, table, lambda k: (b for b, _ in forms[k].bases)) if folds[i][:3] in table else None
            made = self._phrase(t, found) if found is not None else None
            if found is not None and made is not None:
                composed.append(made)
                i = max(found.last, bisect.bisect_left(words.starts, made.end))
            else:
                i += 1
        if not composed:
            return mentions
        inside = {k for c in composed for k in t.overlapping(c.start, c.end)}
        kept = [m for k, m in enumerate(mentions) if k not in inside]
        return sorted(kept + composed, key=lambda m: m.start)

    def _phrase(self, t: _Text, found: HeadAt) -> Mention | None:
        owners = self.owners.get(found.head.institution)
        if not owners:
            return None
        words, folds = t.words, t.folds
        start = words.starts[found.first] + elided_length(words.words[found.first])
        end = words.ends[found.last - 1]
        last = found.last
        if last < len(folds) and t.text[end : end + 1] in _HYPHENS and words.starts[last] == end + 1 and len(folds[last]) <= _CASE_SUFFIX:
            end, last = words.ends[last], last + 1  # a case ending set off by a hyphen: ԱԳՆ-ն
        # A head read whole as a place is one (Ordu, the Turkish city), and a head inside a longer
        # name is that name's. A name inside the head (امور in وزارت امور خارجه), or a bare head an
        # organization is known by at home (Müdafiə Nazirliyi), leaves the country beside it to decide.
        if any(_holds(t.mentions[k], start, end) for k in t.overlapping(start, end)):
            return None
        country = None
        if found.inserted is not None:
            country = self._country_word(t, found.inserted, owners)
        else:
            before = found.first - 1
            if before >= 0 and _joined(t.text, words.ends[before], words.starts[found.first]):
                country = self._country_word(t, before, owners, left=True)
                if country is not None:
                    start = min(start, country[1])
            if country is None:
                after = last
                while after < len(folds) and after - last < MAX_JOINS and folds[after] in t.joins:
                    after += 1
                if after < len(folds) and all(_joined(t.text, words.ends[k - 1], words.starts[k]) for k in range(last, after + 1)):
                    country = self._country_word(t, after, owners)
                    if country is not None:
                        end = max(end, country[2])
        if country is None:
            return None
        org = self.gaz.entries[owners[country[0]]]
        name_index = _label_position(org)
        head_text = " ".join(words.words[k] for k in range(found.first, found.last) if k != found.inserted)
        return Mention(
            start,
            end,
            t.text[start:end],
            org,
            _COMPOSED_SCORE,
            "composed",
            org.names[name_index],
            reasons=(
                f"{head_text!r} names a state's {found.head.institution.replace('-', ' ')}",
                f"{country[3]!r} names {self.gaz.entries[country[0]].name}",
            ),
            match_method="composed",
            name_index=name_index,
        )

    def _country_word(self, t: _Text, k: int, owners: dict[str, str], left: bool = False) -> tuple[str, int, int, str] | None:
        """The country that word k names, when it has this institution: (country id, start,
        end, the words), from a mention of the country over the word, else from its stem."""
        words = t.words
        ws, we = words.starts[k], words.ends[k]
        for m in (t.mentions[j] for j in t.overlapping(ws, we)):
            inside = ws < m.end <= we if left else ws <= m.start < we
            if inside and m.entry.type == "country":
                if m.entry.id not in owners:
                    return None
                start, end = min(m.start, ws), max(m.end, we)
                return m.entry.id, start, end, words.text[start:end]
        f = t.forms[k]
        key = word_key(f.word)
        if len(key) < _MIN_COUNTRY_WORD or key in _common_words():
            return None  # "the defence ministry": an article shares letters with some name (Thekhi)
        forms = (key, *(b for b, _ in f.bases))
        memo_key = (forms, id(owners), t.lang)  # (the owners' dicts live as long as the composer)
        if memo_key in self._country_memo:
            country = self._country_memo[memo_key]
        else:
            candidates = {c: self.names[c] for c in owners if c in self.names}
            country = country_of(list(forms), candidates, t.lang)  # every country's names: worth remembering
            if len(key) <= _COUNTRY_MEMO_WORD:
                if len(self._country_memo) >= _COUNTRY_MEMO_SIZE:
                    self._country_memo.clear()
                self._country_memo[memo_key] = country
        if country is None:
            return None
        return country, ws, we, words.words[k]


_COMPOSED_SCORE = 90.0
_COUNTRY_MEMO_SIZE = 65536  # words read as a country or not, kept across texts (bounded: a server reads anything)
_COUNTRY_MEMO_WORD = 64  # ... and only words of up to this many characters
_HYPHENS = frozenset("-‐‑")
_MIN_COUNTRY_WORD = 4  # letters of a word read as a country by its stem (ruso, Rosji): shorter ones say too little
_CASE_SUFFIX = 3  # letters of a case ending written after a hyphen (Armenian -ն, -ը, -ում)


def _holds(m: Mention, start: int, end: int) -> bool:
    """Whether a mention (not a country's) spans the head [start, end), unless it is an
    organization known by exactly those words."""
    if m.entry.type == "country" or not (m.start <= start and end <= m.end):
        return False
    return m.entry.type != "organization" or (m.start, m.end) != (start, end)


def _joined(text: str, end: int, start: int) -> bool:
    """Whether two words stand together: only spaces between them, no punctuation."""
    return not text[end:start].strip()


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words of every language that never name a country: function words, articles, "of"."""
    return languages.all_stopwords() | languages.all_determiners() | languages.all_of_words()


@lru_cache(maxsize=64)
def _joins(code: str | None) -> frozenset[str]:
    """Words that may stand between a head and the country after it: "of", "de la", "van"."""
    x = languages.language(code) if code else None
    if x is not None:
        return x.of_words | x.determiners
    return languages.all_of_words() | languages.all_determiners()


def _label_position(org: Entry) -> int:
    """Where the entry's label stands among its names: a composed mention reports it, since no
    recorded name was matched."""
    for pos, name in enumerate(org.names):
        if name.text == org.name:
            return pos
    return 0


@lru_cache(maxsize=4)
def composer(gaz: Gazetteer) -> Composer:
    return Composer(gaz)
