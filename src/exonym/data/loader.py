"""One YAML file -> an Entry (or the sources registry), plus a Diagnostic for every problem,
each pointing at the line and column of the YAML node at fault."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from exonym.data import spec
from exonym.diagnostics import Diagnostic
from exonym.errors import InvalidLanguageTag
from exonym.model import Coordinates, Entry, Example, FrozenDict, Name, Period, Source
from exonym.text.langtags import canonical_tag
from exonym.text.scripts import detect_script

try:  # the C parser is about 4x faster; marks are the same
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


@dataclass
class LoadedEntry:
    """An entry with the marks the cross-file checks need to point back into its file."""

    entry: Entry
    path: str
    id_mark: tuple[int, int]
    refs: list[tuple[str, str, int, int]] = field(default_factory=list)  # (field, id, line, col)
    name_marks: list[tuple[int, int]] = field(default_factory=list)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_nodes(text: str, path: str) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """Compose the YAML document, refusing anchors, aliases and custom tags (safe subset only)."""
    diags: list[Diagnostic] = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent):
                diags.append(Diagnostic(path, line, col, "E002", f"alias *{anchor} refused: write the value out"))
            elif anchor:
                diags.append(Diagnostic(path, line, col, "E002", f"anchor &{anchor} refused: write the value out"))
            tag = getattr(event, "tag", None)
            if tag and tag not in _STANDARD_TAGS and tag != "!":
                diags.append(Diagnostic(path, line, col, "E002", f"custom tag {tag} refused"))
        if diags:
            return None, diags
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "syntax error"
        context = f" ({exc.context})" if exc.context else ""
        return None, [Diagnostic(path, line, col, "E001", f"YAML syntax error: {problem}{context}")]
    except yaml.YAMLError as exc:
        return None, [Diagnostic(path, 1, 1, "E001", f"YAML error: {exc}")]
    for sub in _walk(node):
        if sub.tag not in _STANDARD_TAGS:
            line, col = _mark(sub)
            diags.append(Diagnostic(path, line, col, "E002", f"custom tag {sub.tag} refused"))
    return (None, diags) if diags else (node, [])


def _walk(node: yaml.Node | None) -> list[yaml.Node]:
    out: list[yaml.Node] = []
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        out.append(n)
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.extend((k, v))
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return out


class _Reader:
    """Turns YAML nodes into typed values following `spec`, recording problems as it goes."""

    def __init__(self, path: str, known_sources: frozenset[str] | None) -> None:
        self.path = path
        self.known_sources = known_sources
        self.diags: list[Diagnostic] = []

    def problem(self, node: yaml.Node, code: str, message: str) -> None:
        line, col = _mark(node)
        self.diags.append(Diagnostic(self.path, line, col, code, message))

    def mapping(self, node: yaml.Node, fields: dict[str, spec.Field], what: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "E003", f"{what} must be a mapping of keys to values")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key not in fields:
                allowed = ", ".join(fields)
                self.problem(key_node, "E101", f"unknown key {key!r} in {what}; allowed: {allowed}")
                continue
            if key in out:
                self.problem(key_node, "E101", f"key {key!r} repeats in {what}")
                continue
            out[key] = value_node
        for key, f in fields.items():
            if f.required and key not in out:
                self.problem(node, "E102", f"{what} lacks required field {key!r}")
        return out

    def scalar(self, node: yaml.Node, key: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            self.problem(node, "E003", f"{key!r} must be a single value")
            return None
        return str(node.value)

    def text(self, node: yaml.Node, key: str) -> str | None:
        value = self.scalar(node, key)
        if value is None:
            return None
        if not value.strip():
            self.problem(node, "E003", f"{key!r} is empty")
            return None
        if unicodedata.normalize("NFC", value) != value or value != value.strip():
            self.problem(node, "E111", f"{key!r} must be NFC without leading or trailing spaces: {value!r}")
        return value

    def integer(self, node: yaml.Node, key: str) -> int | None:
        value = self.scalar(node, key)
        if value is None:
            return None
        if node.tag != "tag:yaml.org,2002:int" or not re.fullmatch(r"-?[0-9]+", value):
            self.problem(node, "E003", f"{key!r} must be a whole number, not {value!r}")
            return None
        return int(value)

    def number(self, node: yaml.Node, key: str) -> float | None:
        value = self.scalar(node, key)
        if value is None:
            return None
        try:
            return float(value)
        except ValueError:
            self.problem(node, "E003", f"{key!r} must be a number, not {value!r}")
            return None

    def boolean(self, node: yaml.Node, key: str) -> bool | None:
        value = self.scalar(node, key)
        if value is None:
            return None
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        self.problem(node, "E003", f"{key!r} must be true or false, not {value!r}")
        return None

    def items(self, node: yaml.Node, key: str, *, allow_scalar: bool = False) -> list[yaml.Node]:
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if allow_scalar and isinstance(node, yaml.ScalarNode):
            return [node]
        self.problem(node, "E003", f"{key!r} must be a list")
        return []

    def enum(self, node: yaml.Node, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(node, key)
        if value is not None and value not in allowed:
            self.problem(node, "E106", f"{key!r} is {value!r}; allowed: {', '.join(allowed)}")
            return None
        return value

    def source_ids(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.items(node, key, allow_scalar=True):
            sid = self.text(item, key)
            if sid is None:
                continue
            if self.known_sources is not None and sid not in self.known_sources:
                self.problem(item, "E105", f"unknown source {sid!r}; register it in gazetteer/sources.yaml")
            out.append(sid)
        return tuple(out)

    def period(self, node: yaml.Node, key: str) -> Period | None:
        fields = self.mapping(node, spec.PERIOD_FIELDS, key)
        if fields is None:
            return None
        start = self.integer(fields["from"], "from") if "from" in fields else None
        end = self.integer(fields["to"], "to") if "to" in fields else None
        if start is None and end is None:
            self.problem(node, "E108", f"{key!r} needs 'from', 'to' or both")
            return None
        if start is not None and end is not None and start > end:
            self.problem(node, "E108", f"{key!r} runs backwards: from {start} to {end}")
        return Period(start, end)


def read_entry(
    text: str, path: str, stem: str | None, known_sources: frozenset[str] | None, *, node: yaml.Node | None = None
) -> tuple[LoadedEntry | None, list[Diagnostic]]:
    """Parse and check one entry file (or its already parsed `node`). Returns the entry (None if
    unusable) and its diagnostics."""
    diags: list[Diagnostic] = []
    if node is None:
        node, diags = parse_nodes(text, path)
    if node is None:
        return None, diags or [Diagnostic(path, 1, 1, "E003", "the file is empty; an entry is a mapping")]
    r = _Reader(path, known_sources)
    fields = r.mapping(node, spec.ENTRY_FIELDS, "entry")
    if fields is None:
        return None, r.diags

    refs: list[tuple[str, str, int, int]] = []
    entry_id = r.text(fields["id"], "id") if "id" in fields else None
    id_mark = _mark(fields["id"]) if "id" in fields else (1, 1)
    if entry_id is not None:
        if not re.fullmatch(spec.ID_PATTERN, entry_id):
            r.problem(fields["id"], "E109", f"id {entry_id!r} must be lower-case ASCII letters, digits and '-'")
        if stem is not None and entry_id != stem:
            r.problem(fields["id"], "E202", f"id {entry_id!r} differs from the file name {stem!r}.yaml")
    etype = r.enum(fields["type"], "type", spec.ENTRY_FIELDS["type"].enum) if "type" in fields else None
    label = r.text(fields["name"], "name") if "name" in fields else None

    parents: list[str] = []
    if "parents" in fields:
        for item in r.items(fields["parents"], "parents", allow_scalar=True):
            pid = r.text(item, "parents")
            if pid is not None:
                parents.append(pid)
                refs.append(("parents", pid, *_mark(item)))

    ids: dict[str, Any] = {}
    if "ids" in fields:
        id_fields = r.mapping(fields["ids"], spec.IDS_FIELDS, "ids") or {}
        ids = _read_ids(r, id_fields)

    coordinates = None
    if "coordinates" in fields:
        cf = r.mapping(fields["coordinates"], spec.COORD_FIELDS, "coordinates") or {}
        lat = r.number(cf["lat"], "lat") if "lat" in cf else None
        lon = r.number(cf["lon"], "lon") if "lon" in cf else None
        if lat is not None and lon is not None:
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                coordinates = Coordinates(lat, lon)
            else:
                r.problem(fields["coordinates"], "E108", f"coordinates out of range: {lat}, {lon}")

    population = r.integer(fields["population"], "population") if "population" in fields else None
    period = r.period(fields["period"], "period") if "period" in fields else None
    sources = r.source_ids(fields["sources"], "sources") if "sources" in fields else ()
    notes = r.text(fields["notes"], "notes") if "notes" in fields else None

    names: list[Name] = []
    name_marks: list[tuple[int, int]] = []
    seen: dict[tuple[str, str], tuple[int, int]] = {}
    preferred_at: dict[str, int] = {}
    if "names" in fields:
        items = r.items(fields["names"], "names")
        if not items and isinstance(fields["names"], yaml.SequenceNode):
            r.problem(fields["names"], "E102", "an entry needs at least one name")
        for item in items:
            name = _read_name(r, item, refs)
            if name is None:
                continue
            line_col = _mark(item)
            for lang in name.langs:
                key = (name.text, lang)
                if key in seen:
                    r.problem(item, "E104", f"name {name.text!r} ({lang}) repeats in names (first at line {seen[key][0]}); delete one")
                else:
                    seen[key] = line_col
                if name.preferred:
                    if lang in preferred_at:
                        r.problem(item, "E113", f"a second preferred name for {lang} (the first is at line {preferred_at[lang]}); keep one")
                    else:
                        preferred_at[lang] = line_col[0]
            if name.kind == "romanization" and not name.system:
                r.problem(item, "E112", f"romanization {name.text!r} needs its system (bgn-pcgn, iso9, ala-lc ...)")
            names.append(name)
            name_marks.append(line_col)

    examples: list[Example] = []
    if "examples" in fields:
        for item in r.items(fields["examples"], "examples"):
            ef = r.mapping(item, spec.EXAMPLE_FIELDS, "example") or {}
            etext = r.text(ef["text"], "text") if "text" in ef else None
            mention = r.text(ef["mention"], "mention") if "mention" in ef else None
            if etext is not None and mention is not None:
                if mention not in etext:
                    r.problem(ef["mention"], "E106", f"mention {mention!r} does not occur in the example text")
                else:
                    examples.append(Example(etext, mention, _mark(item)[0]))

    if entry_id is None or etype is None or label is None or not names:
        return None, r.diags
    entry = Entry(
        id=entry_id,
        type=etype,
        name=label,
        names=tuple(names),
        parents=tuple(parents),
        ids=FrozenDict(ids),
        coordinates=coordinates,
        population=population,
        period=period,
        sources=sources,
        notes=notes,
        examples=tuple(examples),
        path=path,
    )
    return LoadedEntry(entry, path, id_mark, refs, name_marks), r.diags


def _read_ids(r: _Reader, fields: dict[str, yaml.Node]) -> dict[str, Any]:
    ids: dict[str, Any] = {}
    checks = {
        "iso3166": (spec.ISO3166_PATTERN, "an ISO 3166 code looks like 'AZ' or 'AZ-TOV'"),
        "wikidata": (spec.WIKIDATA_PATTERN, "a Wikidata id looks like 'Q227'"),
        "geonames_admin1": (spec.ADMIN1_PATTERN, "a GeoNames first-level code looks like 'AZ.58'"),
    }
    for key, node in fields.items():
        value = r.scalar(node, key)
        if value is None:
            continue
        if key == "geonames":
            if not re.fullmatch(r"[1-9][0-9]*", value):
                r.problem(node, "E107", f"GeoNames id must be a positive whole number, not {value!r}")
                continue
            ids[key] = int(value)
            continue
        pattern, hint = checks[key]
        if not re.fullmatch(pattern, value):
            r.problem(node, "E107", f"malformed {key} {value!r}: {hint}")
            continue
        ids[key] = value
    return ids


def _read_name(r: _Reader, node: yaml.Node, refs: list[tuple[str, str, int, int]]) -> Name | None:
    fields = r.mapping(node, spec.NAME_FIELDS, "name")
    if fields is None:
        return None
    text = r.text(fields["text"], "text") if "text" in fields else None
    langs: list[str] = []
    if "lang" in fields:
        for item in r.items(fields["lang"], "lang", allow_scalar=True):
            tag = r.text(item, "lang")
            if tag is None:
                continue
            try:
                langs.append(canonical_tag(tag))
            except InvalidLanguageTag as exc:
                r.problem(item, "E103", str(exc))
    kind = r.enum(fields["kind"], "kind", spec.NAME_FIELDS["kind"].enum) if "kind" in fields else None
    script = None
    if "script" in fields:
        script = r.text(fields["script"], "script")
        if script is not None and not re.fullmatch(spec.SCRIPT_PATTERN, script):
            r.problem(fields["script"], "E110", f"script {script!r} is not an ISO 15924 code like 'Latn'")
            script = None
    system = r.text(fields["system"], "system") if "system" in fields else None
    preferred = bool(r.boolean(fields["preferred"], "preferred")) if "preferred" in fields else False
    period = r.period(fields["period"], "period") if "period" in fields else None
    used_by: list[str] = []
    if "used_by" in fields:
        for item in r.items(fields["used_by"], "used_by", allow_scalar=True):
            uid = r.text(item, "used_by")
            if uid is not None:
                used_by.append(uid)
                refs.append(("used_by", uid, *_mark(item)))
    sources = r.source_ids(fields["sources"], "sources") if "sources" in fields else ()
    note = r.text(fields["note"], "note") if "note" in fields else None
    if text is None or not langs or kind is None:
        return None
    return Name(
        text=text,
        langs=tuple(dict.fromkeys(langs)),
        kind=kind,
        script=script or detect_script(text),
        sources=sources,
        preferred=preferred,
        period=period,
        system=system,
        used_by=tuple(used_by),
        note=note,
    )


def read_sources(text: str, path: str) -> tuple[dict[str, Source], list[Diagnostic]]:
    """Parse sources.yaml: a mapping of source id -> {title, url, kind}."""
    node, diags = parse_nodes(text, path)
    if node is None:
        return {}, diags
    r = _Reader(path, None)
    if not isinstance(node, yaml.MappingNode):
        r.problem(node, "E003", "sources.yaml must map source ids to their descriptions")
        return {}, r.diags
    out: dict[str, Source] = {}
    for key_node, value_node in node.value:
        sid = str(key_node.value)
        if not re.fullmatch(spec.ID_PATTERN, sid):
            r.problem(key_node, "E109", f"source id {sid!r} must be lower-case ASCII letters, digits and '-'")
        if sid in out:
            r.problem(key_node, "E201", f"source id {sid!r} is registered twice")
            continue
        fields = r.mapping(value_node, spec.SOURCE_FIELDS, f"source {sid!r}") or {}
        title = r.text(fields["title"], "title") if "title" in fields else None
        url = r.text(fields["url"], "url") if "url" in fields else None
        kind = r.text(fields["kind"], "kind") if "kind" in fields else None
        out[sid] = Source(sid, title or sid, url, kind)
    return out, r.diags
