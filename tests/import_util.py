"""A small gazetteer and a source extract written to a temporary folder, for the importers'
tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_gazetteer_and_source(tmp_path: Path, sources: str, entries: dict[str, str], records: list[dict[str, Any]]) -> tuple[Path, Path]:
    """(gazetteer root, JSON-lines source file): the entries' files under gazetteer/, the
    records one per line."""
    root = tmp_path / "gazetteer"
    (root / "schema").mkdir(parents=True)
    (root / "sources.yaml").write_text(sources, encoding="utf-8")
    for rel, text in entries.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    source = tmp_path / "wof.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return root, source


def wof_record(wof_id: int, cc: str, placetype: str, name: str, names: dict[str, list[str]], **extra: Any) -> dict[str, Any]:
    """A Who's On First record as the extract holds it; `extra` sets or overrides fields."""
    out = {
        "wof_id": wof_id,
        "cc": cc,
        "placetype": placetype,
        "name": name,
        "is_current": 1,
        "deprecated": None,
        "lat": None,
        "lon": None,
        "hierarchy": [{}],
        "concordances": {},
        "gn_id": None,
        "wd_id": None,
        "names": names,
    }
    out.update(extra)
    return out
