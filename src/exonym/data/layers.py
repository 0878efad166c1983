"""Generated layers: many entries in line-oriented files under the curated YAML.

A layer is `gazetteer/layers/<name>.jsonl`: a header line `{"layer": {...}}`, then one entry per
line, sorted by id, with the keys of a YAML entry (see spec) and names written compactly as
`[text, langs, kind, sources]` (a fifth element may add `preferred`, `note`). An importer writes a
layer (`exonym import world`); people do not edit it: `exonym promote ID` writes an entry out as
YAML, and a curated YAML entry with the same id or the same GeoNames id replaces the layer's.

Reading a layer checks every line against the same spec as a YAML entry and reports problems as
`file:line:1: CODE message`. It reads plain JSON values, not YAML nodes: a layer of 40,000
entries must check in seconds.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exonym.data import spec
from exonym.data.loader import LoadedEntry
from exonym.diagnostics import Diagnostic
from exonym.errors import InvalidLanguageTag
from exonym.model import IMPORT_SOURCES, Coordinates, Entry, FrozenDict, Name
from exonym.text.langtags import canonical_tag
from exonym.text.scripts import detect_script, find_unfit

LAYER_FOLDER = "layers"


def layer_files(root: Path) -> list[Path]:
    """The layer files of a gazetteer folder, sorted."""
    folder = root / LAYER_FOLDER
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


@dataclass
class Layer:
    """One layer file: its header and its entries (each with its line for diagnostics)."""

    path: str
    header: dict[str, Any]
    loaded: list[LoadedEntry] = field(default_factory=list)


class _LineReader:
    """Checks one line's values against the spec, recording problems at that line."""

    def __init__(self, path: str, line: int, known_sources: frozenset[str]) -> None:
        self.path = path
        self.line = line
        self.known_sources = known_sources
        self.diags: list[Diagnostic] = []
        self.refs: list[tuple[str, str, int, int]] = []

    def problem(self, code: str, message: str) -> None:
        self.diags.append(Diagnostic(self.path, self.line, 1, code, message))

    def text(self, value: Any, key: str, f: spec.Field | None = None) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem("E003", f"{key!r} must be a non-empty string")
            return None
        if not unicodedata.is_normalized("NFC", value) or value != value.strip():
            self.problem("E111", f"{key!r} must be NFC without leading or trailing spaces: {value!r}")
        unfit = find_unfit(value)
        if unfit is not None:
            self.problem("E116", f"{key!r} has a {unfit[1]} at character {unfit[0] + 1}: {value!r}; retype it without")
            return None
        if f is not None and f.pattern and not re.fullmatch(f.pattern, value):
            self.problem(f.code or "E107", f"malformed {key} {value!r}: {f.hint}")
            return None
        return value

    def sources(self, value: Any, key: str) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            sid = self.text(item, key)
            if sid is None:
                continue
            if sid not in self.known_sources:
                self.problem("E105", f"unknown source {sid!r}; register it in gazetteer/sources.yaml")
            out.append(sid)
        return tuple(out)

    def langs(self, value: Any) -> tuple[str, ...]:
        out = []
        for item in value if isinstance(value, list) else [value]:
            tag = self.text(item, "lang")
            if tag is None:
                continue
            try:
                out.append(_canonical(tag))
            except InvalidLanguageTag as exc:
                self.problem("E103", str(exc))
        return tuple(dict.fromkeys(out))

    def ids(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem("E003", "'ids' must be a mapping")
            return {}
        out: dict[str, Any] = {}
        for key, raw in value.items():
            f = spec.IDS_FIELDS.get(key)
            if f is None:
                self.problem("E101", f"unknown key {key!r} in ids; allowed: {', '.join(spec.IDS_FIELDS)}")
                continue
            if f.kind == "int":
                if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
                    self.problem(f.code or "E107", f"malformed {key} {raw!r}: {f.hint}")
                    continue
                out[key] = raw
            elif (checked := self.text(raw, key, f)) is not None:
                out[key] = checked
        return out

    def name(self, raw: Any) -> Name | None:
        if not isinstance(raw, list) or len(raw) not in (4, 5):
            self.problem("E003", f"a name is [text, langs, kind, sources] (and optional extras): {raw!r}")
            return None
        text = self.text(raw[0], "text")
        langs = self.langs(raw[1])
        kind = raw[2] if raw[2] in spec.NAME_FIELDS["kind"].enum else None
        if kind is None:
            self.problem("E106", f"'kind' is {raw[2]!r}; allowed: {', '.join(spec.NAME_FIELDS['kind'].enum)}")
        sources = self.sources(raw[3], "sources")
        extra = raw[4] if len(raw) == 5 else {}
        if not isinstance(extra, dict) or set(extra) - {"preferred", "note"}:
            self.problem("E101", f"a name's extras may hold preferred and note: {extra!r}")
            extra = {}
        if text is None or not langs or kind is None:
            return None
        note = extra.get("note")
        return Name(
            text,
            langs,
            kind,
            detect_script(text),
            sources,
            extra.get("preferred") is True,
            None,
            None,
            (),
            note if isinstance(note, str) else None,
        )


_TAGS: dict[str, str] = {}


def _canonical(tag: str) -> str:
    """canonical_tag, remembered: a layer repeats a few hundred tags a million times."""
    found = _TAGS.get(tag)
    if found is None:
        found = _TAGS[tag] = canonical_tag(tag)
    return found


def _ids(r: _LineReader, obj: dict[str, Any], key: str, line: int) -> tuple[str, ...]:
    """A list of entry ids (parents, covers), each remembered for the check that it exists."""
    out = []
    for eid in obj.get(key) or []:
        if (checked := r.text(eid, key, spec.ENTRY_FIELDS["id"])) is not None:
            out.append(checked)
            r.refs.append((key, checked, line, 1))
    return tuple(out)


def read_line(obj: Any, path: str, line: int, known_sources: frozenset[str]) -> tuple[LoadedEntry | None, list[Diagnostic]]:
    """One layer line (already parsed JSON) -> an entry, with every problem at that line."""
    r = _LineReader(path, line, known_sources)
    if not isinstance(obj, dict):
        r.problem("E003", "a layer line is a JSON object (an entry)")
        return None, r.diags
    for key in obj:
        if key not in spec.ENTRY_FIELDS:
            r.problem("E101", f"unknown key {key!r} in entry; allowed: {', '.join(spec.ENTRY_FIELDS)}")
    for key, f in spec.ENTRY_FIELDS.items():
        if f.required and key not in obj:
            r.problem("E102", f"entry lacks required field {key!r}")
    entry_id = r.text(obj.get("id"), "id", spec.ENTRY_FIELDS["id"]) if "id" in obj else None
    etype = obj.get("type")
    if etype is not None and etype not in spec.ENTRY_FIELDS["type"].enum:
        r.problem("E106", f"'type' is {etype!r}; allowed: {', '.join(spec.ENTRY_FIELDS['type'].enum)}")
        etype = None
    label = r.text(obj.get("name"), "name") if "name" in obj else None
    parents, covers = _ids(r, obj, "parents", line), _ids(r, obj, "covers", line)
    coordinates = _coordinates(r, obj.get("coordinates"))
    population = obj.get("population")
    if population is not None and (not isinstance(population, int) or isinstance(population, bool) or population < 0):
        r.problem("E003", f"'population' must be a whole number, not {population!r}")
        population = None
    names = [n for n in (r.name(raw) for raw in obj.get("names") or []) if n is not None]
    if "names" in obj and not obj["names"]:
        r.problem("E102", "an entry needs at least one name")
    _check_names(r, names)
    if entry_id is None or etype is None or label is None or not names:
        return None, r.diags
    entry = Entry(
        id=entry_id,
        type=etype,
        name=label,
        names=tuple(names),
        parents=parents,
        covers=covers,
        ids=FrozenDict(r.ids(obj.get("ids") or {})),
        coordinates=coordinates,
        population=population,
        sources=r.sources(obj.get("sources") or [], "sources"),
        path=f"{path}:{line}",
    )
    return LoadedEntry(entry, path, (line, 1), r.refs, [(line, 1)] * len(names)), r.diags


def _coordinates(r: _LineReader, raw: Any) -> Coordinates | None:
    if raw is None:
        return None
    if (
        not isinstance(raw, dict)
        or set(raw) != {"lat", "lon"}
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw.values())
    ):
        r.problem("E003", f"'coordinates' must be {{lat, lon}} numbers: {raw!r}")
        return None
    if not (-90 <= raw["lat"] <= 90 and -180 <= raw["lon"] <= 180):
        r.problem("E108", f"coordinates out of range: {raw['lat']}, {raw['lon']}")
        return None
    return Coordinates(float(raw["lat"]), float(raw["lon"]))


def _check_names(r: _LineReader, names: Iterable[Name]) -> None:
    seen: set[tuple[str, str]] = set()
    preferred: set[str] = set()
    for name in names:
        for lang in name.langs:
            if (name.text, lang) in seen:
                r.problem("E104", f"name {name.text!r} ({lang}) repeats in names; delete one")
            seen.add((name.text, lang))
            if name.preferred:
                if lang in preferred:
                    r.problem("E113", f"a second preferred name for {lang}; keep one")
                preferred.add(lang)


def read_layer(path: Path, shown: str, known_sources: frozenset[str], data: bytes) -> tuple[Layer, list[Diagnostic]]:
    """Every entry of one layer file, and every problem in it."""
    diags: list[Diagnostic] = []
    layer = Layer(shown, {})
    previous = ""
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            diags.append(Diagnostic(shown, number, 1, "E001", f"not a JSON object on one line: {exc}"))
            continue
        if number == 1:
            if not isinstance(obj, dict) or not isinstance(obj.get("layer"), dict):
                diags.append(Diagnostic(shown, 1, 1, "E102", 'a layer starts with its header line {"layer": {...}}'))
            else:
                layer.header = obj["layer"]
                continue
        item, d = read_line(obj, shown, number, known_sources)
        diags += d
        if item is not None:
            if item.entry.id < previous:
                diags.append(Diagnostic(shown, number, 1, "E117", f"{item.entry.id!r} comes after {previous!r}: a layer is sorted by id"))
            previous = item.entry.id
            layer.loaded.append(item)
    return layer, diags


def overlay(curated: list[LoadedEntry], layers: list[Layer]) -> tuple[list[LoadedEntry], int]:
    """The curated entries and every layer entry that no curated entry replaces (same id or same
    GeoNames id), with the number replaced. A replacing entry that an importer wrote takes the
    layer's language-tagged names (see _with_layer_names)."""
    out = list(curated)
    by_id = {item.entry.id: k for k, item in enumerate(out)}
    by_geonames = {item.entry.ids["geonames"]: k for k, item in enumerate(out) if "geonames" in item.entry.ids}
    replaced = 0
    for layer in layers:
        for item in layer.loaded:
            k = by_id.get(item.entry.id, by_geonames.get(item.entry.ids.get("geonames"), -1))
            if k < 0:
                out.append(item)
                continue
            replaced += 1
            out[k] = _with_layer_names(out[k], item.entry)
    return out, replaced


def _with_layer_names(item: LoadedEntry, layer_entry: Entry) -> LoadedEntry:
    """An imported YAML entry (every source an importer's, no name with a side or a period) with
    the names its layer twin tags by language: a GeoNames variant with no language (`und`) takes
    the layer's tags for that spelling, a tagged one adds the layer's languages, and spellings it
    lacks are added (Odesa's Ukrainian Одеса, Buenos Aires in Spanish). Hand-edited entries stay
    exactly as written."""
    entry = item.entry
    if not set(entry.sources) <= IMPORT_SOURCES or any(n.used_by or n.period for n in entry.names):
        return item
    tagged = {n.text: n for n in layer_entry.names if n.langs != ("und",) and not n.used_by and n.period is None}
    if not tagged:
        return item
    names: list[Name] = []
    marks: list[tuple[int, int]] = []
    seen: set[str] = set()
    for name, mark in zip(entry.names, item.name_marks, strict=True):
        twin = tagged.get(name.text)
        if twin is None:
            names.append(name)
        elif name.langs == ("und",):
            names.append(twin)
        else:  # the same spelling, tagged by both: every language either gives
            langs = name.langs + tuple(t for t in twin.langs if t not in name.langs)
            sources = name.sources + tuple(x for x in twin.sources if x not in name.sources)
            names.append(name if langs == name.langs else dataclasses.replace(name, langs=langs, sources=sources))
        marks.append(mark)
        seen.add(name.text)
    for text, name in tagged.items():
        if text not in seen:
            names.append(name)
            marks.append(item.id_mark)
    if len(names) == len(entry.names) and all(a is b for a, b in zip(names, entry.names, strict=True)):
        return item
    return dataclasses.replace(item, entry=dataclasses.replace(entry, names=tuple(names)), name_marks=marks)


def entry_as_record(entry: Entry) -> dict[str, Any]:
    """A layer entry as the mapping a YAML entry file holds (for `exonym promote`)."""
    out: dict[str, Any] = {"id": entry.id, "type": entry.type, "name": entry.name}
    if entry.parents:
        out["parents"] = list(entry.parents)
    if entry.covers:
        out["covers"] = list(entry.covers)
    if entry.ids:
        out["ids"] = dict(entry.ids)
    if entry.coordinates:
        out["coordinates"] = {"lat": entry.coordinates.lat, "lon": entry.coordinates.lon}
    if entry.population is not None:
        out["population"] = entry.population
    if entry.sources:
        out["sources"] = list(entry.sources)
    names = []
    for n in entry.names:
        item: dict[str, Any] = {"text": n.text, "lang": n.langs[0] if len(n.langs) == 1 else list(n.langs), "kind": n.kind}
        if n.preferred:
            item["preferred"] = True
        item["sources"] = list(n.sources)
        if n.note:
            item["note"] = n.note
        names.append(item)
    out["names"] = names
    return out
