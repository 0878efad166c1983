"""`exonym import wof --municipalities`: Georgia's municipalities, new entries from Who's On First
county records, so that "ქარელის მუნიციპალიტეტი", "муніципалітет Гурджаані" and "la
municipalité de Lagodekhi" have the division they name, apart from its town.

Which records. A current Georgian county record whose Georgian name is a municipality's (it
holds მუნიციპალიტეტი) and that carries a Wikidata id. WOF gives some cities' records the names of
a neighbouring municipality (its "Poti City" record is Khobi's, "Rustavi City" Gardabani's,
"Tskhinvali" Gori's, each with that municipality's Wikidata id): of the records sharing a
Wikidata id, only the one whose own name is its preferred English name is taken. Records of
self-governing cities (Kutaisi, Batumi) and of Abkhazia's districts name no municipality in
Georgian and are left out. An entry that already has the record's WOF or Wikidata id is not
written again.

What an entry holds. Its label is WOF's English name with "Municipality" ("Kareli
Municipality"), its id that label's slug, its type district, its parent the region entry WOF's
region record stands for (by WOF id, else by a name they share), its coordinates and
population as the record gives them, and the record's names that name the municipality: a bare
town name (WOF lists "Kareli" in several languages) is the town's, not the municipality's, and
is left out; the resolver reads the bare name as the municipality's short form beside a word
for its type.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from exonym.data.folder import read_retired, scan
from exonym.edit.fmt import schema_path_for
from exonym.edit.importers.wof import SOURCE, Record, _key, _names_the_municipality, _shares_name, planned_names, read_records
from exonym.edit.scaffold import deleted_ids
from exonym.edit.yamlio import dump_entry
from exonym.model import Entry
from exonym.text.slug import slug

MUNICIPALITY_KA = "მუნიციპალიტეტი"
FOLDER = ("ge", "municipalities")


def municipality_records(records: list[Record]) -> list[Record]:
    """The Georgian county records that stand for one municipality each (see the module's doc)."""
    chosen = [
        r
        for r in records
        if r.cc == "GE"
        and r.placetype == "county"
        and r.current
        and r.wikidata
        and any(n.lang == "ka" and MUNICIPALITY_KA in n.text for n in r.names)
    ]
    by_qid: dict[str, list[Record]] = defaultdict(list)
    for r in chosen:
        by_qid[str(r.wikidata)].append(r)
    out = []
    for group in by_qid.values():
        own = [r for r in group if _key(r.name) in {_key(n.text) for n in r.names if n.lang == "en" and n.wof_kind == "preferred"}]
        if len(group) == 1 or len(own) == 1:
            out.append(own[0] if len(group) > 1 else group[0])
    return sorted(out, key=lambda r: r.wof_id)


def label_of(record: Record) -> str:
    """WOF's English name with "Municipality" ("Qvareli Municipality"), or its name with it."""
    for n in record.names:
        if n.lang == "en" and n.text.casefold().endswith(" municipality"):
            return n.text[: -len("municipality")] + "Municipality"
    return f"{record.name} Municipality"


def region_entry(record: Record, records: list[Record], entries: list[Entry]) -> str | None:
    """The first-level division entry of the record's WOF region: by the region's WOF id, else by
    the one Georgian division that shares a name with the region record."""
    region = next((r for r in records if r.wof_id == record.region), None)
    if region is None:
        return None
    divisions = [e for e in entries if e.type == "first-level-division" and "georgia" in e.parents]
    by_wof = [e.id for e in divisions if e.ids.get("wof") == region.wof_id]
    if by_wof:
        return by_wof[0]
    named = [e.id for e in divisions if _shares_name(e, region)]
    return named[0] if len(named) == 1 else None


def municipality_entries(records: list[Record], entries: list[Entry], taken: set[str]) -> list[dict[str, Any]]:
    """The new entries, as YAML data, for the municipalities the gazetteer lacks."""
    others = {n.text for e in entries for n in e.names} | {e.name for e in entries}
    known_wof = {e.ids.get("wof") for e in entries}
    known_qid = {e.ids.get("wikidata") for e in entries}
    out = []
    for r in municipality_records(records):
        if r.wof_id in known_wof or r.wikidata in known_qid:
            continue
        parent = region_entry(r, records, entries)
        label = label_of(r)
        entry_id = slug(label)
        if parent is None or entry_id in taken:
            continue
        taken.add(entry_id)
        names = [n for n in planned_names(None, [r], karabakh=False) if _names_the_municipality(n, r, others)]
        data: dict[str, Any] = {"id": entry_id, "type": "district", "name": label, "parents": [parent]}
        data["ids"] = {"wikidata": r.wikidata, "wof": r.wof_id}
        if r.lat is not None and r.lon is not None:
            data["coordinates"] = {"lat": round(float(r.lat), 5), "lon": round(float(r.lon), 5)}
        data["sources"] = [SOURCE]
        data["names"] = [{"text": label, "lang": "en", "kind": "exonym", "sources": [SOURCE]}] + [
            n for n in names if not (n["text"] == label and n["lang"] == "en")
        ]
        data["notes"] = (
            f"Municipality of Georgia. Added from Who's On First (county record {r.wof_id}, Wikidata {r.wikidata}): "
            "names, centre point and region as that record gives them; the town's bare name, which the record also "
            "lists in several languages, is left to the town."
        )
        out.append(data)
    return out


def import_municipalities(root: Path, source: Path, *, dry_run: bool = False) -> list[Path]:
    """Write the municipalities the gazetteer lacks under gazetteer/ge/municipalities/ from the
    WOF extract `source`; return their paths. Running it again writes nothing (later runs of
    `import wof` add names to them by the same rule: see wof.municipality_names)."""
    records, _ = read_records(source, ["GE"])
    result = scan(root)
    if result.errors:
        raise ValueError(f"the gazetteer has errors; fix them first: {result.errors[0].format()}")
    entries = [item.entry for item in result.loaded]
    taken = {e.id for e in entries} | set(deleted_ids(root)) | set(read_retired(root, []))
    written = []
    for data in municipality_entries(records, entries, taken):
        path = root.joinpath(*FOLDER, f"{data['id']}.yaml")
        text = dump_entry(data, schema_path=schema_path_for(path, root))
        written.append(path)
        if not dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return written
