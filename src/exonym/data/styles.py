"""House styles (gazetteer/styles.yaml): which of a place's names a publication uses when the
name is disputed or has changed, and how it writes them at first and later mentions.

A style is data, edited like the gazetteer and checked by `exonym validate` (code E206):

    neutral:
      title: Neutral
      description: ...
      prefer_recognised_state: true     # the name used by the state the place lies in
      first_mention: "{name} ({other})" # the other side's name in brackets, once
      later_mentions: "{name}"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from exonym.data.loader import parse_nodes
from exonym.diagnostics import Diagnostic

PLACEHOLDERS = frozenset({"name", "other"})
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

STYLE_FIELDS = {
    "title": "Short name of the style.",
    "description": "What the style does and whom it follows.",
    "prefer_recognised_state": "true: prefer names used by the state the place lies in (the neutral policy).",
    "prefer_used_by": "Entry ids (states, organizations) whose names come first.",
    "avoid_used_by": "Entry ids whose names are not used unless nothing else exists.",
    "prefer_sources": "Source ids whose names come first (un, ungegn ...).",
    "first_mention": "Template for the first mention of a place: {name}, {other}.",
    "later_mentions": "Template for later mentions (default: {name}).",
}
_LISTS = ("prefer_used_by", "avoid_used_by", "prefer_sources")


@dataclass(frozen=True, slots=True)
class Style:
    id: str
    title: str
    description: str = ""
    prefer_recognised_state: bool = False
    prefer_used_by: tuple[str, ...] = ()
    avoid_used_by: tuple[str, ...] = ()
    prefer_sources: tuple[str, ...] = ()
    first_mention: str = "{name}"
    later_mentions: str = "{name}"


def read_styles(text: str, path: str) -> tuple[dict[str, Style], list[Diagnostic], list[tuple[str, str, int, int]]]:
    """Styles, every problem (E001/E002 for YAML, E206 for the rest), and the references to
    check once the entries and sources are known: (kind, id, line, col)."""
    node, diags = parse_nodes(text, path)
    refs: list[tuple[str, str, int, int]] = []
    if node is None:
        return {}, diags, refs
    out: dict[str, Style] = {}

    def problem(n: yaml.Node, message: str) -> None:
        diags.append(Diagnostic(path, n.start_mark.line + 1, n.start_mark.column + 1, "E206", message))

    if not isinstance(node, yaml.MappingNode):
        problem(node, "styles.yaml maps style ids to styles")
        return {}, diags, refs
    for key, value in node.value:
        sid = str(key.value)
        if sid in out:
            problem(key, f"style {sid!r} is defined twice")
            continue
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", sid):
            problem(key, f"style id {sid!r}: use lower-case letters, digits and '-'")
            continue
        if not isinstance(value, yaml.MappingNode):
            problem(value, f"style {sid!r} must be a mapping of {', '.join(STYLE_FIELDS)}")
            continue
        fields: dict[str, object] = {}
        for fk, fv in value.value:
            name = str(fk.value)
            if name in fields:
                problem(fk, f"{name} is given twice in style {sid!r}")
            elif name not in STYLE_FIELDS:
                problem(fk, f"unknown key {name!r} in style {sid!r}; allowed: {', '.join(STYLE_FIELDS)}")
            elif name in _LISTS:
                items = fv.value if isinstance(fv, yaml.SequenceNode) else None
                if items is None or not all(isinstance(i, yaml.ScalarNode) for i in items):
                    problem(fv, f"{name} is a list of ids")
                    continue
                fields[name] = tuple(str(i.value) for i in items)
                kind = "source" if name == "prefer_sources" else "entry"
                refs += [(kind, str(i.value), i.start_mark.line + 1, i.start_mark.column + 1) for i in items]
            elif name == "prefer_recognised_state":
                if not (isinstance(fv, yaml.ScalarNode) and fv.value in ("true", "false")):
                    problem(fv, "prefer_recognised_state is true or false")
                    continue
                fields[name] = fv.value == "true"
            else:
                if not isinstance(fv, yaml.ScalarNode):
                    problem(fv, f"{name} is text")
                    continue
                fields[name] = str(fv.value)
                if name == "title" and not str(fv.value).strip():
                    problem(fv, f"style {sid!r} has an empty title")
                if name in ("first_mention", "later_mentions"):
                    _check_template(str(fv.value), fv, name, problem)
        if "title" not in fields:
            problem(key, f"style {sid!r} has no title")
            continue
        out[sid] = Style(sid, **fields)  # type: ignore[arg-type]
    return out, diags, refs


def _check_template(template: str, node: yaml.Node, name: str, report: Callable[[yaml.Node, str], None]) -> None:
    used = _PLACEHOLDER.findall(template)
    unknown = [u for u in used if u not in PLACEHOLDERS]
    rest = _PLACEHOLDER.sub("", template)
    if unknown:
        report(node, f"{name}: unknown placeholder {{{unknown[0]}}}; use {{name}} and {{other}}")
    elif "name" not in used:
        report(node, f"{name} must contain {{name}}")
    elif "{" in rest or "}" in rest:
        report(node, f"{name}: unbalanced brace")


def fill(template: str, name: str, other: str | None) -> str:
    """A template with its placeholders filled; a template that needs {other} when there is
    none degrades to the bare name (never "Khankendi ()")."""
    if "{other}" in template and not other:
        return name
    return template.replace("{name}", name).replace("{other}", other or "")
