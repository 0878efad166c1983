"""The compiled, immutable index: normalized keys -> names, built once from the entries.

Keys, coarsest last (see normalize): the folded form, the Latin transliteration, the skeleton,
and for Cyrillic names the stem key of morphology. Every key is a space-joined word sequence,
so the matcher can walk a text word by word and try the longest sequence first.

Postings are ints: `name_id * 4 + level`, one int when a key has one name, a tuple otherwise;
this keeps the index small enough for a million names. Misspellings go through `FuzzyIndex`,
a deletion neighbourhood over Latin keys, never a scan of all names.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from exonym.model import Entry, Name
from exonym.text.lang.morphology_old import armenian_syncope, slavic_name_key
from exonym.text.normalize import TURKIC_LANGS, fold, latin_key, skeleton

# Levels, in the order the matcher trusts them. In `keys`, level 2 marks a short form: a
# division's name without its generic term (Tovuz District -> Tovuz).
FOLDED = 0
LATIN = 1
SKELETON = 2
SHORT = 2
STEM = 3

# Generic terms of division names, folded, in the languages of the gazetteer's divisions.
GENERIC_TERMS = frozenset(
    """district region province rayon rayonu raion oblast governorate municipality county
    prefecture canton department departement bezirk provinz distrikt distrito provincia region
    ilcesi ili bolgesi ostani shahrestan mintaqa rayonu sehri seheri
    район области область край марз
    մարզ շրջան
    მხარე მუნიციპალიტეტი რაიონი
    شهرستان استان مقاطعة محافظة منطقة""".split()
)
_SHORT_FORM_TYPES = frozenset({"district", "first-level-division"})
LEVEL_NAMES = ("folded", "transliterated", "transliterated", "inflected")

Posting = int | tuple[int, ...]

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


def _key_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (str hashes are salted per process)."""
    data = text.encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


class PackedMap:
    """A read-only str -> Posting map in three flat arrays (sorted key hashes, offsets,
    postings): about 16 bytes a key where a dict of str takes over 100. A hash collision can
    only add a candidate, which the resolver's checks then weigh like any other."""

    __slots__ = ("_hashes", "_offsets", "_values")

    def __init__(self, source: dict[str, Posting]) -> None:
        rows = sorted((_key_hash(k), v) for k, v in source.items())
        self._hashes = array("Q")
        self._offsets = array("I", [0])
        self._values = array("I")
        for h, v in rows:
            if self._hashes and self._hashes[-1] == h:  # two keys, one hash: merge their postings
                self._values.extend(postings(v))
                self._offsets[-1] = len(self._values)
                continue
            self._hashes.append(h)
            self._values.extend(postings(v))
            self._offsets.append(len(self._values))

    def get(self, key: str, default: Any = None) -> Any:
        h = _key_hash(key)
        i = bisect_left(self._hashes, h)
        if i == len(self._hashes) or self._hashes[i] != h:
            return default
        a, b = self._offsets[i], self._offsets[i + 1]
        return self._values[a] if b - a == 1 else tuple(self._values[a:b])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self._hashes)


class PackedSet:
    """A read-only set of strings as sorted 64-bit hashes."""

    __slots__ = ("_hashes",)

    def __init__(self, items: Iterable[str]) -> None:
        self._hashes = array("Q", sorted({_key_hash(x) for x in items}))

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        h = _key_hash(key)
        i = bisect_left(self._hashes, h)
        return i < len(self._hashes) and self._hashes[i] == h

    def __len__(self) -> int:
        return len(self._hashes)


def postings(value: Posting | None) -> tuple[int, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


def _turkic(name: Name) -> bool:
    return any(lang.split("-")[0] in TURKIC_LANGS for lang in name.langs)


class FuzzyIndex:
    """Latin keys by their deletion neighbourhood (SymSpell): each key's first and last `PREFIX`
    letters and every one-letter deletion of them, hashed into one sorted array. A query looks up
    its own deletions (up to two), so keys within about two edits of the query's start or end
    come back without touching the others."""

    PREFIX = 7
    MIN_LENGTH = 5

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys: list[str] = sorted({k for k in keys if len(k) >= self.MIN_LENGTH})
        hashes = array("Q")
        ids = array("I")
        for i, key in enumerate(self.keys):
            # The first letters, and the last ones marked apart: a typo near the start of a
            # name still leaves its end to find it by.
            for variant in self._deletions(key[: self.PREFIX], 1) | {"$" + v for v in self._deletions(key[-self.PREFIX :], 1)}:
                hashes.append(self._hash(variant))
                ids.append(i)
        import numpy as np

        h = np.frombuffer(hashes, dtype=np.uint64) if hashes else np.zeros(0, dtype=np.uint64)
        order = np.argsort(h, kind="stable")
        self._arrays: tuple[Any, Any, Any] | None = (
            h[order],
            (np.frombuffer(ids, dtype=np.uint32) if ids else np.zeros(0, dtype=np.uint32))[order],
            np.fromiter((len(k) for k in self.keys), dtype=np.uint16, count=len(self.keys)),
        )
        self._raw: tuple[bytes, bytes, bytes] | None = None

    # The arrays travel as bytes and become numpy arrays on first use, so that loading a
    # gazetteer does not import numpy (a tenth of a second) until a misspelling needs it.
    def __getstate__(self) -> dict[str, Any]:
        h, i, n = self.arrays
        return {"keys": self.keys, "raw": (h.tobytes(), i.tobytes(), n.tobytes())}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.keys = state["keys"]
        self._raw = state["raw"]
        self._arrays = None

    @property
    def arrays(self) -> tuple[Any, Any, Any]:
        if self._arrays is None:
            import numpy as np

            assert self._raw is not None
            h, i, n = self._raw
            self._arrays = (np.frombuffer(h, dtype=np.uint64), np.frombuffer(i, dtype=np.uint32), np.frombuffer(n, dtype=np.uint16))
        return self._arrays

    @property
    def hashes(self) -> Any:
        return self.arrays[0]

    @staticmethod
    def _hash(text: str) -> int:
        data = text.encode("utf-8")
        return (zlib.crc32(data) << 32) | zlib.adler32(data)

    @staticmethod
    def _deletions(word: str, depth: int) -> set[str]:
        out = {word}
        frontier = {word}
        for _ in range(depth):
            nxt = set()
            for w in frontier:
                for i in range(len(w)):
                    nxt.add(w[:i] + w[i + 1 :])
            out |= nxt
            frontier = nxt
        return out

    def candidates(self, key: str, *, max_len_diff: int = 3) -> list[str]:
        """Keys whose prefix is within reach of `key`'s prefix, of a similar length."""
        import numpy as np

        hashes, ids, lengths_all = self.arrays
        if len(key) < self.MIN_LENGTH or not len(hashes):
            return []
        variants = self._deletions(key[: self.PREFIX], 2) | {"$" + v for v in self._deletions(key[-self.PREFIX :], 2)}
        probes = np.fromiter((self._hash(v) for v in variants), dtype=np.uint64, count=len(variants))
        left = np.searchsorted(hashes, probes, side="left")
        right = np.searchsorted(hashes, probes, side="right")
        hits = [ids[a:b] for a, b in zip(left.tolist(), right.tolist(), strict=True) if b > a]
        if not hits:
            return []
        found = np.unique(np.concatenate(hits))
        lengths = lengths_all[found].astype(np.int32)
        found = found[np.abs(lengths - len(key)) <= max_len_diff]
        return [self.keys[i] for i in found.tolist()]


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
    pairs: PackedSet  # "first second" words of every multi-word key
    lower_firsts: set[str]  # first words of names written in lower case (al-Quds, i-Turkey)

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


def entry_prior(entry: Entry) -> int:
    """How likely a random mention of one of this entry's names means this entry (0-100):
    type first, then population, a little for curated (cited, non-import) names."""
    import math

    prior = _TYPE_PRIOR.get(entry.type, 20)
    if entry.population:
        prior += min(25, int(math.log10(max(entry.population, 1)) * 4) - 12)
    curated = any(s not in ("geonames", "cldr") for n in entry.names for s in n.sources)
    return max(0, min(100, prior + (8 if curated else 0)))


def build_index(entries: Iterable[Entry]) -> Index:
    """Compile entries into an Index. The key functions run uncached here: a million names would
    fill their caches with entries that text scanning never asks for again."""
    fold_ = fold.__wrapped__
    latin_ = latin_key.__wrapped__
    skeleton_ = skeleton.__wrapped__
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

    def note_words(key: str) -> None:
        words = key.split(" ")
        if len(words) > 1:
            pairs.add(words[0] + " " + words[1])
            if max_words.get(words[0], 0) < len(words):
                max_words[words[0]] = len(words)

    for e_num, entry in enumerate(entries):
        entry_ids.append(entry.id)
        priors.append(entry_prior(entry))
        for pos, name in enumerate(entry.names):
            nid = len(name_entry)
            name_entry.append(e_num)
            name_pos.append(pos)
            first = next((c for c in name.text if c.isalpha()), "")
            weak = name.kind == "variant" and set(name.sources) <= {"geonames", "cldr"}
            name_flags.append((LOWER_INITIAL if first.islower() else 0) | (WEAK if weak else 0))
            folded = fold_(name.text)
            if not folded:
                continue
            if first.islower():
                lower_firsts.add(folded.partition(" ")[0])
            _add(keys, folded, nid * 4 + FOLDED)
            note_words(folded)
            readings = [latin_(name.text)]
            if _turkic(name):
                readings.append(latin_(name.text, turkic=True))
            readings = list(dict.fromkeys(readings))  # in order: the build must not depend on hashing
            for latin in readings:
                if latin != folded:
                    _add(keys, latin, nid * 4 + LATIN)
                    note_words(latin)
                latin_keys.add(latin)
                skel = skeleton_(latin)
                _add(skeletons, skel, nid * 4 + SKELETON)
                note_words(skel)
            if entry.type in _SHORT_FORM_TYPES and not name.is_adjective:
                words = folded.split(" ")
                if len(words) > 1 and words[-1] in GENERIC_TERMS:
                    _add(keys, " ".join(words[:-1]), nid * 4 + SHORT)
                elif len(words) > 1 and words[0] in GENERIC_TERMS:
                    _add(keys, " ".join(words[1:]), nid * 4 + SHORT)
            if name.script == "Geor" and " " in folded:
                # Georgian adjectives drop their -ი before a declined noun: მთიანი ყარაბაღი ->
                # მთიან ყარაბაღში. The last word's case comes from morphology.bases.
                words = folded.split(" ")
                inner = [w[:-1] if w.endswith("ი") and len(w) > 3 else w for w in words[:-1]]
                if inner != words[:-1]:
                    _add(keys, " ".join([*inner, words[-1]]), nid * 4 + FOLDED)
                    note_words(" ".join([*inner, words[-1]]))
            if name.script == "Armn":
                # Declined names lose the last syllable's vowel: ԵԱՀԿ Մինսկի խումբ -> ... խմբի.
                words = folded.split(" ")
                short = armenian_syncope(words[-1])
                if short and len(short) >= 3:
                    _add(keys, " ".join([*words[:-1], short]), nid * 4 + FOLDED)
                    note_words(" ".join([*words[:-1], short]))
            if name.script == "Cyrl":
                stem, _ = slavic_name_key(folded)
                _add(stems, stem, nid * 4 + STEM)
                note_words(stem)
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
        pairs=PackedSet(pairs),
        lower_firsts=lower_firsts,
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
