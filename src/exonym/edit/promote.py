"""`exonym promote ID`: a layer entry written out as a YAML file, for people to edit.

The YAML file then replaces the layer's line (a curated entry with the same id or GeoNames id
always does), so the layer can be regenerated without losing the edits."""

from __future__ import annotations

from pathlib import Path

from exonym.data.layers import entry_as_record
from exonym.edit.fmt import schema_path_for
from exonym.edit.yamlio import dump_entry
from exonym.errors import InputError
from exonym.gazetteer import Gazetteer


def promote(gaz: Gazetteer, root: Path, entry_id: str) -> tuple[Path, str]:
    """(path, text) of the YAML file for layer entry `entry_id`, beside its country's others
    (world/<cc>/<id>.yaml); InputError when the entry is curated already."""
    entry = gaz.get(entry_id)
    if not entry.path or ".jsonl:" not in entry.path:
        raise InputError(f"{entry_id!r} is curated already ({entry.path}): edit that file", parameter="id")
    country = gaz.country_of(entry_id)
    code = str(gaz.get(country).ids.get("iso3166", country)).lower() if country else "xx"
    path = root / "world" / code / f"{entry_id}.yaml"
    if path.exists():
        raise InputError(f"{path} exists already", parameter="id")
    return path, dump_entry(entry_as_record(entry), schema_path=schema_path_for(path, root))
