"""`exonym fmt`: rewrite entry files in the canonical layout of yamlio without losing anything.

The file is read as YAML nodes (the loader's safe subset), its comments are found from the
node spans and attached to the key they sit above or beside, and the layout is emitted
again. Before anything is written the result is read back and compared with the original:
the same data (every scalar as written, its YAML type, names in canonical order) and the same
comments. A file that would differ is refused, never written: a formatter that quietly drops
a comment or re-normalises a name is worse than none."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exonym.data.folder import read_file
from exonym.data.loader import parse_nodes, read_entry
from exonym.edit.yamlio import Comments, Key, Verbatim, emit, name_sort_key

MODELINE = "# yaml-language-server: $schema="
_STR = "tag:yaml.org,2002:str"


class FormatRefused(Exception):
    """The canonical text would not carry the same information as the file."""


@dataclass
class FmtReport:
    changed: list[Path] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)  # one line each, file:line:col first


def _plain_tag(node: yaml.ScalarNode) -> str:
    """The type a scalar reads as: quoted and block scalars are strings; a plain one is what the
    resolver made of it, or what an explicit tag (!!str 123) says."""
    if node.style:
        return _STR
    return str(node.tag)


def _data(node: yaml.Node) -> Any:
    """Nodes -> plain data for the emitter: strings stay strings (re-quoted as needed), other
    plain scalars stay as written."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if _plain_tag(node) == _STR else Verbatim(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_data(n) for n in node.value]
    return {str(k.value): _data(v) for k, v in node.value}


def _meaning(node: yaml.Node, path: tuple[str, ...] = ()) -> Any:
    """What a file says, independent of layout: compared before and after formatting."""
    if isinstance(node, yaml.ScalarNode):
        return (_plain_tag(node), node.value)
    if isinstance(node, yaml.SequenceNode):
        items = [_meaning(n, path) for n in node.value]
        if path == ("names",):
            keyed = [(name_sort_key(_data(n)), i) for i, n in enumerate(node.value)]
            items = [items[i] for _, i in sorted(keyed)]
        return ("seq", tuple(items))
    return ("map", tuple(sorted((str(k.value), _meaning(v, (*path, str(k.value)))) for k, v in node.value)))


def _key_lines(root: yaml.MappingNode) -> list[tuple[int, Key]]:
    """(line, key) for every line the emitter writes on its own: top-level keys, ids, the
    first line of each name or example (the item) and its other keys."""
    out: list[tuple[int, Key]] = []
    for k, v in root.value:
        key = str(k.value)
        out.append((k.start_mark.line, (key,)))
        if key in ("names", "examples") and isinstance(v, yaml.SequenceNode):
            for i, item in enumerate(v.value):
                if not isinstance(item, yaml.MappingNode):
                    continue
                for j, (sk, _) in enumerate(item.value):
                    out.append((sk.start_mark.line, (key, i) if j == 0 else (key, i, str(sk.value))))
        elif key == "ids" and isinstance(v, yaml.MappingNode):
            out.extend((sk.start_mark.line, (key, str(sk.value))) for sk, _ in v.value)
    return sorted(out, key=lambda t: t[0])


def _scalar_spans(root: yaml.Node) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack = [root]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            spans.append((n.start_mark.index, n.end_mark.index))
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.extend((k, v))
    return sorted(spans)


def find_comments(text: str, root: yaml.MappingNode) -> Comments:
    """Every `#` comment outside a scalar, attached to the key line it sits beside, or the next
    key line below it; comments before the first key stay on top, after the last at the end."""
    spans = _scalar_spans(root)
    keys = _key_lines(root)
    found: list[tuple[int, bool, str]] = []  # (line, whole line?, text)
    offset = 0
    span_i = 0
    for lineno, line in enumerate(text.splitlines(keepends=True)):
        start = offset
        offset += len(line)
        body = line.rstrip("\r\n")
        pos = body.find("#")
        while pos >= 0:
            index = start + pos
            while span_i < len(spans) and spans[span_i][1] <= index:
                span_i += 1
            inside = any(a <= index < b for a, b in spans[span_i : span_i + 3])
            if not inside and (pos == 0 or body[pos - 1] in " \t"):
                found.append((lineno, not body[:pos].strip(), body[pos:].rstrip()))
                break
            pos = body.find("#", pos + 1)
    comments = Comments()
    first_key_line = keys[0][0] if keys else 10**9
    for lineno, whole, comment in found:
        if whole and lineno < first_key_line:
            comments.top.append(comment)
        elif whole:
            after = next((k for ln, k in keys if ln > lineno), None)
            if after is None:
                comments.end.append(comment)
            else:
                comments.above.setdefault(after, []).append(comment)
        else:
            at = [k for ln, k in keys if ln <= lineno]
            comments.beside.setdefault(at[-1] if at else ("id",), []).append(comment)
    return comments


def canonical_text(text: str, shown: str, schema_path: str | None) -> str:
    """The canonical layout of one entry file's text; FormatRefused if the file has errors or
    the result would not say exactly the same thing."""
    node, diags = parse_nodes(text, shown)
    if node is None or not isinstance(node, yaml.MappingNode):
        raise FormatRefused(diags[0].format() if diags else f"{shown}:1:1: not an entry mapping")
    _, problems = read_entry(text, shown, None, None, node=node)
    if problems:  # formatting a file the validator rejects would only hide the problem
        raise FormatRefused(f"{problems[0].format()} (fix it first: exonym validate)")
    comments = find_comments(text, node)
    if schema_path and not any(c.startswith(MODELINE) for c in comments.top):
        comments.top.insert(0, MODELINE + schema_path)
    data = _data(node)
    for key in ("names", "examples"):
        if isinstance(data.get(key), list):
            for i, item in enumerate(data[key]):
                if isinstance(item, dict):
                    item["_at"] = i
    out = emit(data, comments)
    if out != text:
        _check_same(out, node, comments, shown)
    return out


def edited_text(text: str, shown: str, change: Callable[[dict[str, Any]], None]) -> str:
    """The canonical text of an entry file after `change` has edited its data in place (the
    plain data the emitter takes: names and examples as lists of dicts). Importers add names and
    ids this way: every comment stays beside its key. New names need no `_at`. FormatRefused if
    the file has errors, or if the result would lose a comment or not validate."""
    node, diags = parse_nodes(text, shown)
    if node is None or not isinstance(node, yaml.MappingNode):
        raise FormatRefused(diags[0].format() if diags else f"{shown}:1:1: not an entry mapping")
    comments = find_comments(text, node)
    data = _data(node)
    for key in ("names", "examples"):
        for i, item in enumerate(data.get(key) or []):
            if isinstance(item, dict):
                item["_at"] = i
    change(data)
    for key in ("names", "examples"):  # an added item must not take the comments of a written one
        for i, item in enumerate(data.get(key) or []):
            if isinstance(item, dict) and "_at" not in item:
                item["_at"] = ("added", i)
    out = emit(data, comments)
    new_node, diags = parse_nodes(out, shown)
    if new_node is None or not isinstance(new_node, yaml.MappingNode):
        raise FormatRefused(f"{shown}:1:1: the edit would break the file ({diags[0].message if diags else 'no mapping'})")
    _, problems = read_entry(out, shown, None, None, node=new_node)
    if problems:
        raise FormatRefused(f"{problems[0].format()} (after the edit)")
    old = Counter(c for c in comments.all() if not c.startswith(MODELINE))
    new = Counter(c for c in find_comments(out, new_node).all() if not c.startswith(MODELINE))
    if old != new:
        raise FormatRefused(f"{shown}:1:1: the edit would move or lose a comment; left as it is")
    return out


def _check_same(after: str, node: yaml.Node, comments: Comments, shown: str) -> None:
    new_node, diags = parse_nodes(after, shown)
    if new_node is None or not isinstance(new_node, yaml.MappingNode):
        raise FormatRefused(
            f"{shown}:1:1: formatting would break the file ({diags[0].message if diags else 'no mapping'}); please report this"
        )
    if _meaning(new_node) != _meaning(node):
        raise FormatRefused(f"{shown}:1:1: formatting would change the data; left as it is, please report this")
    old = Counter(c for c in comments.all() if not c.startswith(MODELINE))
    new = Counter(c for c in find_comments(after, new_node).all() if not c.startswith(MODELINE))
    if old != new:
        raise FormatRefused(f"{shown}:1:1: formatting would move or lose a comment; left as it is, please report this")


def schema_path_for(path: Path, root: Path) -> str:
    return Path(os.path.relpath(root / "schema" / "entry.schema.json", path.parent)).as_posix()


def _root_of(path: Path, default: Path) -> Path:
    """The gazetteer a file belongs to: the nearest folder above it with a sources.yaml."""
    for folder in path.resolve().parents:
        if (folder / "sources.yaml").is_file():
            return folder
    return default


def format_files(paths: Iterable[Path], root: Path, *, write: bool) -> FmtReport:
    """Format (or with write=False only check) each file; problems are reported, not raised."""
    report = FmtReport()
    for path in paths:
        shown = os.path.relpath(path)
        text, diags = read_file(path, shown)
        if text is None:
            report.problems += [d.format() for d in diags]
            continue
        try:
            out = canonical_text(text, shown, schema_path_for(path, _root_of(path, root)))
        except FormatRefused as exc:
            report.problems.append(str(exc))
            continue
        if out == text:
            report.unchanged += 1
            continue
        report.changed.append(path)
        if write:
            tmp = path.with_name(path.name + ".fmt-tmp")
            tmp.write_text(out, encoding="utf-8", newline="\n")
            tmp.replace(path)
    return report
