"""`exonym import naturalearth`: rivers, lakes, seas, ranges and peaks from Natural Earth (public
domain), chosen by Wikidata id, with the names Natural Earth gives in 26 languages.

The tables are data/sources/naturalearth/naturalearth-physical.tsv (one row per record) and
naturalearth-physical-names.tsv.gz (`layer, ne_id, wikidataid, lang, name`); see the README
there. A feature can have several records (the stretches of a river, its lake centre lines, a
label point): they are merged on their Wikidata id. Every name cites `naturalearth`. Natural
Earth does not say which languages are local to a feature: names in the `endonyms` languages
are written `endonym`, the others `exonym`; the record's own label (`name`, `name_alt`), whose
language Natural Earth does not give, is an `und` variant when no language has it.

A short single word in a script without capitals (Arabic, Hebrew, Devanagari, Bengali: at most
four letters) is left out: nothing in running text tells it from a common word, and many are
one (Persian این "this" is the Inn, امور "affairs" reads as آمور the Amur, Hebrew אין "there is
no" the Inn again).
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exonym.data.folder import entry_files, read_retired
from exonym.edit.importers.common import ImportReport, write_entry
from exonym.edit.scaffold import _folder, deleted_ids
from exonym.errors import InputError
from exonym.text.langtags import canonical_tag
from exonym.text.scripts import detect_script
from exonym.text.slug import slug

SOURCE = "naturalearth"
PHYSICAL = "naturalearth-physical.tsv"
NAMES = "naturalearth-physical-names.tsv.gz"
_ITEM = re.compile(r"(Q[1-9][0-9]*)(?:=([a-z0-9]+(?:-[a-z0-9]+)*))?")
# words that make "Sevan" the label "Lake Sevan" when a record's own label says so
_GENERIC = ("lake", "reservoir", "river", "mount", "sea")
_RIVER_CLASSES = {"river", "lake centerline"}
_UNCASED = frozenset({"Arab", "Hebr", "Deva", "Beng"})
SHORT_UNCASED = 4  # letters


def common_word_risk(text: str) -> bool:
    """A single word of at most four letters in a script without capitals."""
    return " " not in text and detect_script(text) in _UNCASED and sum(c.isalpha() for c in text) <= SHORT_UNCASED


@dataclass
class Feature:
    """The records of one Wikidata id, merged."""

    qid: str
    records: list[dict[str, str]] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)  # lang -> texts, first seen first

    @property
    def classes(self) -> list[str]:
        return list(dict.fromkeys(r["featurecla"] for r in self.records))


def default_data_dir(root: Path) -> Path:
    """data/sources/naturalearth/ beside the gazetteer folder."""
    return root.parent / "data" / "sources" / "naturalearth"


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _rows(lines: Iterable[str]) -> Iterator[dict[str, str]]:
    return csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)


def read_features(data_dir: Path, qids: Iterable[str]) -> dict[str, Feature]:
    """The features of these Wikidata ids, with their records and names, in file order."""
    wanted = set(qids)
    out: dict[str, Feature] = {}
    with (data_dir / PHYSICAL).open(encoding="utf-8", newline="") as fh:
        for row in _rows(fh):
            if row["wikidataid"] in wanted:
                out.setdefault(row["wikidataid"], Feature(row["wikidataid"])).records.append(row)
    with gzip.open(data_dir / NAMES, "rt", encoding="utf-8", newline="") as fh:
        for row in _rows(fh):
            feature = out.get(row["wikidataid"])
            text = _clean(row["name"])
            if feature is None or not text:
                continue
            texts = feature.names.setdefault(row["lang"], [])
            if text not in texts:
                texts.append(text)
    return out


def parse_items(items: Iterable[str]) -> list[tuple[str, str | None]]:
    """'Q179751' or 'Q179751=aras-river' (comma-separated allowed) -> [(qid, id or None)]."""
    out: list[tuple[str, str | None]] = []
    for chunk in items:
        for item in chunk.split(","):
            item = item.strip()
            if not item:
                continue
            m = _ITEM.fullmatch(item)
            if not m:
                raise InputError(f"{item!r} is not a Wikidata id, optionally with an entry id: Q179751 or Q179751=aras-river")
            out.append((m.group(1), m.group(2)))
    if not out:
        raise InputError("give the features to import with --ids Q179751[=aras-river],...")
    return out


def _label(feature: Feature) -> str:
    """The English name; the record's own label when it only adds a generic word (Lake Sevan)."""
    en = feature.names.get("en", [])
    own = [_clean(r[k]) for r in feature.records for k in ("name", "name_alt") if r[k] and not r[k].isupper()]
    if not en:
        return own[0] if own else feature.records[0]["name"].title()
    label = en[0]
    for text in own + en[1:]:
        words = text.split()
        rest = " ".join(w for w in words if w.lower() not in _GENERIC)
        if rest == label and len(words) == len(label.split()) + 1:
            return text
    return label


def _entry_id(feature: Feature, label: str) -> str:
    base = slug(label)
    if set(c.lower() for c in feature.classes) & _RIVER_CLASSES and "river" not in base.split("-"):
        return f"{base}-river"
    return base


def _names(feature: Feature, label: str, endonyms: set[str]) -> list[dict[str, Any]]:
    # (text, preferred, kind) -> languages: one spelling shared by several languages is one name
    grouped: dict[tuple[str, bool, str], list[str]] = {}
    for ne_lang in sorted(feature.names, key=lambda tag: (tag != "en", tag)):
        lang = canonical_tag(ne_lang.replace("_", "-"))
        kind = "endonym" if lang.split("-")[0] in endonyms else "exonym"
        kept = [text for text in feature.names[ne_lang] if not common_word_risk(text)]
        for i, text in enumerate(kept):
            grouped.setdefault((text, i == 0, kind), []).append(lang)
    names: list[dict[str, Any]] = []
    seen: set[str] = set()
    for (text, preferred, kind), langs in grouped.items():
        name: dict[str, Any] = {"text": text, "lang": langs if len(langs) > 1 else langs[0], "kind": kind}
        if preferred:
            name["preferred"] = True
        name["sources"] = [SOURCE]
        names.append(name)
        seen.add(text)
    own = [label] + [_clean(r[k]) for r in feature.records for k in ("name", "name_alt") if r[k] and not r[k].isupper()]
    for text in dict.fromkeys(own):
        if text not in seen:
            seen.add(text)
            if text == label:
                names.insert(0, {"text": text, "lang": "en", "kind": "exonym", "sources": [SOURCE]})
            else:
                names.append({"text": text, "lang": "und", "kind": "variant", "sources": [SOURCE]})
    return names


def _notes(feature: Feature) -> str:
    layers = ", ".join(dict.fromkeys(f"{r['layer']} ({r['featurecla']})" for r in feature.records))
    ne_ids = ", ".join(dict.fromkeys(r["ne_id"] for r in feature.records))
    notes = f"Natural Earth 10m {layers}; ne_id {ne_ids}."
    for r in feature.records:
        m = re.search(r"elevation=([0-9.]+)", r.get("extra") or "")
        if m:
            notes += f" Elevation {float(m.group(1)):,.0f} m (Natural Earth)."
            break
    return notes


def _existing_wikidata(files: Iterable[Path]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in files:
        m = re.search(r"^\s+wikidata:\s*(Q\d+)\s*$", path.read_text(encoding="utf-8"), re.M)
        if m:
            out.setdefault(m.group(1), path.stem)
    return out


def import_naturalearth(
    root: Path,
    *,
    items: Iterable[str],
    parent: str | None = None,
    endonyms: Iterable[str] = (),
    data_dir: Path | None = None,
    folder: str | None = None,
) -> ImportReport:
    """New `physical-feature` entries for the given Wikidata ids ('Q179751' or 'Q179751=aras-river').

    Without a parent the files go to gazetteer/physical/, with one beside the parent (as
    `exonym new` places them). A feature whose id or Wikidata id is in the gazetteer is left alone.
    """
    chosen = parse_items(items)
    features = read_features(data_dir or default_data_dir(root), [q for q, _ in chosen])
    missing = [q for q, _ in chosen if q not in features]
    if missing:
        raise InputError(f"not in the Natural Earth tables: {', '.join(missing)}")
    files = {p.stem: p for p in entry_files(root)}
    if parent is not None and parent not in files:
        raise InputError(f"unknown parent {parent!r}: give the id of an existing entry")
    taken = {**deleted_ids(root), **read_retired(root, [])}
    by_qid = _existing_wikidata(files.values())
    local = {canonical_tag(t).split("-")[0] for t in endonyms}
    target = root / folder if folder else root / "physical" if parent is None else _folder(root, files, "physical-feature", parent)
    written: list[Path] = []
    skipped = 0
    for qid, given_id in chosen:
        feature = features[qid]
        label = _label(feature)
        entry_id = given_id or _entry_id(feature, label)
        if entry_id in files or qid in by_qid:
            skipped += 1
            continue
        if entry_id in taken:
            raise InputError(f"id {entry_id!r} was used before ({taken[entry_id]}); give another with {qid}=ID")
        entry: dict[str, Any] = {"id": entry_id, "type": "physical-feature", "name": label}
        if parent:
            entry["parents"] = [parent]
        entry["ids"] = {"wikidata": qid}
        points = [r for r in feature.records if r.get("lat") and r.get("lon")]
        if len(feature.records) == 1 and points:
            entry["coordinates"] = {"lat": round(float(points[0]["lat"]), 5), "lon": round(float(points[0]["lon"]), 5)}
        entry["sources"] = [SOURCE]
        entry["names"] = _names(feature, label, local)
        entry["notes"] = _notes(feature)
        path = target / f"{entry_id}.yaml"
        write_entry(path, root, entry)
        files[entry_id] = path
        by_qid[qid] = entry_id
        written.append(path)
    return ImportReport(written, skipped)
