"""Misspelt names: a deletion neighbourhood over Latin keys (SymSpell), never a scan of all names."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

from exonym.compiled import CORE
from exonym.resolver.packed import stable_hash


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
                hashes.append(stable_hash(variant))
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
    def to_sections(self) -> dict[str, Any]:
        h, i, n = self.arrays
        return {"fuzzy.keys": self.keys, "fuzzy.hashes": h.tobytes(), "fuzzy.ids": i.tobytes(), "fuzzy.lengths": n.tobytes()}

    @classmethod
    def from_sections(cls, sections: dict[str, Any]) -> FuzzyIndex:
        out = cls.__new__(cls)
        out.keys = sections["fuzzy.keys"]
        out._raw = (sections["fuzzy.hashes"], sections["fuzzy.ids"], sections["fuzzy.lengths"])
        if len(out._raw[0]) != 2 * len(out._raw[1]) or len(out._raw[2]) != 2 * len(out.keys):
            raise ValueError("the fuzzy index's arrays do not fit together")
        out._arrays = None
        return out

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
        if CORE is not None:
            return [self.keys[i] for i in CORE.fuzzy_ids(key, self.PREFIX, hashes, ids, lengths_all, max_len_diff)]
        variants = self._deletions(key[: self.PREFIX], 2) | {"$" + v for v in self._deletions(key[-self.PREFIX :], 2)}
        probes = np.fromiter((stable_hash(v) for v in variants), dtype=np.uint64, count=len(variants))
        left = np.searchsorted(hashes, probes, side="left")
        right = np.searchsorted(hashes, probes, side="right")
        hits = [ids[a:b] for a, b in zip(left.tolist(), right.tolist(), strict=True) if b > a]
        if not hits:
            return []
        found = np.unique(np.concatenate(hits))
        lengths = lengths_all[found].astype(np.int32)
        found = found[np.abs(lengths - len(key)) <= max_len_diff]
        return [self.keys[i] for i in found.tolist()]
