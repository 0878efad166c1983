"""The Gazetteer: every entry of a gazetteer folder, checked, with its index, lookup and
resolution, and names for readers.

Loading reads the compiled cache when one matches the folder (see exonym.data.cache: data only,
keyed by the folder's content and path and by the code that compiles it), and otherwise reads and
checks every YAML file and builds the index, then writes the cache for next time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exonym import _version
from exonym.data import cache
from exonym.data.folder import ScanResult, bundled_path, data_files, data_paths, display_path, entry_files, safe_bytes, scan
from exonym.data.layers import layer_files
from exonym.data.styles import Style
from exonym.errors import DataError, GazetteerError, InputError, UnknownEntry
from exonym.model import Entry, LazyEntries, Source, entry_to_raw

if TYPE_CHECKING:
    from exonym.glossary.names import LocaleName
    from exonym.resolver.budget import Budget
    from exonym.resolver.index import Index
    from exonym.resolver.results import Candidate, Mention

__all__ = ["Gazetteer", "build", "bundled_path", "load_path"]

CACHE_FORMAT = 7
# A cold load says what it is doing at INFO on this logger: Python's default shows nothing below
# WARNING, so a library user's program stays quiet, and the command line shows it on stderr.
log = logging.getLogger(__name__)
# Seconds a cold load spends per entry (reading, checking, indexing), measured on the bundled
# gazetteer: a curated YAML entry costs about five layer lines.
SECONDS_PER_CURATED_ENTRY = 0.003
SECONDS_PER_LAYER_ENTRY = 0.0006
# The packages whose code decides what the compiled cache holds; their files (and the language
# word lists) are part of the cache key, so a changed rule rebuilds it.
_COMPILING = ("model.py", "text", "data", "resolver")
CLOSE_ID_RATIO = 75  # rapidfuzz ratio above which an id is offered as "did you mean" (gyumry/gyumri is 83)


class Gazetteer:
    """A checked set of entries, with lookup and resolution over them."""

    def __init__(
        self,
        entries: Mapping[str, Entry],
        sources: dict[str, Source],
        *,
        root: Path | None = None,
        digest: str = "",
        styles: dict[str, Style] | None = None,
    ) -> None:
        self.entries = entries
        self.sources = sources
        self.styles = styles or {}
        self.root = root
        self.digest = digest
        self.layers = True  # whether the generated layers were read (see load_path)
        self._index: Index | None = None
        self._children: dict[str, tuple[str, ...]] | None = None
        self._numbers: dict[str, int] | None = None
        self._ancestor_sets: dict[str, frozenset[str]] = {}
        self._covered_by: dict[str, tuple[str, ...]] | None = None
        self._organizations: frozenset[str] | None = None
        self._names: dict[tuple[str, str, int | None, str | None, bool], tuple[Entry, LocaleName]] = {}

    # -- entries ---------------------------------------------------------------------------
    def get(self, entry_id: str, *, parameter: str | None = "id") -> Entry:
        """The entry with this id; raises UnknownEntry (a KeyError), with close ids, otherwise."""
        try:
            return self.entries[entry_id]
        except (KeyError, TypeError):
            raise UnknownEntry(str(entry_id), parameter=parameter, suggestions=self.close_ids(str(entry_id))) from None

    def close_ids(self, entry_id: str, limit: int = 3) -> tuple[str, ...]:
        """The ids most like a mistyped one (gyumry -> gyumri), best first: only ever asked on a miss,
        so scanning every id costs nothing a user would notice."""
        from rapidfuzz import fuzz, process

        found = process.extract(entry_id, list(self.entries), scorer=fuzz.ratio, limit=limit, score_cutoff=CLOSE_ID_RATIO)
        return tuple(eid for eid, _, _ in found)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def ancestors(self, entry_id: str) -> list[str]:
        """Every ancestor id, nearest first, each once."""
        out: list[str] = []
        frontier = list(self.get(entry_id).parents)
        while frontier:
            pid = frontier.pop(0)
            if pid in out or pid not in self.entries:
                continue
            out.append(pid)
            frontier.extend(self.entries[pid].parents)
        return out

    def ancestor_set(self, entry_id: str) -> frozenset[str]:
        """ancestors() as a set, kept: the resolver asks for the same few entries again and again."""
        found = self._ancestor_sets.get(entry_id)
        if found is None:
            found = self._ancestor_sets[entry_id] = frozenset(self.ancestors(entry_id))
        return found

    def covering(self, entry_id: str) -> list[str]:
        """The entries (disputed territories, historical units) whose `covers` name this entry or
        one of its ancestors, sorted: Askeran lies in Nagorno-Karabakh though its parent does not."""
        if self._covered_by is None:
            covered: dict[str, list[str]] = {}
            for e in self.entries.values():
                for c in e.covers:
                    covered.setdefault(c, []).append(e.id)
            self._covered_by = {k: tuple(v) for k, v in covered.items()}
        if not self._covered_by:
            return []
        return sorted({c for eid in (entry_id, *self.ancestor_set(entry_id)) for c in self._covered_by.get(eid, ())})

    def areas(self, entry_id: str) -> frozenset[str]:
        """Every entry this one lies within: its ancestors, and the entries covering it with theirs."""
        coverers = self.covering(entry_id)
        return self.ancestor_set(entry_id).union(coverers, *(self.ancestor_set(c) for c in coverers))

    def index_number(self, entry_id: str) -> int:
        """The entry's position in the index (for its prior)."""
        if self._numbers is None:
            self._numbers = {eid: i for i, eid in enumerate(self.index.entry_ids)}
        return self._numbers[entry_id]

    def children(self, entry_id: str) -> tuple[str, ...]:
        if self._children is None:
            kids: dict[str, list[str]] = {}
            for e in self.entries.values():
                for p in e.parents:
                    kids.setdefault(p, []).append(e.id)
            self._children = {k: tuple(sorted(v)) for k, v in kids.items()}
        return self._children.get(entry_id, ())

    def stats(self) -> dict[str, int]:
        langs = {lang for e in self for n in e.names for lang in n.langs}
        return {
            "entries": len(self.entries),
            "names": sum(len(e.names) for e in self),
            "languages": len(langs),
            "sources": len(self.sources),
        }

    def country_of(self, entry_id: str) -> str | None:
        """The nearest ancestor (or the entry itself) that is a country: the recognised state."""
        for eid in (entry_id, *self.ancestors(entry_id)):
            if self.entries[eid].type == "country":
                return eid
        return None

    def style(self, style_id: str) -> Style:
        try:
            return self.styles[style_id]
        except KeyError:
            known = ", ".join(sorted(self.styles)) or "none (no styles.yaml)"
            raise InputError(f"unknown style {style_id!r}; known styles: {known}", parameter="style") from None

    # -- names for readers -----------------------------------------------------------------
    def name_in(
        self, entry: str | Entry, locale: str, *, at: int | None = None, style: str | None = None, first: bool = True
    ) -> LocaleName:
        """The entry's name for `locale` at year `at` under a house style; see exonym.glossary.names.
        Answers are kept (entries never change), so a newsroom's repeated names cost nothing."""
        e = entry if isinstance(entry, Entry) else self.get(entry)
        key = (e.id, locale, at, style, first)
        cached = self._names.get(key)
        if cached is not None and cached[0] is e:
            return cached[1]
        found = self._name_in(e, locale, at, style, first)
        if len(self._names) >= 100_000:  # bounded: a server sees many (entry, locale) pairs
            self._names.clear()
        self._names[key] = (e, found)
        return found

    def _name_in(self, e: Entry, locale: str, at: int | None, style: str | None, first: bool) -> LocaleName:
        from exonym.glossary.names import name_in

        chosen = self.style(style) if style else None
        country = self.country_of(e.id) if chosen is not None and chosen.prefer_recognised_state else None
        if chosen is not None and self._organizations is None:
            self._organizations = frozenset(x.id for x in self if x.type == "organization")
        orgs = self._organizations or frozenset()
        return name_in(e, locale, at=at, style=chosen, country=country, first=first, neutral_users=orgs)

    # -- matching --------------------------------------------------------------------------
    @property
    def index(self) -> Index:
        if self._index is None:
            from exonym.resolver.index import build_index

            self._index = build_index(self.entries.values())
        return self._index

    def lookup(self, query: str, *, lang: str | None = None, limit: int = 5, types: Any = None) -> list[Candidate]:
        """Entries ranked for one name (any script, inflected, misspelled); see exonym.lookup."""
        from exonym.resolver.resolution import lookup

        return lookup(self, query, lang=lang, limit=limit, types=types)

    def resolve(
        self, text: str, *, lang: str | None = None, types: Any = None, include_adjectives: bool = False, budget: Budget | None = None
    ) -> list[Mention]:
        """Every place and term mentioned in `text`; see exonym.resolve. A `budget` bounds the
        work (deadline, cancellation, number of mentions)."""
        from exonym.resolver.resolution import resolve

        return resolve(self, text, lang=lang, types=types, include_adjectives=include_adjectives, budget=budget)


def build(result: ScanResult) -> Gazetteer:
    """A Gazetteer from a scan, or DataError listing every error."""
    if result.errors:
        raise DataError(result.errors)
    entries = {item.entry.id: item.entry for item in result.loaded}
    return Gazetteer(entries, result.sources, root=result.root, styles=result.styles)


def content_digest(root: Path) -> str:
    """A hash of every data file's relative path and bytes: changes when any data changes. Files
    the loader would refuse count by name only (loading them then fails with their diagnostic)."""
    h = hashlib.sha256()
    for path in data_files(root):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(safe_bytes(path, root) or b"\1refused")
        h.update(b"\0")
    return h.hexdigest()[:32]


RACY_SECONDS = 3.0  # a file changed this recently may change again within its clock's resolution


def stat_fingerprint(root: Path) -> tuple[str, float]:
    """A hash of every data file's path, size, times and inode, read without opening any file
    (an edit changes a file's change time, ctime, even when it keeps its size and modification
    time; a replaced file has a new inode), and the newest ctime seen."""
    h = hashlib.sha256()
    newest = 0.0
    for path in data_paths(root):
        h.update(os.path.relpath(path, root).encode())
        try:
            seen = [os.lstat(path), os.stat(path)]  # the link and what it points to
        except OSError:
            h.update(b"\0missing\0")
            continue
        for info in seen:
            h.update(f"\0{info.st_mode}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}".encode())
            newest = max(newest, info.st_ctime, info.st_mtime)
        h.update(b"\0")
    return h.hexdigest(), newest


def known_content_digest(root: Path) -> str:
    """content_digest(root), from a memo in the cache folder when no data file has changed since
    it was computed (their stat_fingerprint is the same): a load then opens no data file. Reading
    and hashing every file took 0.24 s of a 0.55 s load with the world layer."""
    memo = cache.cache_dir() / f"digest-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]}.json"
    fingerprint, newest = stat_fingerprint(root)
    digest = cache.recalled(memo, fingerprint)
    if digest is None:
        digest = content_digest(root)
        # A file changed in the last seconds could change again without its times showing it
        # (a file system that keeps whole seconds): such a fingerprint is not remembered.
        if newest < time.time() - RACY_SECONDS:
            cache.remember(memo, fingerprint, digest)
    return digest


def compiling_files() -> list[Path]:
    """The package files whose content decides what a compiled cache holds, found by walking
    the compiling packages (never a hand-kept list)."""
    package = Path(__file__).parent
    out = []
    for part in _COMPILING:
        found = [package / part] if part.endswith(".py") else sorted((package / part).rglob("*"))
        out += [f for f in found if f.suffix in (".py", ".yaml", ".json") and f.is_file()]
    return out


def code_digest() -> str:
    """A hash of the code and word lists that compile a gazetteer."""
    package = Path(__file__).parent
    h = hashlib.sha256(f"{CACHE_FORMAT}:{_version.__version__}".encode())
    for f in compiling_files():
        h.update(f.relative_to(package).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cache_path(root: Path, digest: str, layers: bool) -> Path:
    where = hashlib.sha256(f"{root.resolve()}\0{layers}".encode()).hexdigest()[:12]
    return cache.cache_dir() / f"gazetteer-{where}-{digest}-{code_digest()}.cache"


def layers_wanted(layers: bool | None) -> bool:
    """Whether to read the generated layers: as asked, else EXONYM_LAYERS (on unless 0/off/no)."""
    if layers is not None:
        return layers
    return os.environ.get("EXONYM_LAYERS", "on").strip().lower() not in ("0", "off", "no", "false")


def load_path(root: Path | str, *, use_cache: bool = True, layers: bool | None = None) -> Gazetteer:
    """Load a gazetteer folder, from the compiled cache when one matches its content and path.
    `layers` (default: on, or EXONYM_LAYERS) reads the generated layers under the curated YAML."""
    root = Path(root)
    if not root.is_dir():
        raise GazetteerError(f"no gazetteer folder at {root}")
    with_layers = layers_wanted(layers)
    digest = known_content_digest(root) if use_cache else content_digest(root)
    path = _cache_path(root, digest, with_layers)
    if use_cache and path.exists():
        try:
            found = _from_cache(path, root, digest)
            found.layers = with_layers
            return found
        except cache.CacheRefused as why:
            if path.exists() and "does not exist" not in str(why):
                cache.warn_refused(why)
        except (ValueError, KeyError, TypeError, IndexError):  # a well-formed file of the wrong shape
            pass
    if use_cache:
        log.info(build_notice(root, with_layers))
    gaz = build(scan(root, layers=with_layers))
    gaz.digest = digest
    gaz.layers = with_layers
    if use_cache:
        _ = gaz.index  # compile the index into the cache
        try:
            cache.write(path, _to_sections(gaz), {"format": CACHE_FORMAT, "digest": digest})
            cache.prune(path.parent, path, path.name.split("-")[0] + "-" + path.name.split("-")[1] + "-")
        except cache.CacheRefused as why:
            cache.warn_refused(why)
        except OSError:  # a read-only home must not stop anyone from resolving
            pass
    return gaz


def build_notice(root: Path, layers: bool) -> str:
    """What a cold load is about to do and how long it takes, from a count of the files' entries
    (cheap: the YAML files and the layers' lines, not their content)."""
    curated = len(entry_files(root))
    generated = sum(_count_lines(p) - 1 for p in layer_files(root)) if layers else 0  # less the header line
    seconds = curated * SECONDS_PER_CURATED_ENTRY + generated * SECONDS_PER_LAYER_ENTRY
    took = f"{round(seconds / 60)} min" if seconds >= 90 else f"{max(1, round(seconds, -1 if seconds >= 15 else 0)):.0f} s"
    return f"building the index for {_about(curated + generated)} entries (about {took}, once; cached in {cache.cache_dir()})"


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))


def _about(count: int) -> str:
    """A count as an estimate reads: two significant digits past a thousand (40,000)."""
    if count < 1000:
        return str(count)
    digits = len(str(count)) - 2
    return f"{round(count, -digits):,}"


def _to_sections(gaz: Gazetteer) -> dict[str, Any]:
    from array import array

    root = gaz.root
    rows: list[bytes] = []
    for e in gaz.entries.values():
        raw = list(entry_to_raw(e))
        if root is not None and e.path:  # kept relative to the folder: the cache serves one folder
            raw[-1] = os.path.relpath(os.path.abspath(e.path), root.resolve())
        rows.append(json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    offsets = array("Q", [0])
    for row in rows:
        offsets.append(offsets[-1] + len(row))
    sections: dict[str, Any] = {
        "entry.ids": list(gaz.entries),
        "entry.rows": b"".join(rows),
        "entry.offsets": offsets,
        "sources": {k: [v.title, v.url, v.kind] for k, v in gaz.sources.items()},
        "styles": [_style_raw(s) for s in gaz.styles.values()],
    }
    sections.update(gaz.index.to_sections())
    return sections


def _style_raw(style: Style) -> dict[str, Any]:
    import dataclasses

    return dataclasses.asdict(style)


def _style_from(raw: dict[str, Any]) -> Style:
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
    return Style(**fields)


def _from_cache(path: Path, root: Path, digest: str) -> Gazetteer:
    from exonym.resolver.index import Index

    meta, sections = cache.read(path)
    if meta.get("format") != CACHE_FORMAT or meta.get("digest") != digest:
        raise cache.CacheRefused(f"{path} holds another gazetteer")
    rows, offsets, ids = sections["entry.rows"], sections["entry.offsets"], sections["entry.ids"]
    if len(offsets) != len(ids) + 1 or offsets[-1] != len(rows):
        raise cache.CacheRefused(f"{path} has an inconsistent entry table")
    where = {eid: k for k, eid in enumerate(ids)}

    def row(eid: str) -> tuple[Any, ...]:
        k = where[eid]
        raw = json.loads(rows[offsets[k] : offsets[k + 1]])
        if raw[-1] is not None:
            raw[-1] = display_path(root / raw[-1])
        return tuple(raw)

    sources = {k: Source(k, *v) for k, v in sections["sources"].items()}
    styles = {raw["id"]: _style_from(raw) for raw in sections["styles"]}
    gaz = Gazetteer(LazyEntries(ids, row), sources, root=root, digest=digest, styles=styles)
    gaz._index = Index.from_sections(sections)
    return gaz
