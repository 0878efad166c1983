"""A gazetteer folder on disk: which files are entries, reading them safely, and `scan`, which
reads and checks every file and reports every problem instead of raising.

The file system is not trusted: only regular files are read (a FIFO named x.yaml would block the
reader for ever), never more than a size cap, and a symbolic link counts only when it stays
inside the gazetteer.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from exonym.data.checks import check_entries
from exonym.data.layers import Layer, layer_files, overlay, read_layer
from exonym.data.loader import LoadedEntry, parse_nodes, read_entry, read_sources
from exonym.data.styles import Style, read_styles
from exonym.diagnostics import Diagnostic
from exonym.errors import GazetteerError
from exonym.model import Source

# Files at the gazetteer's top that are not entries.
SPECIAL_FILES = frozenset({"sources.yaml", "styles.yaml", "retired-ids.yaml"})
# An entry file of a few hundred names is 30 KB; a megabyte is no entry anyone edits by hand.
MAX_ENTRY_BYTES = 1024 * 1024


def bundled_path() -> Path:
    """The gazetteer shipped with the package (a source checkout's gazetteer/ comes first)."""
    package = Path(__file__).resolve().parent.parent
    candidates = (package.parent.parent / "gazetteer", package / "bundled" / "gazetteer")
    for candidate in candidates:
        if (candidate / "sources.yaml").is_file():
            return candidate
    raise GazetteerError(
        f"the bundled gazetteer is missing (looked in {candidates[0]} and {candidates[1]}); reinstall exonym or pass a path"
    )


def is_entry_file(path: Path) -> bool:
    """Whether a file given by name is an entry (not sources.yaml, styles.yaml, a schema...)."""
    return path.suffix == ".yaml" and path.name not in SPECIAL_FILES and path.parent.name != "schema"


def entry_files(root: Path) -> list[Path]:
    """Every entry file under `root`, sorted: *.yaml except the special files and schema/. Linked
    folders are not followed; linked and odd files are listed (read_file says what is wrong)."""
    out = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        rel = here.relative_to(root)
        if rel.parts[:1] == ("schema",):
            dirs[:] = []
            continue
        dirs.sort()
        for name in files:
            if name.endswith(".yaml") and not (not rel.parts and name in SPECIAL_FILES):
                out.append(here / name)
    return sorted(out)


def data_files(root: Path) -> list[Path]:
    """Every file the gazetteer's content depends on: entries, the special files, layers."""
    return [Path(p) for p in data_paths(root)]


def data_paths(root: Path) -> list[str]:
    """data_files as plain strings, sorted: a warm load stats them all and needs no Path."""
    out: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        out.extend(os.path.join(folder, name) for name in files if name.endswith(DATA_SUFFIXES))
    return sorted(out)


DATA_SUFFIXES = (".yaml", ".tsv", ".tsv.gz", ".jsonl", ".jsonl.gz")
MAX_LAYER_BYTES = 256 * 1024 * 1024


def safe_bytes(path: Path, root: Path, limit: int = MAX_LAYER_BYTES) -> bytes | None:
    """A file's bytes when read_file would read it (regular, inside the tree, under `limit`)."""
    found, diags = _read_bytes(path, "", root, limit)
    return None if diags else found


def read_file(path: Path, shown: str, root: Path | None = None, *, limit: int = MAX_ENTRY_BYTES) -> tuple[str | None, list[Diagnostic]]:
    """A file's text, or None and a diagnostic: only regular files (E114), inside `root` when
    linked (E115), at most `limit` bytes (E114), valid UTF-8 (E001)."""
    data, diags = _read_bytes(path, shown, root, limit)
    if data is None:
        return None, diags
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Diagnostic(shown, line, col, "E001", "the file is not valid UTF-8")]


def _read_bytes(path: Path, shown: str, root: Path | None, limit: int) -> tuple[bytes | None, list[Diagnostic]]:
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve()
            if root is not None and not target.is_relative_to(root.resolve()):
                return None, [Diagnostic(shown, 1, 1, "E115", f"a link to {target}, outside the gazetteer; copy the entry in instead")]
            info = target.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [Diagnostic(shown, 1, 1, "E114", "not a regular file (a pipe, device or folder); only files are read")]
        if info.st_size > limit:
            return None, [Diagnostic(shown, 1, 1, "E114", f"{info.st_size:,} bytes, over the limit of {limit:,} for one file; split it")]
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        return None, [Diagnostic(shown, 1, 1, "E001", f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > limit:  # grew while being read
        return None, [Diagnostic(shown, 1, 1, "E114", f"over the limit of {limit:,} bytes for one file; split it")]
    return data, []


@dataclass
class ScanResult:
    """Everything read from a gazetteer folder, with every problem found."""

    root: Path
    loaded: list[LoadedEntry]
    sources: dict[str, Source]
    retired: dict[str, str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    styles: dict[str, Style] = field(default_factory=dict)
    replaced: int = 0  # layer entries that a curated entry replaces

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def display_path(path: Path) -> str:
    """Paths in diagnostics: relative to the current directory when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def scan(root: Path | str, *, layers: bool = True) -> ScanResult:
    """Read and check every file of a gazetteer folder; never raises for bad data. With
    `layers`, the generated layers (exonym.data.layers) are read under the curated entries."""
    root = Path(root)
    if not root.is_dir():
        raise GazetteerError(f"no gazetteer folder at {root}")
    diags: list[Diagnostic] = []
    sources: dict[str, Source] = {}
    found = _special_file(root, "sources.yaml", diags)
    if found is not None:
        sources, d = read_sources(found[1], found[0])
        diags += d
    else:
        diags.append(Diagnostic(display_path(root / "sources.yaml"), 1, 1, "E102", "sources.yaml is missing"))
    retired = read_retired(root, diags)
    known = frozenset(sources)
    loaded: list[LoadedEntry] = []
    for path in entry_files(root):
        shown = display_path(path)
        text, d = read_file(path, shown, root)
        diags += d
        if text is None:
            continue
        item, d = read_entry(text, shown, path.stem, known)
        diags += d
        if item is not None:
            loaded.append(item)
    replaced = 0
    if layers:
        loaded, replaced = overlay(loaded, _read_layers(root, known, diags))
    diags += check_entries(loaded, retired)
    styles = _read_styles(root, {item.entry.id for item in loaded}, known, diags)
    diags.sort()
    return ScanResult(root, loaded, sources, retired, diags, styles, replaced)


def _read_layers(root: Path, known: frozenset[str], diags: list[Diagnostic]) -> list[Layer]:
    out = []
    for path in layer_files(root):
        shown = display_path(path)
        data, d = _read_bytes(path, shown, root, MAX_LAYER_BYTES)
        diags += d
        if data is not None:
            layer, d = read_layer(path, shown, known, data)
            diags += d
            out.append(layer)
    return out


def _special_file(root: Path, name: str, diags: list[Diagnostic]) -> tuple[str, str] | None:
    """(shown path, text) of an optional file at the gazetteer's top, None when it is absent or
    unreadable (the problem goes to `diags`)."""
    path = root / name
    if not path.exists() and not path.is_symlink():
        return None
    shown = display_path(path)
    text, d = read_file(path, shown, root)
    diags += d
    return None if text is None else (shown, text)


def _read_styles(root: Path, entry_ids: set[str], sources: frozenset[str], diags: list[Diagnostic]) -> dict[str, Style]:
    """styles.yaml, if present: house styles, with their references to entries and sources."""
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
    import yaml

    found = _special_file(root, "retired-ids.yaml", diags)
    if found is None:
        return {}
    shown, text = found
    node, d = parse_nodes(text, shown)
    diags += d
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return {}
    if not isinstance(node, yaml.MappingNode):
        diags.append(Diagnostic(shown, 1, 1, "E003", "retired-ids.yaml maps retired ids to a reason"))
        return {}
    return {str(k.value): str(v.value) for k, v in node.value}
