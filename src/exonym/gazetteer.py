"""The Gazetteer: every entry of a gazetteer folder, checked, with the index built on demand.

Loading parses YAML only to build a compiled cache (pickle keyed by a hash of the folder's
content); later loads start from the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exonym import __version__
from exonym.data.checks import check_entries
from exonym.data.loader import LoadedEntry, read_entry, read_sources, read_text
from exonym.data.styles import Style
from exonym.diagnostics import Diagnostic
from exonym.errors import DataError, GazetteerError, InputError, UnknownEntry
from exonym.model import Entry, LazyEntries, Source, entry_to_raw

if TYPE_CHECKING:
    from exonym.glossary.names import LocaleName
    from exonym.resolver.index import Index
    from exonym.resolver.resolution import Candidate, Mention

# Files in the gazetteer folder that are not entries.
SPECIAL_FILES = frozenset({"sources.yaml", "styles.yaml", "retired-ids.yaml"})
CACHE_FORMAT = 5


def bundled_path() -> Path:
    """The gazetteer shipped with the package (a source checkout's gazetteer/ comes first)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent.parent / "gazetteer", here / "bundled" / "gazetteer"):
        if (candidate / "sources.yaml").is_file():
            return candidate
    raise GazetteerError(
        f"the bundled gazetteer is missing (looked in {here.parent.parent / 'gazetteer'} and "
        f"{here / 'bundled' / 'gazetteer'}); reinstall exonym or pass a path"
    )


def entry_files(root: Path) -> list[Path]:
    """Every entry file under `root`, sorted: *.yaml except the special files and schema/."""
    out = []
    for path in root.rglob("*.yaml"):
        rel = path.relative_to(root)
        if rel.parts[0] in ("schema",) or (len(rel.parts) == 1 and rel.name in SPECIAL_FILES):
            continue
        out.append(path)
    return sorted(out)


def is_entry_file(path: Path) -> bool:
    """Whether a file given by name is an entry (not sources.yaml, styles.yaml, a schema...)."""
    return path.suffix == ".yaml" and path.name not in SPECIAL_FILES and path.parent.name != "schema"


def content_hash(root: Path) -> str:
    """A hash of every YAML file's relative path and bytes: changes when any data changes."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{CACHE_FORMAT}:{__version__}".encode())
    h.update(_code_hash().encode())
    for path in sorted(root.rglob("*.yaml")):
        h.update(str(path.relative_to(root)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


# The compiled index depends on the code that builds it: a changed rule must rebuild the cache.
_COMPILING_CODE = ("model.py", "text", "data", "resolver")


def _code_hash() -> str:
    here = Path(__file__).parent
    h = hashlib.blake2b(digest_size=8)
    for part in _COMPILING_CODE:
        files = [here / part] if part.endswith(".py") else sorted((here / part).rglob("*.py"))
        for f in files:
            h.update(str(f.relative_to(here)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _stat_fingerprint(root: Path) -> str:
    """Paths, sizes and modification times of the YAML files: cheap to read, and when it is
    unchanged the content hash computed last time still holds."""
    h = hashlib.blake2b(digest_size=16)
    h.update(str(root.resolve()).encode())
    for path in sorted(root.rglob("*.yaml")):
        st = path.stat()
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def _cached_digest(root: Path) -> str:
    """content_hash(root), remembered against the stat fingerprint (and the code's own hash)."""
    memo = cache_dir() / f"digest-{_stat_fingerprint(root)}-{_code_hash()}.txt"
    try:
        return memo.read_text(encoding="ascii").strip()
    except OSError:
        pass
    digest = content_hash(root)
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        memo.write_text(digest, encoding="ascii")
    except OSError:
        pass
    return digest


@dataclass
class ScanResult:
    """Everything read from a gazetteer folder, with every problem found."""

    root: Path
    loaded: list[LoadedEntry]
    sources: dict[str, Source]
    retired: dict[str, str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    styles: dict[str, Style] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def _display(path: Path, root: Path) -> str:
    """Paths in diagnostics: relative to the current directory when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def scan(root: Path | str) -> ScanResult:
    """Read and check every file of a gazetteer folder; never raises for bad data."""
    root = Path(root)
    if not root.is_dir():
        raise GazetteerError(f"no gazetteer folder at {root}")
    diags: list[Diagnostic] = []
    sources: dict[str, Source] = {}
    src_path = root / "sources.yaml"
    if src_path.is_file():
        text, d = read_text(src_path, _display(src_path, root))
        diags += d
        if text is not None:
            sources, d = read_sources(text, _display(src_path, root))
            diags += d
    else:
        diags.append(Diagnostic(_display(src_path, root), 1, 1, "E102", "sources.yaml is missing"))
    retired = read_retired(root, diags)
    known = frozenset(sources)
    loaded: list[LoadedEntry] = []
    for path in entry_files(root):
        shown = _display(path, root)
        text, d = read_text(path, shown)
        diags += d
        if text is None:
            continue
        item, d = read_entry(text, shown, path.stem, known)
        diags += d
        if item is not None:
            loaded.append(item)
    diags += check_entries(loaded, retired)
    styles = _read_styles(root, {item.entry.id for item in loaded}, known, diags)
    diags.sort()
    return ScanResult(root, loaded, sources, retired, diags, styles)


def _special_file(root: Path, name: str, diags: list[Diagnostic]) -> tuple[str, str] | None:
    """(shown path, text) of an optional file at the gazetteer's top, None when it is absent or
    unreadable (the problem goes to `diags`)."""
    path = root / name
    if not path.is_file():
        return None
    shown = _display(path, root)
    text, d = read_text(path, shown)
    diags += d
    return None if text is None else (shown, text)


def _read_styles(root: Path, entry_ids: set[str], sources: frozenset[str], diags: list[Diagnostic]) -> dict[str, Style]:
    """styles.yaml, if present: house styles, with their references to entries and sources."""
    from exonym.data.styles import read_styles

    found = _special_file(root, "styles.yaml", diags)
    if found is None:
        return {}
    shown, text = found
    styles, d, refs = read_styles(text, shown)
    diags += d
    for kind, ref, line, col in refs:
        known = sources if kind == "source" else entry_ids
        if ref not in known:
            where = "sources.yaml" if kind == "source" else "the gazetteer"
            diags.append(Diagnostic(shown, line, col, "E206", f"unknown {kind} {ref!r}: not in {where}"))
    return styles


def read_retired(root: Path, diags: list[Diagnostic]) -> dict[str, str]:
    """retired-ids.yaml: a mapping of retired id -> why (merged into X, deleted ...)."""
    from exonym.data.loader import parse_nodes

    found = _special_file(root, "retired-ids.yaml", diags)
    if found is None:
        return {}
    shown, text = found
    node, d = parse_nodes(text, shown)
    diags += d
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return {}
    import yaml

    if not isinstance(node, yaml.MappingNode):
        diags.append(Diagnostic(shown, 1, 1, "E003", "retired-ids.yaml maps retired ids to a reason"))
        return {}
    return {str(k.value): str(v.value) for k, v in node.value}


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
        self._index: Index | None = None
        self._children: dict[str, tuple[str, ...]] | None = None
        self._numbers: dict[str, int] | None = None
        self._organizations: frozenset[str] | None = None
        self._names: dict[tuple[str, str, int | None, str | None, bool], tuple[Entry, LocaleName]] = {}

    # -- entries ---------------------------------------------------------------------------
    def get(self, entry_id: str) -> Entry:
        """The entry with this id; raises UnknownEntry (a KeyError) otherwise."""
        try:
            return self.entries[entry_id]
        except (KeyError, TypeError):
            raise UnknownEntry(str(entry_id)) from None

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
            raise InputError(f"unknown style {style_id!r}; known styles: {known}") from None

    # -- names for readers -----------------------------------------------------------------
    def name_in(self, entry: str | Entry, locale: str, *, at: int | None = None, style: str | None = None, first: bool = True) -> LocaleName:
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

    def resolve(self, text: str, *, lang: str | None = None, types: Any = None, include_adjectives: bool = False) -> list[Mention]:
        """Every place and term mentioned in `text`; see exonym.resolve."""
        from exonym.resolver.resolution import resolve

        return resolve(self, text, lang=lang, types=types, include_adjectives=include_adjectives)

    # -- pickling: the index travels with the entries -----------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        raw = {eid: entry_to_raw(e) for eid, e in self.entries.items()}
        return {"entries": raw, "sources": self.sources, "digest": self.digest, "index": self._index, "styles": self.styles}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(LazyEntries(state["entries"]), state["sources"], digest=state["digest"], styles=state.get("styles"))  # type: ignore[misc]
        self._index = state["index"]


def build(result: ScanResult) -> Gazetteer:
    """A Gazetteer from a scan, or DataError listing every error."""
    if result.errors:
        raise DataError(result.errors)
    entries = {item.entry.id: item.entry for item in result.loaded}
    return Gazetteer(entries, result.sources, root=result.root, styles=result.styles)


def cache_dir() -> Path:
    env = os.environ.get("EXONYM_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "exonym"


def load_path(root: Path | str, *, use_cache: bool = True) -> Gazetteer:
    """Load a gazetteer folder, from the compiled cache when its content hash matches."""
    root = Path(root)
    if not root.is_dir():
        raise GazetteerError(f"no gazetteer folder at {root}")
    digest = _cached_digest(root)
    cache_file = cache_dir() / f"gazetteer-{digest}.pickle"
    if use_cache and cache_file.is_file():
        try:
            with cache_file.open("rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer) and gaz.digest == digest:
                gaz.root = root
                return gaz
        except Exception:  # a stale or broken cache is rebuilt, never fatal
            pass
    gaz = build(scan(root))
    gaz.digest = digest
    if use_cache:
        _ = gaz.index  # compile the index into the cache
        _write_cache(cache_file, gaz)
    return gaz


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a read-only home must not stop anyone from resolving
        pass
