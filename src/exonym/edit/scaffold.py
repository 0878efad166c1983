"""`exonym new`: a new entry file with a fresh id, in the folder of its parent, with the
required fields filled in, so that an editor starts from something the validator accepts.

Ids are never reused: one that names an existing file, is listed in retired-ids.yaml, or
belonged to a file that git history shows deleted is refused, with a free alternative suggested."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from exonym.data.folder import entry_files, read_retired
from exonym.edit.fmt import schema_path_for
from exonym.edit.yamlio import dump_entry
from exonym.errors import InputError
from exonym.model import ENTRY_TYPES, NAME_KINDS
from exonym.text.langtags import canonical_tag
from exonym.text.slug import slug

# where entries without a place parent live
_FOLDER_BY_TYPE = {"organization": "organizations", "term": "glossary", "country": "countries"}


_GENERIC = frozenset({"province", "district", "region", "city", "municipality", "oblast", "rayon", "of", "the"})


@dataclass(frozen=True)
class NewEntry:
    id: str
    path: Path
    text: str


def _iso_code(path: Path) -> str | None:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    code = (data.get("ids") or {}).get("iso3166") if isinstance(data, dict) else None
    return str(code).split("-")[0].lower() if code else None


def _folder(root: Path, files: dict[str, Path], entry_type: str, parent: str | None) -> Path:
    if entry_type in ("organization", "term"):  # glossary entries have their own folders, whatever their parent
        return root / _FOLDER_BY_TYPE[entry_type]
    if parent is None:
        if entry_type in _FOLDER_BY_TYPE:
            return root / _FOLDER_BY_TYPE[entry_type]
        raise InputError(f"a new {entry_type} needs --parent (the id of the entry that contains it) or --folder")
    parent_file = files[parent]
    if parent_file.parent == root / "countries":
        # a place directly under a country: the country's curated folder if there is one
        code = _iso_code(parent_file)
        if code and (root / code).is_dir():
            return root / code
        return root / "world" / (code or parent)
    return parent_file.parent


def new_entry(
    root: Path,
    label: str,
    *,
    entry_type: str,
    parent: str | None = None,
    entry_id: str | None = None,
    lang: str = "en",
    kind: str = "exonym",
    sources: tuple[str, ...] = (),
    folder: Path | None = None,
) -> NewEntry:
    """Check everything, then return the new file's id, path and text (not yet written)."""
    label = unicodedata.normalize("NFC", " ".join(label.split()))
    if not label:
        raise InputError("the name is empty")
    if entry_type not in ENTRY_TYPES:
        raise InputError(f"unknown type {entry_type!r}; one of: {', '.join(ENTRY_TYPES)}")
    if kind not in NAME_KINDS:
        raise InputError(f"unknown name kind {kind!r}; one of: {', '.join(NAME_KINDS)}")
    tag = canonical_tag(lang)  # raises InvalidLanguageTag with the reason
    if not sources:
        raise InputError("give the source of the name with --source ID (ids are in gazetteer/sources.yaml)")
    known = yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8")) or {}
    unknown = [s for s in sources if s not in known]
    if unknown:
        raise InputError(f"unknown source {unknown[0]!r}: register it in {root / 'sources.yaml'} first")

    files = {p.stem: p for p in entry_files(root)}
    if parent is not None and parent not in files:
        raise InputError(f"unknown parent {parent!r}: give the id of an existing entry (exonym lookup finds ids)")
    retired = {**deleted_ids(root), **read_retired(root, [])}
    new_id = entry_id or slug(label)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", new_id):
        if entry_id:
            raise InputError(f"--id {entry_id!r} is not a valid id: lower-case ASCII letters, digits and '-'")
        raise InputError(f"cannot make an id from {label!r}; give one with --id (lower-case letters, digits, '-')")
    taken = _why_taken(new_id, files, retired)
    if taken:
        hint = _free_id(new_id, parent, files, retired)
        raise InputError(f"id {new_id!r} {taken}; ids are never reused: choose another with --id (for example {hint!r})")

    target_dir = folder if folder is not None else _folder(root, files, entry_type, parent)
    path = target_dir / f"{new_id}.yaml"
    raw: dict[str, object] = {"id": new_id, "type": entry_type, "name": label}
    if parent:
        raw["parents"] = [parent]
    raw["names"] = [{"text": label, "lang": tag, "kind": kind, "preferred": True, "sources": list(sources)}]
    text = dump_entry(raw, schema_path=schema_path_for(path, root))
    return NewEntry(new_id, path, text)


def deleted_ids(root: Path) -> dict[str, str]:
    """Ids of entry files that git history shows deleted: they existed, so they are not free
    even if nobody recorded them in retired-ids.yaml. Empty outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "--diff-filter=D", "--name-only", "--pretty=format:%h", "--", "."],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    out: dict[str, str] = {}
    commit = ""
    for line in done.stdout.splitlines():
        if line.endswith(".yaml"):
            out.setdefault(Path(line).stem, f"deleted in commit {commit}")
        elif line.strip():
            commit = line.strip()
    return out


def _why_taken(entry_id: str, files: dict[str, Path], retired: dict[str, str]) -> str | None:
    if entry_id in files:
        return f"exists ({files[entry_id]})"
    if entry_id in retired:
        return f"was retired ({retired[entry_id]})"
    return None


def _free_id(entry_id: str, parent: str | None, files: dict[str, Path], retired: dict[str, str]) -> str:
    """The id with a word of its parent that it lacks (agarak-lori, as existing entries are
    told apart), else the whole parent id, else a number."""
    options = []
    if parent:
        own = set(entry_id.split("-"))
        options += [f"{entry_id}-{w}" for w in parent.split("-") if w not in own and w not in _GENERIC]
        options.append(f"{entry_id}-{parent}")
    options += [f"{entry_id}-{n}" for n in range(2, 100)]
    return next(o for o in options if _why_taken(o, files, retired) is None)
