"""Writes entries as YAML in the one canonical layout, so that imports and `exonym fmt` give
small, stable diffs: keys in the order of spec.py, names sorted (English first, then by
language tag, preferred first, by kind, by period, by text), plain ids in flow lists, long
text folded at 96 columns. Comments, when given, go back beside the key they were written at."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from exonym.data import spec
from exonym.model import NAME_KINDS

ENTRY_ORDER = tuple(spec.ENTRY_FIELDS)
NAME_ORDER = tuple(spec.NAME_FIELDS)
EXAMPLE_ORDER = tuple(spec.EXAMPLE_FIELDS)
_NESTED_ORDER = {
    "ids": tuple(spec.IDS_FIELDS),
    "coordinates": tuple(spec.COORD_FIELDS),
    "period": tuple(spec.PERIOD_FIELDS),
}
FOLD_WIDTH = 96  # long notes become folded blocks wrapped here: readable in a diff
_BLOCK_AT = 100  # a `key: value` line longer than this is folded


class Verbatim(str):
    """A plain scalar written back exactly as the editor wrote it (numbers, booleans):
    re-typing `40.10` or `yes` through a dumper could change how it reads."""


Key = tuple[Any, ...]  # where a line sits: ("names", 3, "lang"), ("names", 3) for an item's first line


@dataclass
class Comments:
    """Comment lines of a file, keyed by the key they sit above or beside."""

    top: list[str] = field(default_factory=list)
    above: dict[Key, list[str]] = field(default_factory=dict)
    beside: dict[Key, list[str]] = field(default_factory=dict)
    end: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        out = list(self.top) + list(self.end)
        for lines in (*self.above.values(), *self.beside.values()):
            out.extend(lines)
        return out


# Most names are letters and spaces: written plain without asking the dumper (10x faster).
_SAFE_PLAIN = re.compile(r"[^\W\d_](?:[\w .'()-]*[\w.)])?")
_RESOLVER = yaml.resolver.Resolver()


def implicit_tag(plain: str) -> str:
    """The YAML 1.1 type a plain (unquoted) scalar reads as: str, int, bool, null ..."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, plain, (True, False)))  # type: ignore[no-untyped-call]


@lru_cache(maxsize=65536)
def _scalar_text(value: str) -> str:
    if _SAFE_PLAIN.fullmatch(value) and "  " not in value and implicit_tag(value) == "tag:yaml.org,2002:str":
        return value
    out = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    return out.removesuffix("\n...\n").rstrip("\n")


def scalar(value: Any) -> str:
    if isinstance(value, Verbatim):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return _scalar_text(str(value))


class _FoldingDumper(yaml.SafeDumper):
    pass


def _folded(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")


_FoldingDumper.add_representer(str, _folded)


def _value_lines(key: str, value: Any, indent: str) -> list[str]:
    """`key: value`, or a folded block when the line would be long (the emitter falls back
    to a quoted style by itself when folding could not keep the text exact)."""
    line = f"{indent}{key}: {scalar(value)}"
    if isinstance(value, Verbatim) or not isinstance(value, str) or (len(line) <= _BLOCK_AT and "\n" not in value):
        return [line]
    out = yaml.dump(str(value), Dumper=_FoldingDumper, allow_unicode=True, width=FOLD_WIDTH - len(indent) - 4)
    lines = out.removesuffix("\n...\n").rstrip("\n").split("\n")
    return [f"{indent}{key}: {lines[0]}"] + [(indent + ln) if ln.strip() else "" for ln in lines[1:]]


def _flow(items: Sequence[Any]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def _mapping_flow(d: dict[str, Any], order: tuple[str, ...]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(d[k])}" for k in _ordered(d, order)) + "}"


def _ordered(d: dict[str, Any], order: tuple[str, ...]) -> list[str]:
    return [k for k in order if k in d] + [k for k in d if k not in order]


_KIND_RANK = {k: i for i, k in enumerate(NAME_KINDS)}


def name_sort_key(name: dict[str, Any]) -> tuple[Any, ...]:
    """English first, undetermined last, then by tag; within a language the preferred name,
    then by kind, first year and text, so a new name has exactly one place to go."""
    langs = name.get("lang")
    first = str(langs[0] if isinstance(langs, list) and langs else langs or "")
    primary = first.split("-")[0].lower()
    period = name.get("period") or {}
    start = period.get("from") if isinstance(period, dict) else None
    preferred = str(name.get("preferred", "")).lower() in ("true", "yes", "on")
    return (
        primary == "und",
        primary != "en",
        first.lower(),
        not preferred,
        _KIND_RANK.get(str(name.get("kind")), len(_KIND_RANK)),
        int(str(start)) if str(start or "").lstrip("-").isdigit() else 0,
        str(name.get("text", "")),
    )


def emit(entry: dict[str, Any], comments: Comments | None = None) -> str:
    """The canonical text of an entry given as plain data (names as a list of dicts). With
    `comments` (from the file being formatted) every comment is written back. Names carry
    their position in the original file as `_at` so that comments follow them."""
    c = comments or Comments()
    lines: list[str] = list(c.top)

    def put(key: Key, produced: list[str], indent: str = "", also: Key | None = None) -> None:
        keys = (key, also) if also else (key,)
        for k in keys:
            lines.extend(indent + comment for comment in c.above.get(k, ()))
        beside = [comment for k in keys for comment in c.beside.get(k, ())]
        if beside:
            # more than one trailing comment for a key (a block list written as a flow
            # list): the first stays beside it, the others go above it, in order
            lines.extend(indent + extra for extra in beside[1:])
            produced = [f"{produced[0]}  {beside[0]}", *produced[1:]]
        lines.extend(produced)

    for key in _ordered(entry, ENTRY_ORDER):
        value = entry[key]
        if isinstance(value, (list, dict)) and not value:  # ids: {} or examples: [] stay as written
            put((key,), [f"{key}: {'[]' if isinstance(value, list) else '{}'}"])
        elif key in ("names", "examples") and isinstance(value, list):
            put((key,), [f"{key}:"])
            order = NAME_ORDER if key == "names" else EXAMPLE_ORDER
            items = sorted(value, key=name_sort_key) if key == "names" else value
            for pos, item in enumerate(items):
                at = item.get("_at", pos)
                fields = [k for k in _ordered(item, order) if k != "_at"]
                for i, sub in enumerate(fields):
                    prefix = "  - " if i == 0 else "    "
                    # an item's first line also carries what was written at its first key
                    # in the file, which need not be the first key here
                    path: Key = (key, at) if i == 0 else (key, at, sub)
                    put(path, _item_lines(sub, item[sub], prefix), "  " if i == 0 else "    ", (key, at, sub) if i == 0 else None)
        elif key == "ids" and isinstance(value, dict):
            put((key,), ["ids:"])
            for sub in _ordered(value, _NESTED_ORDER["ids"]):
                put((key, sub), [f"  {sub}: {scalar(value[sub])}"], "  ")
        elif isinstance(value, dict):
            put((key,), [f"{key}: {_mapping_flow(value, _NESTED_ORDER.get(key, ()))}"])
        elif isinstance(value, list):
            put((key,), [f"{key}: {_flow(value)}"])
        else:
            put((key,), _value_lines(key, value, ""))
    lines.extend(c.end)
    return "\n".join(lines) + "\n"


def _item_lines(key: str, value: Any, prefix: str) -> list[str]:
    if isinstance(value, list):
        return [f"{prefix}{key}: {_flow(value)}"]
    if isinstance(value, dict):
        return [f"{prefix}{key}: {_mapping_flow(value, _NESTED_ORDER.get(key, ()))}"]
    produced = _value_lines(key, value, "    ")
    return [prefix + produced[0][4:], *produced[1:]]


def dump_entry(entry: dict[str, Any], *, schema_path: str | None = None) -> str:
    """A new file's text (imports, `exonym new`): the modeline, then the canonical layout."""
    top = [f"# yaml-language-server: $schema={schema_path}"] if schema_path else []
    return emit(entry, Comments(top=top))
