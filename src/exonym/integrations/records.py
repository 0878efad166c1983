"""One document in, one result record out: the record `exonym resolve --format jsonl` prints and
`exonym batch` writes, made by the same functions so that the two cannot drift apart. Also the
gazetteer each process loads once (a batch worker, a spaCy pipeline), and only once."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

import exonym
from exonym.errors import InputError
from exonym.gazetteer import Gazetteer
from exonym.glossary.serialize import mention_dict

_loaded: dict[str | None, Gazetteer] = {}
_loads = 0
_lock = threading.Lock()


def gazetteer(folder: str | None = None) -> Gazetteer:
    """The gazetteer at `folder` (None: the bundled one), loaded once per process: tasks and
    pipeline components name it by its folder and never carry it."""
    global _loads
    with _lock:
        if folder not in _loaded:
            _loaded[folder] = exonym.load(folder)
            _loads += 1
        return _loaded[folder]


def loads() -> int:
    """How many gazetteers this process has loaded (a test asks each batch worker)."""
    return _loads


def document_record(
    gaz: Gazetteer, doc: Mapping[str, Any], number: Any, *, lang: str | None, types: Any, include_adjectives: bool
) -> dict[str, Any]:
    """The result of one document {"text", "id"?, "lang"?}; its id is `number` when it has none."""
    mentions = gaz.resolve(doc["text"], lang=doc.get("lang", lang), types=types, include_adjectives=include_adjectives)
    return {"id": doc.get("id", number), "mentions": [mention_dict(m) for m in mentions]}


def line_record(gaz: Gazetteer, line: str, number: int, *, lang: str | None, types: Any, include_adjectives: bool) -> dict[str, Any]:
    """The result of line `number` of a JSONL input, or an error record {"id", "error"} when the
    line is not a document: one bad line must not stop an archive."""
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise ValueError('each line must be an object with a "text" string')
        return document_record(gaz, doc, number, lang=lang, types=types, include_adjectives=include_adjectives)
    except (ValueError, InputError) as exc:
        return {"id": number, "error": f"line {number}: {exc}"}


def record_line(record: Mapping[str, Any]) -> str:
    """A record as one JSONL line."""
    return json.dumps(record, ensure_ascii=False) + "\n"
