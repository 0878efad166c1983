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
from exonym.text.scripts import detect_script, find_unfit

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
# Keys whose text is a name or a label (and an example's sentence and mention): no control,
# private-use or surrogate character belongs in them (E116).
_NAME_KEYS = frozenset({"text", "name", "mention"})
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
        self.refs: list[tuple[str, str, int, int]] = []  # (field, id, line, col) to check across files

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
        unfit = find_unfit(value) if key in _NAME_KEYS else None
        if unfit:
            self.problem(node, "E116", f"{key!r} has a {unfit[1]} at character {unfit[0] + 1}: {value!r}; retype it without")
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

    # -- one reader per spec.Field.kind: the spec says what a key holds, the reader follows --------
    def read(self, f: spec.Field, node: yaml.Node, key: str) -> Any:
        """The value of `node` as field `f` describes it, or None (the problem is recorded)."""
        return getattr(self, "_read_" + f.kind.replace("[", "_").rstrip("]"))(f, node, key)

    def _read_text(self, f: spec.Field, node: yaml.Node, key: str) -> str | None:
        value = self.text(node, key)
        if value is not None and f.pattern and not re.fullmatch(f.pattern, value):
            self.problem(node, f.code or "E107", f"malformed {key} {value!r}: {f.hint}")
            return None
        return value

    _read_id = _read_text
    _read_script = _read_text

    def _read_enum(self, f: spec.Field, node: yaml.Node, key: str) -> str | None:
        return self.enum(node, key, f.enum)

    def _read_bool(self, f: spec.Field, node: yaml.Node, key: str) -> bool | None:
        return self.boolean(node, key)

    def _read_int(self, f: spec.Field, node: yaml.Node, key: str) -> int | None:
        if f.pattern:  # an identifier written as a number: its shape is the check
            value = self._read_text(f, node, key)
            return None if value is None else int(value)
        return self.integer(node, key)

    def _read_float(self, f: spec.Field, node: yaml.Node, key: str) -> float | None:
        return self.number(node, key)

    def _read_langs(self, f: spec.Field, node: yaml.Node, key: str) -> tuple[str, ...] | None:
        langs: list[str] = []
        for item in self.items(node, key, allow_scalar=True):
            tag = self.text(item, key)
            if tag is None:
                continue
            try:
                langs.append(canonical_tag(tag))
            except InvalidLanguageTag as exc:
                self.problem(item, "E103", str(exc))
        return tuple(dict.fromkeys(langs)) or None

    def _read_list_id(self, f: spec.Field, node: yaml.Node, key: str) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.items(node, key, allow_scalar=True):
            ref = self.text(item, key)
            if ref is not None:
                out.append(ref)
                self.refs.append((key, ref, *_mark(item)))
        return tuple(out)

    def _read_list_source(self, f: spec.Field, node: yaml.Node, key: str) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.items(node, key, allow_scalar=True):
            sid = self.text(item, key)
            if sid is None:
                continue
            if self.known_sources is not None and sid not in self.known_sources:
                self.problem(item, "E105", f"unknown source {sid!r}; register it in gazetteer/sources.yaml")
            out.append(sid)
        return tuple(out)

    def record(self, node: yaml.Node, fields: dict[str, spec.Field], what: str) -> dict[str, Any] | None:
        """A mapping read key by key through `read`; None when it is not a mapping."""
        nodes = self.mapping(node, fields, what)
        if nodes is None:
            return None
        return {key: self.read(fields[key], value, key) for key, value in nodes.items()}

    def _read_ids(self, f: spec.Field, node: yaml.Node, key: str) -> dict[str, Any]:
        values = self.record(node, spec.IDS_FIELDS, key) or {}
        return {k: v for k, v in values.items() if v is not None}

    def _read_coords(self, f: spec.Field, node: yaml.Node, key: str) -> Coordinates | None:
        values = self.record(node, spec.COORD_FIELDS, key) or {}
        lat, lon = values.get("lat"), values.get("lon")
        if lat is None or lon is None:
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.problem(node, "E108", f"coordinates out of range: {lat}, {lon}")
            return None
        return Coordinates(lat, lon)

    def _read_period(self, f: spec.Field, node: yaml.Node, key: str) -> Period | None:
        values = self.record(node, spec.PERIOD_FIELDS, key)
        if values is None:
            return None
        start, end = values.get("from"), values.get("to")
        if start is None and end is None:
            self.problem(node, "E108", f"{key!r} needs 'from', 'to' or both")
            return None
        if start is not None and end is not None and start > end:
            self.problem(node, "E108", f"{key!r} runs backwards: from {start} to {end}")
        return Period(start, end)

    def _read_names(self, f: spec.Field, node: yaml.Node, key: str) -> list[tuple[Name, yaml.Node]]:
        items = self.items(node, key)
        if not items and isinstance(node, yaml.SequenceNode):
            self.problem(node, "E102", "an entry needs at least one name")
        out = []
        for item in items:
            values = self.record(item, spec.NAME_FIELDS, "name")
            if values is None or values.get("text") is None or values.get("lang") is None or values.get("kind") is None:
                continue
            name = Name(
                text=values["text"],
                langs=values["lang"],
                kind=values["kind"],
                script=values.get("script") or detect_script(values["text"]),
                sources=values.get("sources", ()),
                preferred=bool(values.get("preferred")),
                period=values.get("period"),
                system=values.get("system"),
                used_by=values.get("used_by", ()),
                note=values.get("note"),
            )
            out.append((name, item))
        return out

    def _read_examples(self, f: spec.Field, node: yaml.Node, key: str) -> tuple[Example, ...]:
        out = []
        for item in self.items(node, key):
            nodes = self.mapping(item, spec.EXAMPLE_FIELDS, "example") or {}
            values = {k: self.read(spec.EXAMPLE_FIELDS[k], v, k) for k, v in nodes.items()}
            text, mention = values.get("text"), values.get("mention")
            if text is None or mention is None:
                continue
            if mention not in text:
                self.problem(nodes["mention"], "E106", f"mention {mention!r} does not occur in the example text")
            else:
                out.append(Example(text, mention, _mark(item)[0]))
        return tuple(out)


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
    nodes = r.mapping(node, spec.ENTRY_FIELDS, "entry")
    if nodes is None:
        return None, r.diags
    values = {key: r.read(spec.ENTRY_FIELDS[key], value, key) for key, value in nodes.items()}
    entry_id = values.get("id")
    if entry_id is not None and stem is not None and entry_id != stem:
        r.problem(nodes["id"], "E202", f"id {entry_id!r} differs from the file name {stem!r}.yaml")
    named = values.get("names") or []
    _check_names(r, named)
    if entry_id is None or values.get("type") is None or values.get("name") is None or not named:
        return None, r.diags
    entry = Entry(
        id=entry_id,
        type=values["type"],
        name=values["name"],
        names=tuple(name for name, _ in named),
        parents=values.get("parents", ()),
        covers=values.get("covers", ()),
        ids=FrozenDict(values.get("ids") or {}),
        coordinates=values.get("coordinates"),
        population=values.get("population"),
        period=values.get("period"),
        sources=values.get("sources", ()),
        notes=values.get("notes"),
        examples=values.get("examples", ()),
        path=path,
    )
    id_mark = _mark(nodes["id"])
    return LoadedEntry(entry, path, id_mark, r.refs, [_mark(item) for _, item in named]), r.diags


def _check_names(r: _Reader, named: list[tuple[Name, yaml.Node]]) -> None:
    """Rules across an entry's names: no spelling twice in a language (E104), one preferred name
    per language (E113), a romanization names its system (E112)."""
    seen: dict[tuple[str, str], int] = {}
    preferred_at: dict[str, int] = {}
    for name, item in named:
        line = _mark(item)[0]
        for lang in name.langs:
            if (name.text, lang) in seen:
                r.problem(item, "E104", f"name {name.text!r} ({lang}) repeats in names (first at line {seen[name.text, lang]}); delete one")
            else:
                seen[name.text, lang] = line
            if name.preferred:
                if lang in preferred_at:
                    r.problem(item, "E113", f"a second preferred name for {lang} (the first is at line {preferred_at[lang]}); keep one")
                else:
                    preferred_at[lang] = line
        if name.kind == "romanization" and not name.system:
            r.problem(item, "E112", f"romanization {name.text!r} needs its system (bgn-pcgn, iso9, ala-lc ...)")


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
