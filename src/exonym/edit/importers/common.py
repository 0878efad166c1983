"""What every importer shares: the report of what it wrote and skipped, the ids already in the
gazetteer (read cheaply, without validation), and writing a new entry through the canonical YAML
writer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from exonym.data.folder import entry_files
from exonym.edit.yamlio import dump_entry
from exonym.text.normalize import fold
from exonym.text.scripts import find_unfit


@dataclass
class ImportReport:
    written: list[Path]
    skipped: int

    def summary(self) -> str:
        return f"wrote {len(self.written)} new entries, left {self.skipped} existing ones alone"


def existing(root: Path) -> tuple[set[str], set[int]]:
    """Ids and GeoNames ids already in the gazetteer (read cheaply, without validation)."""
    ids: set[str] = set()
    geonames: set[int] = set()
    for path in entry_files(root):
        ids.add(path.stem)
        m = re.search(r"^\s+geonames:\s*(\d+)\s*$", path.read_text(encoding="utf-8"), re.M)
        if m:
            geonames.add(int(m.group(1)))
    return ids, geonames


def clean_text(text: str) -> str:
    """A source's name as an entry may hold it: NFC, single spaces, no edge spaces; empty when
    it holds a control, private-use or surrogate character (mis-decoded bytes: the validator's
    E116), which no retyping of ours could repair."""
    text = normalized_text(text)
    return "" if find_unfit(text) else text


def normalized_text(text: str) -> str:
    """NFC, inner runs of white space as one space, no edge spaces; nothing dropped (for an
    importer that tallies why it leaves a name out: see name_problem)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def grouped_names(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(lang, text) pairs -> text -> [langs], keeping first-seen order."""
    out: dict[str, list[str]] = {}
    for lang, text in pairs:
        text = clean_text(text)
        if text and lang not in out.setdefault(text, []):
            out[text].append(lang)
    return out


def country_ids(root: Path) -> dict[str, str]:
    """ISO alpha-2 -> entry id of the countries and territories in the gazetteer."""
    out: dict[str, str] = {}
    for path in sorted((root / "countries").glob("*.yaml")):
        m = re.search(r"^\s+iso3166:\s*([A-Z]{2})\s*$", path.read_text(encoding="utf-8"), re.M)
        if m:
            out[m.group(1)] = path.stem
    return out


def admin1_ids(root: Path) -> dict[str, str]:
    """GeoNames first-level code (AZ.58) -> entry id, from the `geonames_admin1` identifiers."""
    out: dict[str, str] = {}
    for path in entry_files(root):
        m = re.search(r"^\s+geonames_admin1:\s*([A-Z]{2}\.[0-9A-Z]+)\s*$", path.read_text(encoding="utf-8"), re.M)
        if m:
            out[m.group(1)] = path.stem
    return out


def is_code(text: str) -> bool:
    """Airport and similar codes among GeoNames alternate names (YUK, LED): not names."""
    return len(text) <= 4 and text.isupper() and text.isascii()


# Unicode categories no name holds: controls, format characters (except the joiners that Persian
# and Indic scripts need), private use, surrogates, unassigned.
_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
_JOINERS = frozenset("\u200c\u200d")


def name_problem(text: str) -> str | None:
    """Why an imported text is not a name, or None: a code (YUK), no letter at all, a machine
    transcription (all lower-case ASCII: 'ka pan', 'tovuza'), or a control or private-use character."""
    if is_code(text):
        return "code"
    if not any(c.isalpha() for c in text):
        return "no letters"
    if text.islower() and text.isascii():
        return "machine transcription"
    if any(unicodedata.category(c) in _BAD_CATEGORIES and c not in _JOINERS for c in text):
        return "control or private-use character"
    return None


def alternate_names(record: dict[str, Any]) -> list[str]:
    """A GeoNames record's alternate names, spaced and NFC (not yet filtered: see name_problem):
    GeoNames sometimes packs several names in one string, separated by two or more spaces."""
    out: list[str] = []
    for alt in record.get("alternatenames", []):
        out.extend(text for part in re.split(r"\s{2,}", alt) if (text := normalized_text(part)))
    return out


@lru_cache(maxsize=512)
def official_languages(country: str) -> frozenset[str]:
    """The language subtags of a country's official languages, de facto included (babel)."""
    from babel.languages import get_official_languages

    return frozenset(lang.split("_")[0] for lang in get_official_languages(country, de_facto=True))


@dataclass(frozen=True)
class CuratedEntry:
    """What an importer needs to know of a curated entry: its id, label, type, parents, ids and
    the adjectives and demonyms it gives, as (folded text, language subtag)."""

    id: str
    name: str
    type: str
    parents: tuple[str, ...] = ()
    ids: dict[str, Any] = field(default_factory=dict)
    descriptors: tuple[tuple[str, str], ...] = ()


def curated_entries(root: Path) -> list[CuratedEntry]:
    """Every curated entry's id, label, type, parents and ids, read without validation (a file
    that does not parse as a mapping counts by its id alone: its file name)."""
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out = []
    for path in entry_files(root):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            data = None
        if not isinstance(data, dict):
            out.append(CuratedEntry(path.stem, path.stem, ""))
            continue
        parents = data.get("parents") or ()
        raw_ids = data.get("ids")
        ids = raw_ids if isinstance(raw_ids, dict) else {}
        out.append(
            CuratedEntry(
                str(data.get("id") or path.stem),
                str(data.get("name") or path.stem),
                str(data.get("type") or ""),
                tuple(str(p) for p in (parents if isinstance(parents, list) else [parents])),
                {str(k): v for k, v in ids.items()},
                _descriptors(data.get("names")),
            )
        )
    return out


def _descriptors(names: Any) -> tuple[tuple[str, str], ...]:
    out = []
    for n in names if isinstance(names, list) else ():
        if not isinstance(n, dict) or n.get("kind") not in ("adjective", "demonym") or not isinstance(n.get("text"), str):
            continue
        langs = n.get("lang")
        out += [(fold(n["text"]), str(lang).split("-")[0]) for lang in (langs if isinstance(langs, list) else [langs])]
    return tuple(out)


def curated_descriptors(entries: Iterable[CuratedEntry]) -> frozenset[tuple[str, str]]:
    """(folded text, language subtag) of every adjective and demonym the curated entries give:
    words that are not a place's name in that language (GeoNames gives Georgian ქართული,
    "Georgian", as a name of Mariupol and of Reykjavik)."""
    return frozenset(d for e in entries for d in e.descriptors)


def retired_ids(root: Path) -> set[str]:
    """The ids listed in retired-ids.yaml: never to be used again."""
    path = root / "retired-ids.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    return {str(k) for k in data} if isinstance(data, dict) else set()


def write_entry(path: Path, root: Path, entry: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    depth = len(path.relative_to(root).parts) - 1
    path.write_text(dump_entry(entry, schema_path="../" * depth + "schema/entry.schema.json"), encoding="utf-8")
