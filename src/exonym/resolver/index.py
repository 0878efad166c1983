"""The compiled, immutable index: normalized keys -> names, built once from the entries.

Keys, coarsest last (see normalize): the folded form, the Latin transliteration, the skeleton,
and for Cyrillic names the stem key of morphology. Every key is a space-joined word sequence,
so the matcher can walk a text word by word and try the longest sequence first.

Postings are ints: `name_id * 4 + level`, one int when a key has one name, a tuple otherwise;
this keeps the index small enough for a million names. Misspellings go through `FuzzyIndex`,
a deletion neighbourhood over Latin keys, never a scan of all names.
"""

from __future__ import annotations

import inspect
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from exonym.model import IMPORT_SOURCES, Entry, Name
from exonym.resolver.fuzzy import FuzzyIndex
from exonym.resolver.institutions import learn_institutions
from exonym.resolver.packed import PackedMap, PackedSet, Posting, postings
from exonym.text import lang
from exonym.text.calendar import calendar_word_languages, calendar_words
from exonym.text.normalize import fold, latin_key, skeleton
from exonym.text.romanize import LOOSELY_ROMANIZED

# Levels, in the order the matcher trusts them. In `keys`, level 2 marks a short form: a
# division's name without its generic term (Tovuz District -> Tovuz).
FOLDED = 0
LATIN = 1
SKELETON = 2
SHORT = 2
STEM = 3

_SHORT_FORM_TYPES = frozenset({"district", "first-level-division"})
LEVEL_NAMES = ("folded", "transliterated", "transliterated", "inflected")


IMPORTED = 1  # entry flag: every name from an importer's dataset
MAJOR = 2  # entry flag: a state, a curated entry, a city of a million or a country's first (see is_major)

LOWER_INITIAL = 1  # the name starts with a lower-case letter (al-Quds, i-Turkey)
WEAK = 2  # an import's variant with no language: little evidence alone


def _add(d: dict[str, Posting], key: str, value: int) -> None:
    old = d.get(key)
    if old is None:
        d[key] = value
    elif isinstance(old, int):
        if old != value:
            d[key] = (old, value)
    elif value not in old:
        d[key] = (*old, value)


@dataclass(eq=False)
class Index:
    """Everything the matcher needs, built once; picklable into the gazetteer cache."""

    entry_ids: list[str]
    name_entry: array[int]  # name id -> entry number
    name_pos: array[int]  # name id -> position in the entry's names
    keys: PackedMap  # folded and Latin keys (levels FOLDED, LATIN, SHORT)
    skeletons: PackedMap
    stems: PackedMap
    max_words: PackedMap  # first word of a multi-word key -> most words of such a key
    fuzzy: FuzzyIndex
    priors: array[int]  # entry number -> importance prior (0-100)
    name_flags: bytearray  # name id -> LOWER_INITIAL | WEAK
    entry_flags: bytearray  # entry number -> IMPORTED | MAJOR
    pairs: PackedSet  # "first second" words of every multi-word key
    lower_firsts: set[str]  # first words and stems of names written in lower case (al-Quds, i-Turkey, армянск)
    calendar_words: frozenset[str]  # CLDR's day and month names, kept here: babel takes 0.2 s to give them
    calendar_languages: dict[str, tuple[str, ...]]  # the written-out ones -> their languages (for the language guess)
    affixes: frozenset[str]  # "<distretto di", ">rayonu": words a name may carry before or after it (see learn_affixes)
    institutions: dict[str, str]  # "ministry-of-defence armenia" -> the organization (see exonym.resolver.institutions)

    def flags(self, name_id: int) -> int:
        return self.name_flags[name_id]

    def name_ref(self, name_id: int) -> tuple[str, int]:
        return self.entry_ids[self.name_entry[name_id]], self.name_pos[name_id]

    def lookup_key(self, key: str) -> Iterator[tuple[int, int]]:
        """(name id, level) for an exact folded or Latin key."""
        for p in postings(self.keys.get(key)):
            yield p >> 2, p & 3

    def __len__(self) -> int:
        return len(self.name_entry)

    def to_sections(self) -> dict[str, Any]:
        """The index as named arrays and strings for the cache (see exonym.data.cache)."""
        out: dict[str, Any] = {
            "index.entry_ids": self.entry_ids,
            "index.name_entry": self.name_entry,
            "index.name_pos": self.name_pos,
            "index.priors": self.priors,
            "index.name_flags": bytes(self.name_flags),
            "index.entry_flags": bytes(self.entry_flags),
            "index.lower_firsts": sorted(self.lower_firsts),
            "index.calendar_words": sorted(self.calendar_words),
            "index.calendar_languages": [f"{w} {','.join(codes)}" for w, codes in sorted(self.calendar_languages.items())],
            "index.affixes": sorted(self.affixes),
            "index.institutions": [f"{pair} {org}" for pair, org in sorted(self.institutions.items())],
        }
        for name in ("keys", "skeletons", "stems", "max_words"):
            out.update(getattr(self, name).to_sections(f"index.{name}"))
        out.update(self.pairs.to_sections("index.pairs"))
        out.update(self.fuzzy.to_sections())
        return out

    @classmethod
    def from_sections(cls, sections: dict[str, Any]) -> Index:
        """The inverse of to_sections; ValueError when the parts do not fit together."""
        index = cls(
            entry_ids=sections["index.entry_ids"],
            name_entry=sections["index.name_entry"],
            name_pos=sections["index.name_pos"],
            keys=PackedMap.from_sections(sections, "index.keys"),
            skeletons=PackedMap.from_sections(sections, "index.skeletons"),
            stems=PackedMap.from_sections(sections, "index.stems"),
            max_words=PackedMap.from_sections(sections, "index.max_words"),
            fuzzy=FuzzyIndex.from_sections(sections),
            priors=sections["index.priors"],
            name_flags=bytearray(sections["index.name_flags"]),
            entry_flags=bytearray(sections["index.entry_flags"]),
            pairs=PackedSet.from_sections(sections, "index.pairs"),
            lower_firsts=set(sections["index.lower_firsts"]),
            calendar_words=frozenset(sections["index.calendar_words"]),
            calendar_languages={
                line.partition(" ")[0]: tuple(line.partition(" ")[2].split(",")) for line in sections["index.calendar_languages"]
            },
            affixes=frozenset(sections["index.affixes"]),
            institutions={line.rpartition(" ")[0]: line.rpartition(" ")[2] for line in sections["index.institutions"]},
        )
        names = len(index.name_entry)
        if len(index.name_pos) != names or len(index.name_flags) != names or len(index.priors) != len(index.entry_ids):
            raise ValueError("the index's name tables do not fit together")
        if len(index.entry_flags) != len(index.entry_ids):
            raise ValueError("the index's name tables do not fit together")
        return index


_TYPE_PRIOR = {
    "country": 60,
    "organization": 55,
    "disputed-territory": 55,
    "first-level-division": 45,
    "territory": 45,
    "historical-unit": 35,
    "city": 40,
    "district": 35,
    "physical-feature": 30,
    "term": 30,
    "town": 22,
    "village": 10,
}


def is_imported(entry: Entry) -> bool:
    """Whether every name of the entry comes from an importer's dataset (no person cited one)."""
    return all(s in IMPORT_SOURCES for n in entry.names for s in n.sources)


def is_major(entry: Entry, first_city: bool = False) -> bool:
    """An entry a bare mention of whose name means it, whatever else the word means: anything
    but a town or a division known only from an import (a state, a river, an organization, a
    curated entry), a city of a million, or the most populous city of its country (`first_city`:
    Doha, Riga; most capitals are)."""
    return entry.type not in _MINOR_TYPES or not is_imported(entry) or (entry.population or 0) >= 1_000_000 or first_city


def _first_cities(entries: list[Entry]) -> set[int]:
    """The numbers of the entries that are their country's most populous city or town."""
    by_id = {e.id: k for k, e in enumerate(entries)}
    best: dict[str, tuple[int, int]] = {}
    for k, e in enumerate(entries):
        if e.type in ("city", "town") and e.population:
            country = _country(entries, by_id, k)
            if country and (country not in best or best[country][0] < e.population):
                best[country] = (e.population, k)
    return {k for _, k in best.values()}


# The types an importer brings by the ten thousand: their names collide with common words.
_MINOR_TYPES = frozenset({"city", "town", "village", "district", "first-level-division"})


def entry_prior(entry: Entry) -> int:
    """How likely a random mention of one of this entry's names means this entry (0-100):
    type first, then population, a little for curated (cited, non-import) names."""
    import math

    prior = _TYPE_PRIOR.get(entry.type, 20)
    if entry.population:
        prior += min(25, int(math.log10(max(entry.population, 1)) * 4) - 12)
    return max(0, min(100, prior + (0 if is_imported(entry) else 8)))


def _ceded_names(entries: list[Entry], by_id: dict[str, int], fold_: Any) -> dict[int, set[str]]:
    """The names (folded) each settlement leaves to a division of its country. A name that the
    settlement bears only as an import's variant or as a time-zone city (CLDR), and that a
    first-level division of its country (or a division above it) bears as a name of its own, is
    the division's: Recife's old name Pernambuco and Salvador's time-zone name Bahia are their
    states' today, and news means the state. Not so when the division is named like the
    settlement (Kyiv, São Paulo, Ardabil Province: _namesake_divisions weighs those), nor when one
    of the shared names spells the settlement's label another way (New York for New York City,
    Rostov for Rostov-on-Don): then the division is named for the town."""
    bearers: dict[tuple[str, str], list[int]] = {}  # (country, folded name) -> first-level divisions
    folded_names: dict[int, tuple[set[str], set[str]]] = {}

    def own_names(k: int) -> tuple[set[str], set[str]]:
        """A division's names (folded), and those of them it bears as its own."""
        if k not in folded_names:
            e = entries[k]
            folded_names[k] = ({fold_(n.text) for n in e.names}, {fold_(n.text) for n in e.names if not _secondary(n, e)})
        return folded_names[k]

    for k, e in enumerate(entries):
        if e.type == "first-level-division":
            country = _country(entries, by_id, k)
            for text in own_names(k)[1]:
                bearers.setdefault((country, text), []).append(k)
    ceded: dict[int, set[str]] = {}
    for k, e in enumerate(entries):
        if e.type not in _SETTLEMENT_TYPES:
            continue
        # a spelling is ceded only when every name of that spelling is a variant or a time zone's
        kept = {fold_(n.text) for n in e.names if not _secondary(n, e)}
        country = _country(entries, by_id, k)
        above = [by_id[p] for p in _ancestors(entries, by_id, k) if entries[by_id[p]].type in _DIVISION_TYPES]
        label = fold_(e.name)
        shared = set()
        for text in {fold_(n.text) for n in e.names if _secondary(n, e)} - kept - {label}:
            divisions = bearers.get((country, text), []) + [d for d in above if text in own_names(d)[1]]
            if any(label not in own_names(d)[0] and not _respells(fold_(entries[d].name), label) for d in divisions):
                shared.add(text)
        # when one of them spells the label (New York for New York City, Nabatieh for Nabatîyé et
        # Tahta, Rostov for Rostov-on-Don), the division is named for the town: all stay the town's
        if shared and not any(_respells(text, label) for text in shared):
            ceded[k] = shared
    return ceded


def _respells(name: str, label: str) -> bool:
    """Whether a name (folded) has a word that spells a word of the label another way (Mikolaiv,
    Mykolayiv; Chmelnyckyj, Khmelnytskyy) or begins it (Rostov, Rostov-on-Don): not a different
    name (Bahia for Salvador, Hatay for Antakya)."""
    label_words = [w for w in label.replace("-", " ").split() if len(w) >= 4]
    return any(
        w[:4] == v[:4] or fuzz.ratio(w, v) >= _RESPELLING_RATIO for w in name.replace("-", " ").split() if len(w) >= 4 for v in label_words
    )


_RESPELLING_RATIO = 68  # Chmelnyckyj / Khmelnytskyy 70; Hatay / Antakya 67, Rason / Rajin 60


def _secondary(name: Name, entry: Entry) -> bool:
    """An import's variant or untagged name, or a time-zone city's name (CLDR names cities only
    as time zones: America/Bahia is Salvador): not how today's news names the settlement."""
    imported = set(name.sources) <= IMPORT_SOURCES and name.text != entry.name
    return imported and (name.kind == "variant" or name.langs == ("und",) or set(name.sources) == {"cldr"})


def _ancestors(entries: list[Entry], by_id: dict[str, int], k: int) -> Iterator[str]:
    """The ids above an entry by its parents, each once (at most 16)."""
    seen: set[str] = set()
    todo = list(entries[k].parents or ())
    while todo and len(seen) < 16:
        parent = todo.pop()
        if parent in seen or parent not in by_id:
            continue
        seen.add(parent)
        yield parent
        todo.extend(entries[by_id[parent]].parents or ())


_SETTLEMENT_TYPES = frozenset({"city", "town", "village"})
_DIVISION_TYPES = frozenset({"first-level-division", "district"})


def _namesake_divisions(entries: list[Entry], by_id: dict[str, int], priors: array[int], fold_: Any, ceded: dict[int, set[str]]) -> None:
    """A first-level division or a district named like a settlement inside it (Kyiv and Wien,
    cities that are divisions of their own; Laçın, a town and its district) yields to the
    settlement by default: news means the town. An imported small town elsewhere in the country
    (Oregon, Ohio, is not in the state of Oregon) takes nothing from the division. The division's prior drops below the
    settlement's; a type word beside the name still picks the division."""
    settlements: dict[tuple[str, str], int] = {}
    generic = lang.all_generic_terms()

    for k, e in enumerate(entries):
        if e.type in ("city", "town") and e.parents:
            country = _country(entries, by_id, k)
            for n in e.names:
                if fold_(n.text) in ceded.get(k, ()):
                    continue
                key = (fold_(n.text), country)
                if priors[settlements.get(key, k)] <= priors[k]:
                    settlements[key] = k
    for k, e in enumerate(entries):
        if e.type not in ("first-level-division", "district"):
            continue
        country = _country(entries, by_id, k)
        for n in e.names:
            words = fold_(n.text).split(" ")
            keys = {" ".join(words)}
            if len(words) > 1 and words[-1] in generic:
                keys.add(" ".join(words[:-1]))
            for text in keys:
                town = settlements.get((text, country))
                if (
                    town is not None
                    and priors[town] <= priors[k]
                    and (e.id in _ancestors(entries, by_id, town) or not is_imported(entries[town]) or is_major(entries[town]))
                ):
                    # a district by the smallest step: it keeps its place above a city-division
                    # of the same name (Shusha District before Shusha City, both below the town)
                    priors[k] = max(0, priors[town] - (1 if e.type == "district" else 3))


def _country(entries: list[Entry], by_id: dict[str, int], k: int) -> str:
    """The id of the first country among an entry's ancestors (by the first parent), or ""."""
    seen = 0
    while seen < 8:
        e = entries[k]
        if e.type == "country":
            return e.id
        if not e.parents or e.parents[0] not in by_id:
            return ""
        k = by_id[e.parents[0]]
        seen += 1
    return ""


AFFIX_MIN_ENTRIES = 8  # an affix seen on fewer entries may be a chance word of a few names


def _affixes_of(names: set[str]) -> set[str]:
    """The one- or two-word affixes that one of an entry's names carries around another of its
    names (their folded and Latin keys): "<distretto di" from "distretto di sheki" beside "sheki",
    ">rayonu" from "seki rayonu", ">jila" from कुर्दमीर जिला beside Kurdamir.
    The name inside may be declined (Saatlın piirikunta beside Saatlı, ბაბექის რაიონი beside
    ბაბექი): a remainder counts when it is another name, or one less its last letter, followed by
    at most three letters of ending."""
    found: set[str] = set()
    bare = names | {n[:-1] for n in names if len(n) > 4}

    def is_name(rest: str) -> bool:
        return any(rest[: len(rest) - cut] in bare for cut in range(4) if len(rest) - cut >= 4) or rest in names

    for name in names:
        if " " not in name:
            continue
        words = name.split(" ")
        for k in (1, 2):
            if k >= len(words):
                break
            if is_name(" ".join(words[k:])):
                found.add("<" + " ".join(words[:k]))
            if is_name(" ".join(words[:-k])):
                found.add(">" + " ".join(words[-k:]))
    return found


def learn_affixes(counts: Counter[str], keys: dict[str, Posting]) -> frozenset[str]:
    """Affixes of many entries' names, in every language the gazetteer holds: the type words
    (district, rayonu, piirikunta, जिला, 県) and their joining words, learned from the data rather
    than listed by hand. An affix that is itself a name (Berlin in "Berlin-Mitte") is left out,
    and so is a single letter (the l of l'Aquila)."""
    return frozenset(a for a, n in counts.items() if n >= AFFIX_MIN_ENTRIES and len(a) > 2 and a[1:] not in keys)


def build_index(entries: Iterable[Entry]) -> Index:
    """Compile entries into an Index. The key functions run uncached here: a million names would
    fill their caches with entries that text scanning never asks for again."""
    fold_ = inspect.unwrap(fold)
    latin_ = inspect.unwrap(latin_key)
    skeleton_ = inspect.unwrap(skeleton)
    entry_ids: list[str] = []
    name_entry = array("I")
    name_pos = array("H")
    keys: dict[str, Posting] = {}
    skeletons: dict[str, Posting] = {}
    stems: dict[str, Posting] = {}
    max_words: dict[str, int] = {}
    priors = array("B")
    name_flags = bytearray()
    latin_keys: set[str] = set()

    pairs: set[str] = set()
    lower_firsts: set[str] = set()
    affix_counts: Counter[str] = Counter()

    def note_words(key: str) -> None:
        words = key.split(" ")
        if len(words) > 1:
            pairs.add(words[0] + " " + words[1])
            if max_words.get(words[0], 0) < len(words):
                max_words[words[0]] = len(words)

    entries = list(entries)
    entry_flags = bytearray()
    first_cities = _first_cities(entries)
    by_id = {e.id: k for k, e in enumerate(entries)}
    ceded = _ceded_names(entries, by_id, fold_)
    for e_num, entry in enumerate(entries):
        entry_ids.append(entry.id)
        priors.append(entry_prior(entry))
        flags = (IMPORTED if is_imported(entry) else 0) | (MAJOR if is_major(entry, e_num in first_cities) else 0)
        entry_flags.append(flags)
        # A minor entry (see is_major) is read by its spelling only: no skeleton, whose loose
        # matches would land tens of thousands of towns on common words (Vereinten, Warrenton).
        minor = flags == IMPORTED
        entry_folded: set[str] = set()
        for pos, name in enumerate(entry.names):
            nid = len(name_entry)
            name_entry.append(e_num)
            name_pos.append(pos)
            first = next((c for c in name.text if c.isalpha()), "")
            # An import's variant, or any import's name with no language (a romanization Who's On
            # First lists under Armenian, K'ilis), is weak evidence, unless it is the entry's label
            # (the canonical English name, chosen by the policy in gazetteer/README.md).
            untagged = name.kind == "variant" or name.langs == ("und",)
            weak = untagged and set(name.sources) <= IMPORT_SOURCES and name.text != entry.name
            name_flags.append((LOWER_INITIAL if first.islower() else 0) | (WEAK if weak else 0))
            folded = fold_(name.text)
            if not folded or folded in ceded.get(e_num, ()):
                continue
            entry_folded.add(folded)
            if first.islower():
                lower_firsts.add(folded.partition(" ")[0])
            _add(keys, folded, nid * 4 + FOLDED)
            note_words(folded)
            readings = [latin_(name.text)]
            if lang.reads_turkic(name.langs):
                readings.append(latin_(name.text, turkic=True))
            readings = list(dict.fromkeys(readings))  # in order: the build must not depend on hashing
            entry_folded.update(readings)
            if name.script in LOOSELY_ROMANIZED:
                readings = [folded]  # see exonym.text.romanize: read by its own spelling only
            for latin in readings:
                if latin != folded:
                    _add(keys, latin, nid * 4 + LATIN)
                    note_words(latin)
                latin_keys.add(latin)
                if not minor:
                    skel = skeleton_(latin)
                    _add(skeletons, skel, nid * 4 + SKELETON)
                    note_words(skel)
            words = folded.split(" ")
            if entry.type in _SHORT_FORM_TYPES and not name.is_adjective and len(words) > 1:
                generic = lang.all_generic_terms()
                if words[-1] in generic:
                    _add(keys, " ".join(words[:-1]), nid * 4 + SHORT)
                elif words[0] in generic:
                    _add(keys, " ".join(words[1:]), nid * 4 + SHORT)
            # the forms a declined name takes in its own script (see exonym.text.lang)
            for variant in lang.name_variants(words, name.script):
                _add(keys, variant, nid * 4 + FOLDED)
                note_words(variant)
            stem = lang.name_stem(folded, name.script, short=not minor)
            if stem is not None:
                _add(stems, stem, nid * 4 + STEM)
                note_words(stem)
                if first.islower():  # an inflected lower-case adjective (азербайджанской) may start too
                    lower_firsts.add(stem.partition(" ")[0])
        affix_counts.update(_affixes_of(entry_folded))
    _namesake_divisions(entries, by_id, priors, fold_, ceded)
    return Index(
        entry_ids=entry_ids,
        name_entry=name_entry,
        name_pos=name_pos,
        keys=PackedMap(keys),
        skeletons=PackedMap(skeletons),
        stems=PackedMap(stems),
        max_words=PackedMap(max_words),  # type: ignore[arg-type]
        fuzzy=FuzzyIndex(latin_keys),
        priors=priors,
        name_flags=name_flags,
        entry_flags=entry_flags,
        pairs=PackedSet(pairs),
        lower_firsts=lower_firsts,
        calendar_words=calendar_words(),
        calendar_languages=calendar_word_languages(),
        affixes=learn_affixes(affix_counts, keys),
        institutions=learn_institutions(entries),
    )


def index_stats(index: Index) -> dict[str, Any]:
    return {
        "names": len(index),
        "keys": len(index.keys),
        "skeletons": len(index.skeletons),
        "stems": len(index.stems),
        "fuzzy_keys": len(index.fuzzy.keys),
        "fuzzy_hashes": int(index.fuzzy.hashes.size),
    }
