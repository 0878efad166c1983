"""Plain-dict forms of entries, mentions and candidates: the one JSON shape that the CLI and the
HTTP API both emit. Offsets count Unicode code points, as Python string indices do."""

from __future__ import annotations

from typing import Any

from exonym.glossary.names import LocaleName
from exonym.model import Entry, Name
from exonym.resolver.results import Candidate, Mention


def name_dict(name: Name) -> dict[str, Any]:
    out: dict[str, Any] = {"text": name.text, "lang": name.lang, "langs": list(name.langs), "kind": name.kind, "script": name.script}
    if name.preferred:
        out["preferred"] = True
    if name.period:
        out["period"] = {"from": name.period.start, "to": name.period.end}
    if name.system:
        out["system"] = name.system
    if name.used_by:
        out["used_by"] = list(name.used_by)
    out["sources"] = list(name.sources)
    if name.note:
        out["note"] = name.note
    return out


def entry_summary(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "name": entry.name, "type": entry.type, "ids": dict(entry.ids)}


def entry_dict(entry: Entry) -> dict[str, Any]:
    out = entry_summary(entry)
    out["parents"] = list(entry.parents)
    if entry.covers:
        out["covers"] = list(entry.covers)
    if entry.coordinates:
        out["coordinates"] = {"lat": entry.coordinates.lat, "lon": entry.coordinates.lon}
    if entry.population is not None:
        out["population"] = entry.population
    if entry.period:
        out["period"] = {"from": entry.period.start, "to": entry.period.end}
    out["sources"] = list(entry.sources)
    out["names"] = [name_dict(n) for n in entry.names]
    if entry.notes:
        out["notes"] = entry.notes
    return out


def mention_dict(m: Mention) -> dict[str, Any]:
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "id": m.entry.id,
        "name": m.entry.name,
        "type": m.entry.type,
        "score": m.score,
        "method": m.method,
        "matched": {
            "text": m.name.text,
            "lang": m.name.lang,
            "langs": list(m.name.langs),
            "kind": m.name.kind,
            "sources": list(m.name.sources),
        },
        "ids": dict(m.entry.ids),
        "is_adjective": m.is_adjective,
        "explanation": m.explanation,
        "candidates": [{"id": c.entry.id, "name": c.entry.name, "type": c.entry.type, "score": c.score} for c in m.candidates],
    }


def candidate_dict(c: Candidate) -> dict[str, Any]:
    return {
        "id": c.entry.id,
        "name": c.entry.name,
        "type": c.entry.type,
        "score": c.score,
        "method": c.method,
        "matched": {
            "text": c.name.text,
            "lang": c.name.lang,
            "langs": list(c.name.langs),
            "kind": c.name.kind,
            "sources": list(c.name.sources),
        },
        "ids": dict(c.entry.ids),
    }


def display_dict(shown: LocaleName) -> dict[str, Any]:
    """The name to show a reader: text, the locale asked, the chain step that gave it."""
    out: dict[str, Any] = {"text": shown.text, "locale": shown.locale, "step": shown.step, "fallback": shown.fallback}
    if shown.name is not None:
        out["name"] = shown.name.text
    if shown.other is not None:
        out["other"] = shown.other.text
    return out


def names_by_language(entry: Entry) -> dict[str, list[dict[str, Any]]]:
    """Every name under each of its language tags, tags sorted, names in file order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for n in entry.names:
        for tag in n.langs:
            groups.setdefault(tag, []).append(name_dict(n))
    return dict(sorted(groups.items()))
