"""Writes entries as YAML in the one canonical layout (key order, flow lists of plain ids),
so that imports and `exonym fmt` give small, stable diffs."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from . import spec

ENTRY_ORDER = tuple(spec.ENTRY_FIELDS)
NAME_ORDER = tuple(spec.NAME_FIELDS)
_NESTED_ORDER = {
    "ids": tuple(spec.IDS_FIELDS),
    "coordinates": tuple(spec.COORD_FIELDS),
    "period": tuple(spec.PERIOD_FIELDS),
}


@lru_cache(maxsize=65536)
def _scalar_text(value: str) -> str:
    out = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    return out.removesuffix("\n...\n").rstrip("\n")


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return _scalar_text(str(value))


def _flow(items: list[Any]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def _mapping_flow(d: dict[str, Any], order: tuple[str, ...]) -> str:
    keys = [k for k in order if k in d] + [k for k in d if k not in order]
    return "{" + ", ".join(f"{k}: {scalar(d[k])}" for k in keys) + "}"


def dump_entry(entry: dict[str, Any], *, schema_path: str | None = None) -> str:
    lines: list[str] = []
    if schema_path:
        lines.append(f"# yaml-language-server: $schema={schema_path}")
    keys = [k for k in ENTRY_ORDER if k in entry] + [k for k in entry if k not in ENTRY_ORDER]
    for key in keys:
        value = entry[key]
        if key == "names":
            lines.append("names:")
            for name in value:
                lines.extend(_name_lines(name))
        elif key == "examples":
            lines.append("examples:")
            for ex in value:
                lines.append(f"  - text: {scalar(ex['text'])}")
                lines.append(f"    mention: {scalar(ex['mention'])}")
        elif key in ("coordinates", "period"):
            lines.append(f"{key}: {_mapping_flow(value, _NESTED_ORDER[key])}")
        elif key == "ids":
            lines.append("ids:")
            order = _NESTED_ORDER["ids"]
            for k in [k for k in order if k in value] + [k for k in value if k not in order]:
                lines.append(f"  {k}: {scalar(value[k])}")
        elif isinstance(value, list):
            lines.append(f"{key}: {_flow(value)}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def _name_lines(name: dict[str, Any]) -> list[str]:
    keys = [k for k in NAME_ORDER if k in name] + [k for k in name if k not in NAME_ORDER]
    out: list[str] = []
    for i, key in enumerate(keys):
        value = name[key]
        if isinstance(value, list):
            text = _flow(value)
        elif isinstance(value, dict):
            text = _mapping_flow(value, _NESTED_ORDER.get(key, ()))
        else:
            text = scalar(value)
        out.append(f"{'  - ' if i == 0 else '    '}{key}: {text}")
    return out
