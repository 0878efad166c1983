"""What every importer shares: the report of what it wrote and skipped, the ids already in the
gazetteer (read cheaply, without validation), and writing a new entry through the canonical YAML
writer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exonym.data.folder import entry_files
from exonym.edit.yamlio import dump_entry
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
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    return "" if find_unfit(text) else text


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


def official_languages(country: str) -> set[str]:
    from babel.languages import get_official_languages

    return {lang.split("_")[0] for lang in get_official_languages(country, de_facto=True)}


def write_entry(path: Path, root: Path, entry: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    depth = len(path.relative_to(root).parts) - 1
    path.write_text(dump_entry(entry, schema_path="../" * depth + "schema/entry.schema.json"), encoding="utf-8")
