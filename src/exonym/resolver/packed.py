"""Read-only maps of strings in flat arrays, for an index of a million names.

Keys are stored as 64-bit hashes that are the same in every process (`stable_hash`; Python's str
hashes are salted per process), sorted, beside their postings. A hash collision can only add a
candidate, which the resolver's checks then weigh like any other.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from exonym.compiled import CORE

Posting = int | tuple[int, ...]


def _stable_hash(text: str) -> int:
    """A 64-bit hash of a string, the same in every process and on every machine: CRC-32 and
    Adler-32 of its UTF-8 bytes (the compiled core computes the same in C)."""
    data = text.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


stable_hash = CORE.stable_hash if CORE is not None else _stable_hash


def _find_key(text: str, hashes: array[int]) -> int:
    """Where the stable hash of `text` stands in the sorted `hashes`, or -1."""
    h = _stable_hash(text)
    i = bisect_left(hashes, h)
    return i if i < len(hashes) and hashes[i] == h else -1


find_key = CORE.find_key if CORE is not None else _find_key


class PackedMap:
    """A read-only str -> Posting map in three flat arrays (sorted key hashes, offsets,
    postings): about 16 bytes a key where a dict of str takes over 100. A hash collision can
    only add a candidate, which the resolver's checks then weigh like any other."""

    __slots__ = ("_hashes", "_offsets", "_values")

    def __init__(self, source: dict[str, Posting]) -> None:
        rows = sorted((stable_hash(k), v) for k, v in source.items())
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
        i = find_key(key, self._hashes)
        if i < 0:
            return default
        a, b = self._offsets[i], self._offsets[i + 1]
        return self._values[a] if b - a == 1 else tuple(self._values[a:b])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and find_key(key, self._hashes) >= 0

    def __len__(self) -> int:
        return len(self._hashes)

    def to_sections(self, name: str) -> dict[str, array[int]]:
        return {f"{name}.hashes": self._hashes, f"{name}.offsets": self._offsets, f"{name}.values": self._values}

    @classmethod
    def from_sections(cls, sections: dict[str, Any], name: str) -> PackedMap:
        """The map from its arrays, after checking that they fit together."""
        out = cls.__new__(cls)
        out._hashes, out._offsets, out._values = (sections[f"{name}.{part}"] for part in ("hashes", "offsets", "values"))
        shapes = (out._hashes.typecode, out._offsets.typecode, out._values.typecode)
        if shapes != ("Q", "I", "I") or len(out._offsets) != len(out._hashes) + 1 or out._offsets[-1] != len(out._values):
            raise ValueError(f"the arrays of {name} do not fit together")
        return out


class PackedSet:
    """A read-only set of strings as sorted 64-bit hashes."""

    __slots__ = ("_hashes",)

    def __init__(self, items: Iterable[str]) -> None:
        self._hashes = array("Q", sorted({stable_hash(x) for x in items}))

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return find_key(key, self._hashes) >= 0

    def __len__(self) -> int:
        return len(self._hashes)

    def to_sections(self, name: str) -> dict[str, array[int]]:
        return {f"{name}.hashes": self._hashes}

    @classmethod
    def from_sections(cls, sections: dict[str, Any], name: str) -> PackedSet:
        out = cls.__new__(cls)
        out._hashes = sections[f"{name}.hashes"]
        if out._hashes.typecode != "Q":
            raise ValueError(f"the array of {name} is of the wrong kind")
        return out


def postings(value: Posting | None) -> tuple[int, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value
