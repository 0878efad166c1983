"""`exonym import world --curated-names`: libgeonames' names by language for the towns of
`gazetteer/world/`.

`exonym import cities` wrote the world's capitals and big cities as curated YAML with GeoNames'
alternate names untagged (`und`), and a curated entry replaces the layer's entry of the same
GeoNames id, names included: Kharkiv kept "Charkiw" as an untagged variant while the layer knew it
for German. This gives such an entry the names libgeonames tags (the file the layer's towns are
named from): an untagged GeoNames variant of the same spelling takes the language, a tagged name
of the same spelling takes the further languages, any other name is added. A variant whose
language was only inferred from its script (Barcelona's ბარსელონა) becomes the name libgeonames
says it is in that language (an exonym or endonym), its inference note gone. Nothing is removed,
no adjective or demonym of a curated entry is added (see curated_descriptors), and an entry's
hand-written names (`used_by`, notes, history) stay as they are. Only `gazetteer/world/` is read:
the Caucasus folders record each side's names by hand.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exonym.data.folder import entry_files
from exonym.edit.fmt import FormatRefused, edited_text
from exonym.edit.importers.common import curated_descriptors, curated_entries
from exonym.edit.importers.geonames import INFERRED_NOTE
from exonym.edit.importers.world import NameBook, Tally, read_keyed_names
from exonym.progress import OnProgress, counted

SOURCE = "libgeonames"
FOLDER = "world"
_SETTLEMENTS = frozenset({"city", "town", "village"})


@dataclass
class CuratedNamesReport:
    edited: list[Path] = field(default_factory=list)
    tagged: int = 0  # untagged variants given a language
    widened: int = 0  # tagged names given more languages
    confirmed: int = 0  # variants whose language was inferred from the script, confirmed
    added: int = 0
    problems: list[str] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would edit" if self.dry_run else "edited"
        left = ", ".join(f"{reason} {n}" for reason, n in self.dropped.most_common()) or "none"
        return (
            f"{verb} {len(self.edited)} curated towns: {self.tagged} untagged names given a language, "
            f"{self.widened} names given more languages, {self.confirmed} names' inferred languages confirmed, "
            f"{self.added} names added; names left out: {left}"
        )


def planned(
    country: str, pairs: list[tuple[str, str]], tally: Tally, descriptors: frozenset[tuple[str, str]] = frozenset()
) -> dict[str, tuple[list[str], str]]:
    """text -> (its language tags, its kind) as the world layer would write them."""
    book = NameBook(country, tally, descriptors)
    for locale, text in pairs:
        book.add(text, locale, SOURCE)
    tags: dict[str, set[str]] = {}
    for text, tag in book.found:
        tags.setdefault(text, set()).add(tag)
    out = {}
    for text, found in tags.items():
        official = any(t.split("-")[0] in book.official for t in found)
        out[text] = (sorted(found), "endonym" if official else "exonym")
    return out


def _langs(item: dict[str, Any]) -> list[str]:
    lang = item.get("lang")
    return [str(x) for x in lang] if isinstance(lang, list) else [str(lang)] if lang else []


def merge(names: list[dict[str, Any]], wanted: dict[str, tuple[list[str], str]], report: CuratedNamesReport) -> None:
    """Edit `names` in place with `wanted` (see the module's docstring)."""
    for text, (tags, kind) in sorted(wanted.items()):
        same = [n for n in names if n.get("text") == text]
        tagged = [n for n in same if "und" not in _langs(n) and n.get("kind") != "historical"]
        if tagged:
            item = tagged[0]
            known = {t for n in tagged for t in _langs(n)}
            more = [t for t in tags if t not in known]
            if more:
                langs = sorted({*_langs(item), *more})
                item["lang"] = langs if len(langs) > 1 else langs[0]
                item["sources"] = _with_source(item)
                report.widened += 1
            if item.get("kind") == "variant" and item.get("note") == INFERRED_NOTE and set(_langs(item)) <= set(tags):
                item["kind"] = kind
                item["sources"] = _with_source(item)
                del item["note"]
                report.confirmed += 1
            continue
        if any(n.get("kind") == "historical" for n in same):
            continue  # a former name stays one: the catalogue does not say since when
        untagged = next((n for n in same if _langs(n) == ["und"] and n.get("kind") == "variant" and not n.get("note")), None)
        lang: Any = tags if len(tags) > 1 else tags[0]
        if untagged is not None:
            untagged["lang"] = lang
            untagged["kind"] = kind
            untagged["sources"] = _with_source(untagged)
            report.tagged += 1
        elif not same:  # a spelling with a note of its own is an editor's: left as written
            names.append({"text": text, "lang": lang, "kind": kind, "sources": [SOURCE]})
            report.added += 1


def _with_source(item: dict[str, Any]) -> list[str]:
    sources = [str(s) for s in item.get("sources") or []]
    return sources if SOURCE in sources else [*sources, SOURCE]


def tag_curated_towns(root: Path, data: Path, *, dry_run: bool = False, on_progress: OnProgress | None = None) -> CuratedNamesReport:
    """Give the towns of `root`/world/ libgeonames' names (data/sources/world/'s
    geonames-names-by-locale.tsv.gz); write the edited files unless `dry_run`."""
    by_town = read_keyed_names(data / "geonames-names-by-locale.tsv.gz", "geonameid")
    report = CuratedNamesReport(dry_run=dry_run)
    tally = Tally()
    descriptors = curated_descriptors(curated_entries(root))
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in counted(entry_files(root / FOLDER), "entries", on_progress, every=100):
        text = path.read_text(encoding="utf-8")
        try:
            entry = yaml.load(text, Loader=loader)
        except yaml.YAMLError as exc:
            report.problems.append(f"{path}: {exc}")
            continue
        if not isinstance(entry, dict) or entry.get("type") not in _SETTLEMENTS:
            continue
        gid = (entry.get("ids") or {}).get("geonames")
        pairs = by_town.get(str(gid)) if isinstance(gid, int) else None
        if not pairs:
            continue
        wanted = planned(path.parent.name.upper(), pairs, tally, descriptors)
        counts = (report.tagged, report.widened, report.confirmed, report.added)

        def change(data: dict[str, Any], wanted: dict[str, tuple[list[str], str]] = wanted) -> None:
            merge(data.setdefault("names", []), wanted, report)

        try:
            new = edited_text(text, str(path), change)
        except FormatRefused as exc:
            report.problems.append(f"{path}: {exc}")
            continue
        if (report.tagged, report.widened, report.confirmed, report.added) == counts:
            continue
        report.edited.append(path)
        if not dry_run:
            path.write_text(new, encoding="utf-8")
    report.dropped = tally.dropped
    return report
