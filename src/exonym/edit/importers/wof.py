"""`exonym import wof`: names from Who's On First (WOF) for the places of Azerbaijan, Armenia and
Georgia, added to the entries they belong to, and new settlements of the Karabakh area.

Matching. A WOF record belongs to an entry when they share an identifier, tried in this order:
the WOF id (`ids.wof`, written by an earlier import or by an editor who confirmed a candidate),
the GeoNames id, then the Wikidata id. WOF's identifiers are not all right (a region carries its
neighbour's GeoNames id, two records one Wikidata id), so an identifier match is refused and reported when a settlement lies more than 10 km from the entry,
when a division shares no name with the entry, or when the identifier is claimed by records of
different places. A record that shares only coordinates (within 3 km; 8 km for a community,
whose point is its territory's centre) and a name with an entry, or a division record that
shares only its ISO 3166-2 code (WOF gives the city code AZ-NV to the Nakhchivan Autonomous
Republic), is a candidate: reported, never merged. Confirm one with `--link` (data/sources/wof/
links.tsv lists the reviewed pairs); the entry then gets its WOF id and later runs match by it.

Names. WOF keys names `<ISO 639-3>_x_<preferred|variant|historical|colloquial>`; each becomes a
name with a BCP 47 tag (aze -> az, zho_cn -> zh-CN) and a kind: a preferred name is an endonym
in the country's own language and an exonym in another, a variant a variant, a historical name
historical. WOF never makes a name preferred and never changes an entry's label, parents,
period or curated names: it adds names the entry lacks, and gives a language to an untagged
GeoNames variant of the same spelling. A name whose script does not fit its language is kept
only where CLDR writes the language in that script (az-Cyrl); a Latin-script form listed under a
language written otherwise (hye_x_preferred "Vardanants'") is kept as an untagged variant, since
WOF does not say which romanization made it. Azerbaijani names of villages in Armenia that are
not a transliteration of the Armenian name are historical (pre-1990 names). In the Karabakh area
each side's names say who uses them (`used_by`), as gazetteer/README.md's label policy asks.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from exonym.data.folder import read_retired, scan
from exonym.edit.fmt import FormatRefused, edited_text, schema_path_for
from exonym.edit.importers.common import clean_text
from exonym.edit.scaffold import deleted_ids
from exonym.edit.yamlio import dump_entry
from exonym.errors import InvalidLanguageTag
from exonym.model import Entry
from exonym.progress import OnProgress, counted, stage
from exonym.text.langtags import canonical_tag, language_of
from exonym.text.normalize import fold, latin_key, skeleton
from exonym.text.scripts import UNSPACED_SCRIPTS, detect_script
from exonym.text.slug import slug

SOURCE = "whosonfirst"
COUNTRIES = ("AZ", "AM", "GE")
OFFICIAL = {"AZ": "az", "AM": "hy", "GE": "ka"}  # the language whose preferred names are endonyms
DIVISIONS = frozenset({"macroregion", "region", "county"})
SETTLEMENTS = frozenset({"locality", "localadmin", "neighbourhood"})
SETTLEMENT_TYPES = frozenset({"city", "town", "village"})
# The area of the Karabakh conflict: the former Nagorno-Karabakh Autonomous Oblast (today's
# Khankendi, Khojaly, Khojavend, Shusha and Aghdara) and the seven districts around it. Names of
# places here say which side uses them (gazetteer/README.md, label policy rule 2).
KARABAKH = frozenset(
    {
        "khankendi",
        "khojaly-district",
        "khojavend-district",
        "shusha-district",
        "aghdara-district",
        "aghdam-district",
        "fuzuli-district",
        "jabrayil-district",
        "zangilan-district",
        "gubadli-district",
        "lachin-district",
        "kalbajar-district",
    }
)
# The names a new village gets: both sides' and the two languages most news about it is written in.
# WOF's other names of small villages are bot-made Wikipedia titles, and short ones are common
# words elsewhere (Georgian მაისი 'May' for Mayis, დაშლი for Daşlı).
NEW_SETTLEMENT_LANGUAGES = frozenset({"az", "hy", "en", "ru", "und"})
AZERBAIJANI_SIDE = ("azerbaijan",)
ARMENIAN_SIDE = ("armenia", "republic-of-artsakh")

ID_MATCH_KM = 10.0  # an identifier match farther apart than this is a wrong identifier
CANDIDATE_KM = 3.0  # a record this close to an entry, with a name in common, is a candidate
COMMUNITY_KM = 8.0  # the same for a community (localadmin), whose point is its territory's centre
TRANSLITERATION = 80  # rapidfuzz ratio of the skeletons above which two names are one name

# WOF kinds -> name kinds; `preferred` depends on the language (see _kind).
_KINDS = {"variant": "variant", "historical": "historical", "colloquial": "colloquial", "unknown": "variant"}
# Kinds in the order one wins when WOF lists a spelling under several.
_RANK = ("endonym", "exonym", "colloquial", "historical", "variant")  # a name WOF lists as both historical and variant is historical
# WOF language keys that are not ISO 639-3 + region, and tags babel does not know by their
# 639-3 code: Wikipedia's Serbian variants (Ekavian Cyrillic and Latin), Min Nan, Cantonese,
# South Azerbaijani (written in Arabic script: CLDR's az-Arab), Western Armenian (BCP 47 variant).
_TAGS = {
    "zho_min_nan": "nan",
    "zho_yue": "yue",
    "srp_ec": "sr-Cyrl",
    "srp_el": "sr-Latn",
    "nds_nld": "nds-NL",
    "azb": "az-Arab",
    "hyw": "hy-arevmda",
    "unk": "und",
}
_KEY = re.compile(r"^(?P<lang>[a-z]{3}(?:_[a-z]+)*)_x_(?P<kind>[a-z]+)$")
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")  # "Xocavənd (Nagorno-Karabakh)": a Wikipedia title
_ARABIC_QUALIFIER = re.compile(r"\s*،[^،]*$")  # "بيورافان، أرارات": name, province


# -- reading WOF ------------------------------------------------------------------------------
@dataclass(frozen=True)
class WofName:
    text: str
    lang: str  # BCP 47; `und` for a Latin form listed under a language written otherwise
    wof_kind: str  # preferred, variant, historical, colloquial
    listed_as: str  # the language WOF listed it under (differs from `lang` for a Latin form)


@dataclass(frozen=True)
class Record:
    wof_id: int
    cc: str
    placetype: str
    name: str
    current: bool
    lat: float | None
    lon: float | None
    geonames: int | None
    wikidata: str | None
    iso3166: str | None
    region: int | None
    names: tuple[WofName, ...]

    @property
    def is_division(self) -> bool:
        return self.placetype in DIVISIONS


def wof_tag(key_lang: str) -> str | None:
    """The BCP 47 tag of a WOF language key (`aze` -> az, `zho_cn` -> zh-CN), or None."""
    from babel.core import get_global

    if key_lang in _TAGS:
        return _TAGS[key_lang]
    base, *rest = key_lang.split("_")
    aliases = get_global("language_aliases")
    alias = str(aliases.get(base, base)).replace("_", "-")
    candidates = [alias, base] if len(alias) == 2 else [base, alias]
    region = "-" + rest[0].upper() if len(rest) == 1 and len(rest[0]) == 2 else ""
    if rest and not region:
        return None
    for code in candidates:
        try:
            return canonical_tag(code + region)
        except InvalidLanguageTag:
            continue
    return None


@lru_cache(maxsize=1)
def _written_in() -> dict[str, frozenset[str]]:
    """Language -> the scripts CLDR writes it in (its likely script and its locales' scripts)."""
    from babel import localedata
    from babel.core import get_global

    out: dict[str, set[str]] = defaultdict(set)
    for lang, likely in get_global("likely_subtags").items():
        parts = likely.split("_")
        if "_" not in lang and len(parts) > 1:
            out[lang].add(parts[1])
    for ident in localedata.locale_identifiers():
        parts = ident.split("_")
        if len(parts) > 1 and len(parts[1]) == 4:
            out[parts[0]].add(parts[1])
    return {k: frozenset(v) for k, v in out.items()}


# detect_script's answer -> the script subtags it stands for
_SCRIPT_FAMILY = {"Hani": {"Hans", "Hant", "Hani", "Jpan"}, "Jpan": {"Jpan"}, "Kore": {"Kore"}, "Hang": {"Kore"}}


def fitting_tag(text: str, tag: str) -> str | None:
    """`tag` if `text` is in a script its language is written in (with the script subtag when it
    is not the usual one: Агдам listed as aze -> az-Cyrl), else None."""
    parts = tag.split("-")
    script = detect_script(text)
    if script == "Zyyy":
        return None
    given = next((p for p in parts[1:] if len(p) == 4), None)
    family = _SCRIPT_FAMILY.get(script, {script})
    if given:
        return tag if given in family else None
    lang = parts[0]
    if lang == "und":
        return tag
    scripts = _written_in().get(lang)
    if not scripts:
        return tag if script == "Latn" else None  # a language CLDR knows nothing of: Latin only
    usual = sorted(scripts)[0] if len(scripts) == 1 else _usual_script(lang)
    if usual in family:
        return tag
    match = sorted(family & scripts)
    if match:
        return canonical_tag("-".join([lang, match[0], *parts[1:]]))
    return None


def _usual_script(lang: str) -> str:
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(lang, ""))
    parts = likely.split("_")
    return parts[1] if len(parts) > 1 else ""


def _qualifier_free(text: str) -> str:
    """A Wikipedia title without its disambiguator; empty when the text is a list or a page
    name rather than a name (commas, slashes, colons, unbalanced brackets)."""
    text = clean_text(text)
    text = _QUALIFIER.sub("", text)
    text = _ARABIC_QUALIFIER.sub("", text)
    if any(c in text for c in ",;/:()[]") or not any(c.isalpha() for c in text):
        return ""
    return text


def read_names(raw: dict[str, list[str]], skipped: Counter[str]) -> tuple[WofName, ...]:
    """The names of one record, tagged, filtered by script; what is dropped is counted in `skipped`."""
    out: dict[tuple[str, str, str], WofName] = {}
    for key, texts in sorted(raw.items()):
        m = _KEY.match(key)
        if not m:
            skipped["key not <lang>_x_<kind>"] += len(texts)
            continue
        tag = wof_tag(m["lang"])
        if tag is None:
            skipped[f"language {m['lang']} has no BCP 47 tag"] += len(texts)
            continue
        wof_kind = m["kind"] if m["kind"] in (*_KINDS, "preferred") else "variant"
        for raw_text in texts:
            text = _qualifier_free(raw_text)
            if not text:
                skipped["not a name (list, page title, no letters, control characters)"] += 1
                continue
            lang = fitting_tag(text, tag)
            if lang is None:
                if detect_script(text) != "Latn":
                    skipped["script does not fit the language"] += 1
                    continue
                lang = "und"  # a romanization whose system WOF does not give
            out.setdefault((text, lang, wof_kind), WofName(text, lang, wof_kind, tag))
    # GeoNames' ASCII copies (Susa for Şuşa, Agdas for Ağdaş), listed as English: not names of their own
    accented = {fold(n.text) for n in out.values() if not n.text.isascii()}
    stripped = [n for n in out.values() if n.text.isascii() and fold(n.text) in accented and not _has_spelling(out, n.text)]
    skipped["an ASCII copy of a name with diacritics"] += len(stripped)
    return tuple(n for n in out.values() if n not in stripped)


def _has_spelling(names: dict[tuple[str, str, str], WofName], text: str) -> bool:
    """Whether some language writes `text` as its preferred name while an accented form exists
    only elsewhere: then the plain spelling is a name (Baku)."""
    return any(n.text == text and n.wof_kind == "preferred" and n.lang not in ("en", "und") for n in names.values())


def read_records(path: Path, countries: Iterable[str] = COUNTRIES) -> tuple[list[Record], Counter[str]]:
    """The records of `countries` in a WOF extract (JSON lines, gzip or not), and the count of
    names left out, by reason."""
    wanted = {c.upper() for c in countries}
    skipped: Counter[str] = Counter()
    records: list[Record] = []
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            raw = json.loads(line)
            if raw.get("cc") not in wanted or raw.get("placetype") not in DIVISIONS | SETTLEMENTS:
                continue
            concordances = raw.get("concordances") or {}
            iso = concordances.get("iso:id") or concordances.get("iso:code")
            hierarchy = (raw.get("hierarchy") or [{}])[0] or {}
            records.append(
                Record(
                    wof_id=int(raw["wof_id"]),
                    cc=raw["cc"],
                    placetype=raw["placetype"],
                    name=raw.get("name") or "",
                    current=raw.get("is_current") != 0 and not raw.get("deprecated"),
                    lat=raw.get("lat"),
                    lon=raw.get("lon"),
                    geonames=int(raw["gn_id"]) if raw.get("gn_id") else None,
                    wikidata=raw.get("wd_id") or None,
                    iso3166=iso if isinstance(iso, str) and "-" in iso else None,
                    region=hierarchy.get("region_id"),
                    names=read_names(raw.get("names") or {}, skipped),
                )
            )
    return records, skipped


# -- comparing names -----------------------------------------------------------------------
@lru_cache(maxsize=200_000)
def _key(text: str) -> str:
    return skeleton(latin_key(text, turkic=True))


def transliterates(a: str, b: str) -> bool:
    """Whether two names are one name in two scripts or spellings (Artaşat, Արտաշատ), not two
    names (Qəmərli, Արտաշատ): their romanized skeletons are near equal, and so is each word when
    both have as many words (Verin Getashen is not Nerkin Getashen, nor Yuxarı Aylis Aşağı Aylis)."""
    from rapidfuzz import fuzz

    ka, kb = _key(a), _key(b)
    if not (ka and kb):
        return False
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if len(wa) == len(wb) > 1:
        return all(x == y or fuzz.ratio(x, y) >= TRANSLITERATION for x, y in zip(wa, wb, strict=True))
    if len(wa) != len(wb):  # a word more (Yeni Suraxanı, Suraxanı): only if written together
        return fuzz.ratio("".join(wa), "".join(wb)) >= 90
    return fuzz.ratio(ka, kb) >= TRANSLITERATION


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180
    x = (lon2 - lon1) * rad * math.cos((lat1 + lat2) / 2 * rad)
    return 6371.0 * math.hypot(x, (lat2 - lat1) * rad)


def _shares_name(entry: Entry, record: Record) -> str | None:
    keys = {_key(n.text): n.text for n in entry.names}
    keys.setdefault(_key(entry.name), entry.name)
    for name in (record.name, *(n.text for n in record.names)):
        if name and _key(name) in keys:
            return name
    return None


# -- matching -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    entry: str
    wof_id: int
    km: float | None
    shared: str
    why: str  # "coordinates and name" / "name and district" / a refused identifier match

    def line(self) -> str:
        km = "" if self.km is None else f"{self.km:.1f}"
        return f"{self.entry}\t{self.wof_id}\t{km}\t{self.shared}\t{self.why}"


@dataclass
class Matching:
    by_entry: dict[str, list[tuple[Record, str]]] = field(default_factory=lambda: defaultdict(list))
    candidates: list[Candidate] = field(default_factory=list)
    refused: list[Candidate] = field(default_factory=list)
    matched: set[int] = field(default_factory=set)


def _ambiguous_wikidata(records: list[Record]) -> set[str]:
    """Wikidata ids that WOF gives to settlements with different GeoNames ids (two villages called
    Agarak): a settlement and the division of the same name sharing one are not counted."""
    places: dict[str, set[int]] = defaultdict(set)
    for r in records:
        if r.wikidata and r.geonames and not r.is_division:
            places[r.wikidata].add(r.geonames)
    return {qid for qid, seen in places.items() if len(seen) > 1}


def match_records(records: list[Record], entries: list[Entry], links: dict[str, list[int]] | None = None) -> Matching:
    """Each record to the entry it shares an identifier with, or that an editor linked it to;
    candidates by coordinates and name, or ISO code."""
    index: dict[tuple[str, Any], Entry] = {}
    by_id = {e.id: e for e in entries}
    for entry_id, wof_ids in (links or {}).items():
        for wof_id in wof_ids:
            if entry_id in by_id:
                index[("wof", wof_id)] = by_id[entry_id]
    for e in entries:
        for key in ("wof", "geonames", "wikidata", "iso3166"):
            if key in e.ids:
                index.setdefault((key, e.ids[key]), e)
    doubts = _Doubts(records, DivisionWords(entries, records))
    out = Matching()
    for r in records:
        keys = [("wof", r.wof_id), ("geonames", r.geonames), ("wikidata", r.wikidata)]
        found = next(((k, index[k, v]) for k, v in keys if v is not None and (k, v) in index), None)
        if found is None:
            if r.is_division and r.current and ("iso3166", r.iso3166) in index:
                entry = index["iso3166", r.iso3166]
                doubt = doubts.why(r, entry, "iso3166")
                out.candidates.append(
                    Candidate(
                        entry.id, r.wof_id, None, _shares_name(entry, r) or r.name, "ISO 3166-2 code" + (f"; but {doubt}" if doubt else "")
                    )
                )
            continue
        how, entry = found
        why = None if how == "wof" else doubts.why(r, entry, how)
        if why:
            out.refused.append(Candidate(entry.id, r.wof_id, _distance(r, entry), _shares_name(entry, r) or "", why))
            continue
        out.by_entry[entry.id].append((r, how))
        out.matched.add(r.wof_id)
    _find_candidates(records, entries, out)
    return out


def _distance(r: Record, e: Entry) -> float | None:
    if r.lat is None or r.lon is None or e.coordinates is None:
        return None
    return _km(r.lat, r.lon, e.coordinates.lat, e.coordinates.lon)


class _Doubts:
    """Why an identifier match is not to be trusted. What WOF gets wrong, as measured on this
    extract: two villages with one Wikidata id; a GeoNames id 23 km off; two records with one ISO
    code (Şuşa the district and Şuşa the town); a first-level city (Naftalan, Shirvan, Yevlakh,
    Lankaran, Shaki) that carries the identifiers and names of the rayon around it or beside it
    (Goranboy, Sabirabad); a region labelled with another region's name (AZ-LAC "Lankaran")."""

    def __init__(self, records: list[Record], divisions: DivisionWords) -> None:
        self.divisions = divisions
        wikidata: dict[str, set[int]] = defaultdict(set)
        for r in records:
            if r.wikidata and r.geonames and not r.is_division:
                wikidata[r.wikidata].add(r.geonames)
        self.ambiguous = {qid for qid, seen in wikidata.items() if len(seen) > 1}
        self.locality_qids = {r.wikidata for r in records if r.wikidata and r.placetype in SETTLEMENTS}
        current = [r for r in records if r.is_division and r.current]
        iso_claims = Counter(r.iso3166 for r in current if r.iso3166)
        self.shared_iso = {code for code, n in iso_claims.items() if n > 1}
        self.twinned = {r.wof_id for r in current if any(_twins(r, o) for o in current if o is not r and o.iso3166 != r.iso3166)}

    def why(self, r: Record, e: Entry, how: str) -> str | None:
        if how == "wikidata" and r.wikidata in self.ambiguous:
            return f"wikidata {r.wikidata} is on records of several places"
        if r.is_division:
            return self._division(r, e, how)
        km = _distance(r, e)
        if km is not None and km > ID_MATCH_KM:
            return f"{how} match {km:.0f} km away"
        return None

    def _division(self, r: Record, e: Entry, how: str) -> str | None:
        other = self.divisions.other_owner(r.name, e.id) if r.name else None
        if other:
            return f"{how} match, but the record is labelled {r.name!r}, the name of {other}"
        if e.type in SETTLEMENT_TYPES and r.wof_id in self.twinned:
            return f"{how} match, but the record has the identifiers or names of another division (the rayon's)"
        if r.iso3166 in self.shared_iso and e.type not in SETTLEMENT_TYPES and r.wikidata in self.locality_qids:
            return f"{how} match: two records have {r.iso3166}, and this one's wikidata {r.wikidata} is a settlement's"
        return None


def _twins(a: Record, b: Record) -> bool:
    """Two division records with one GeoNames or Wikidata id, or nearly the same names."""
    if (a.geonames and a.geonames == b.geonames) or (a.wikidata and a.wikidata == b.wikidata):
        return True
    na, nb = {n.text for n in a.names}, {n.text for n in b.names}
    return bool(na and nb) and len(na & nb) >= 0.8 * len(na | nb)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat * 20), int(lon * 20)  # 0.05 degree cells (4 km of longitude here): 3 km looks at 3 x 3, 8 km at 5 x 5


def _find_candidates(records: list[Record], entries: list[Entry], out: Matching) -> None:
    grid: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    by_parent_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    # an entry already matched still gets candidates: the Armenian community (localadmin) of a
    # village whose locality record has only its Armenian name
    for e in entries:
        if e.type not in SETTLEMENT_TYPES:
            continue
        if e.coordinates is not None:
            grid[_cell(e.coordinates.lat, e.coordinates.lon)].append(e)
        else:
            for parent in e.parents:
                for n in (e.name, *(n.text for n in e.names)):
                    by_parent_key[parent, _key(n)].append(e)
    parent_of = _region_entries(records, entries)
    for r in records:
        if r.wof_id in out.matched or r.placetype not in SETTLEMENTS:
            continue
        seen: set[str] = set()
        if r.lat is not None and r.lon is not None:
            ci, cj = _cell(r.lat, r.lon)
            radius = COMMUNITY_KM if r.placetype == "localadmin" else CANDIDATE_KM
            reach = 2 if r.placetype == "localadmin" else 1
            for di in range(-reach, reach + 1):
                for dj in range(-reach, reach + 1):
                    for e in grid.get((ci + di, cj + dj), ()):
                        km = _distance(r, e)
                        shared = _shares_name(e, r)
                        if km is not None and km <= radius and shared and e.id not in seen:
                            seen.add(e.id)
                            out.candidates.append(Candidate(e.id, r.wof_id, km, shared, "coordinates and name"))
        district = parent_of.get(r.region or 0)
        if district:
            for text in (r.name, *(n.text for n in r.names)):
                for e in by_parent_key.get((district, _key(text)), ()):
                    if e.id not in seen:
                        seen.add(e.id)
                        out.candidates.append(Candidate(e.id, r.wof_id, None, text, "name and district (the entry has no coordinates)"))


def _region_entries(records: list[Record], entries: list[Entry]) -> dict[int, str]:
    """WOF region id -> the division entry with its ISO 3166-2 code."""
    by_iso = {e.ids["iso3166"]: e.id for e in entries if "iso3166" in e.ids}
    return {r.wof_id: by_iso[r.iso3166] for r in records if r.placetype == "region" and r.iso3166 in by_iso}


class DivisionWords:
    """The words that name each division entry (its label and names without the words many
    divisions share: rayonu, район, district ...), to catch a region record that carries a
    neighbour's names (WOF's Stepanakert record lists "Xocalı Rayonu" among its Azerbaijani names)."""

    def __init__(self, entries: list[Entry], records: list[Record]) -> None:
        texts: dict[str, set[str]] = defaultdict(set)
        for e in entries:
            if _is_division_entry(e):  # its names before any import: the words do not change as names are added
                texts[e.id].update([e.name, *(n.text for n in e.names if n.sources != (SOURCE,))])
        for r in records:
            if r.is_division:
                texts[f"wof:{r.wof_id}"].update(n.text for n in r.names)
        owners: dict[str, set[str]] = defaultdict(set)
        for owner, ts in texts.items():
            for t in ts:
                for w in _key(t).split():
                    owners[w].add(owner)
        # shared by 4 entries, or by 8 records (WOF repeats a city's names on its twin records)
        self.generic = frozenset(
            w for w, o in owners.items() if sum(not x.startswith("wof:") for x in o) >= 4 or sum(x.startswith("wof:") for x in o) >= 8
        )
        self.cores = {owner: {w for t in ts for w in self.words(t)} for owner, ts in texts.items() if not owner.startswith("wof:")}
        self.owners: dict[str, set[str]] = defaultdict(set)  # a word -> the division entries it names
        for owner, ws in self.cores.items():
            for w in ws:
                self.owners[w].add(owner)
        self.full = {owner: {_key(t) for t in ts} for owner, ts in texts.items() if not owner.startswith("wof:")}
        self.full_owner = {k: owner for owner, ks in sorted(self.full.items()) for k in ks}
        self.town_names: dict[str, str] = {}  # a settlement's names: bare on a rayon's record, the town's
        for e in entries:
            if e.type in SETTLEMENT_TYPES and not _is_division_entry(e):
                for n in e.names:
                    if n.sources != (SOURCE,):
                        self.town_names.setdefault(_key(n.text), e.id)
                self.town_names.setdefault(_key(e.name), e.id)
        self.labels: dict[str, set[int]] = defaultdict(set)  # a division record's label -> the records so labelled
        for r in records:
            if r.is_division and r.name:
                self.labels[_key(r.name)].add(r.wof_id)

    def another_label(self, text: str, record: Record, entry_id: str) -> bool:
        """Whether `text` is the label of other division records, not of `record`, and has none of
        `entry_id`'s words: WOF's old Racha-Lechkhumi record lists "Ambrolauris Raioni", another
        record's label, as its English name."""
        key = _key(text)
        if not self.labels.get(key) or record.wof_id in self.labels[key] or key == _key(record.name):
            return False
        return not self._has_own_word(self.words(text), entry_id)

    def words(self, text: str) -> set[str]:
        return {w for w in _key(text).split() if len(w) >= 3 and w not in self.generic}

    def other_owner(self, text: str, entry_id: str) -> str | None:
        """Another division that `text` names (one of its names, or one of its words) when `text`
        is not a name of `entry_id` and has none of its words. Words are compared as romanized
        skeletons, exactly: a near miss (Lerik, Lori) is no evidence. A town's bare name is the
        town's: the rayon is Şuşa rayonu, Raion de Choucha."""
        key = _key(text)
        owner = self.full_owner.get(key)
        if not owner:  # Choucha in French, Şuşa listed as German: the town, not the rayon (Raion de Choucha)
            owner = self.town_names.get(key)
        if owner and owner != entry_id and key not in self.full.get(entry_id, ()):
            return owner  # Ստեփանակերտ on the Khojaly District: Khankendi's name, not "Stepanakert rayonu"
        words = self.words(text)
        if not words or self._has_own_word(words, entry_id):
            return None
        return next((o for w in sorted(words) for o in sorted(self.owners.get(w, ())) if o != entry_id), None)

    def _has_own_word(self, words: set[str], entry_id: str) -> bool:
        return bool(words & self.cores.get(entry_id, set()))


def _is_division_entry(e: Entry) -> bool:
    return e.type in ("first-level-division", "district") or str(e.ids.get("iso3166", "")).count("-") == 1


# -- names for an entry -----------------------------------------------------------------------
@dataclass
class Side:
    """What the Karabakh rule needs: the Azerbaijani names, and the Armenian-side names (the
    Armenian names that are not a transliteration of an Azerbaijani one)."""

    azerbaijani: list[str]
    armenian: list[str]

    def used_by(self, text: str, lang: str, listed_as: str) -> tuple[str, ...]:
        primary = language_of(lang if lang != "und" else listed_as)
        if primary == "az":
            return AZERBAIJANI_SIDE
        if any(transliterates(text, a) for a in self.azerbaijani):
            return ()
        if primary == "hy" or any(transliterates(text, a) for a in self.armenian):
            return ARMENIAN_SIDE
        return ()


def _side(entry: Entry | None, names: Iterable[WofName]) -> Side:
    az: list[str] = []
    hy: list[str] = []
    pairs = [(n.text, n.langs) for n in entry.names] if entry else []
    pairs += [(n.text, (n.lang,)) for n in names]
    for text, langs in pairs:
        script = detect_script(text)
        if any(language_of(t) == "az" for t in langs) and script == "Latn":
            az.append(text)
        elif any(language_of(t) == "hy" for t in langs) and script == "Armn":
            hy.append(text)
    return Side(az, [h for h in hy if not any(transliterates(h, a) for a in az)])


def _common_word_risk(text: str) -> bool:
    """A name of three letters or fewer in an abjad (Arabic, Hebrew script) is as often a common
    word (برد 'cold', زار 'visited'): left as GeoNames had it, an untagged variant, or not added."""
    return detect_script(text) in ("Arab", "Hebr") and sum(c.isalpha() for c in text) <= 3


def _kind(name: WofName, cc: str, karabakh: bool, armenian_names: list[str]) -> str:
    primary = language_of(name.lang if name.lang != "und" else name.listed_as)
    if name.wof_kind != "preferred":
        kind = _KINDS[name.wof_kind]
    elif (name.lang == OFFICIAL[cc] or (karabakh and name.lang == "hy")) and name.lang != "und":
        kind = "endonym"  # az-Cyrl, az-Arab, hy-arevmda are not the endonym's usual spelling
    else:
        kind = "exonym"
    if cc == "AM" and primary == "az" and kind != "historical" and not any(transliterates(name.text, h) for h in armenian_names):
        kind = "historical"  # Soviet-era Azerbaijani names of villages renamed since
    return kind


def _current_armenian(entry: Entry | None, names: Iterable[WofName]) -> list[str]:
    # the name the place goes by today: not a GeoNames variant, which may be an old name (Արփա)
    current = ("official", "endonym", "exonym")
    out = [n.text for n in entry.names if "hy" in n.langs and (n.preferred or n.kind in current)] if entry else []
    return out + [n.text for n in names if n.lang == "hy" and n.wof_kind == "preferred"]


def planned_names(
    entry: Entry | None, records: list[Record], karabakh: bool, divisions: DivisionWords | None = None
) -> list[dict[str, Any]]:
    """The names WOF adds to `entry` (or to a new entry when None), as YAML data, grouped by
    spelling: one item per text, kind and users, with every language that writes it so. With
    `divisions`, a division record's name that names another division is left out."""
    wof_names = [
        n
        for r in records
        for n in r.names
        if not _common_word_risk(n.text)
        and not (
            divisions
            and entry
            and r.is_division
            and (divisions.other_owner(n.text, entry.id) or divisions.another_label(n.text, r, entry.id))
        )
    ]
    cc = records[0].cc
    side = _side(entry, wof_names) if karabakh else None
    armenian = _current_armenian(entry, wof_names) if cc == "AM" else []
    has = {(n.text, lang) for n in entry.names for lang in n.langs} if entry else set()
    texts = {n.text for n in entry.names} if entry else set()
    best: dict[tuple[str, str], tuple[str, tuple[str, ...], str]] = {}
    for n in wof_names:
        if (n.text, n.lang) in has or (n.lang == "und" and n.text in texts):
            continue
        kind = _kind(n, cc, karabakh, armenian)
        used = side.used_by(n.text, n.lang, n.listed_as) if side else ()
        old = best.get((n.text, n.lang))
        if old is None or _RANK.index(kind) < _RANK.index(old[0]):
            best[n.text, n.lang] = (kind, used, n.listed_as)
    if any(lang != "und" for text, lang in best):  # a tagged spelling needs no untagged copy
        tagged = {text for text, lang in best if lang != "und"}
        best = {k: v for k, v in best.items() if k[1] != "und" or k[0] not in tagged}
    groups: dict[tuple[str, str, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    for (text, lang), (kind, used, listed) in best.items():
        groups[text, kind, used].append((lang, listed))
    out = []
    for (text, kind, used), langs in groups.items():
        tags = sorted({lang for lang, _ in langs})
        item: dict[str, Any] = {"text": text, "lang": tags if len(tags) > 1 else tags[0], "kind": kind}
        if used:
            item["used_by"] = list(used)
        item["sources"] = [SOURCE]
        listed_as = sorted({listed for _, listed in langs} - {"und"})
        if tags == ["und"] and listed_as:
            item["note"] = f"Latin-script form that Who's On First lists among the names in {', '.join(listed_as)}"
        out.append(item)
    return out


# -- what WOF says against an entry as it is --------------------------------------------------------
class Neighbours:
    """The names each gazetteer settlement goes by (its label and its preferred, official, endonym
    and exonym names, not an import's variants), to tell a village's names from its neighbour's:
    Nerkin Getashen is not a name of Verin Getashen, 2 km away."""

    def __init__(self, entries: list[Entry]) -> None:
        self.grid: dict[tuple[int, int], list[tuple[Entry, frozenset[str]]]] = defaultdict(list)
        for e in entries:
            if e.type in SETTLEMENT_TYPES and e.coordinates and e.sources != (SOURCE,):
                self.grid[_cell(e.coordinates.lat, e.coordinates.lon)].append((e, self.own(e)))

    @staticmethod
    def own(e: Entry) -> frozenset[str]:
        main = [n.text for n in e.names if SOURCE not in n.sources and (n.preferred or n.kind in ("official", "endonym", "exonym"))]
        return frozenset(_key(t) for t in (e.name, *main))

    def near(self, e: Entry, km: float = ID_MATCH_KM) -> Iterator[tuple[Entry, frozenset[str]]]:
        if e.coordinates is None:
            return
        lat, lon = e.coordinates.lat, e.coordinates.lon
        ci, cj = _cell(lat, lon)
        for di in range(-2, 3):
            for dj in range(-3, 4):
                for other, keys in self.grid.get((ci + di, cj + dj), ()):
                    if other.id != e.id and other.coordinates and _km(lat, lon, other.coordinates.lat, other.coordinates.lon) <= km:
                        yield other, keys

    def names_near(self, e: Entry) -> set[str]:
        """The names of the settlements within 10 km that are not also this one's."""
        own = self.own(e)
        return {k for _, keys in self.near(e) for k in keys} - own


def audit(
    entry: Entry, records: list[Record], neighbours: Neighbours, parent_of: dict[int, str], seats: Iterable[Record] = ()
) -> list[Candidate]:
    """What the matched WOF records say against the entry as it is, for an editor to review: the
    classes of error a sample review found (issue 16)."""
    out: list[Candidate] = []
    wof_id = records[0].wof_id

    def doubt(text: str, why: str) -> None:
        out.append(Candidate(entry.id, wof_id, None, text, "doubt: " + why))

    if entry.type in SETTLEMENT_TYPES:
        neighbour_names = {k: other.id for other, keys in neighbours.near(entry) for k in keys}
        own = Neighbours.own(entry)
        for n in entry.names:
            other = neighbour_names.get(_key(n.text))
            if other and _key(n.text) not in own:  # Verin Getashen listing Nerkin Getashen
                doubt(n.text, f"the name of {other}, a settlement within 10 km")

        def consonants(text: str) -> str:
            return re.sub(r"[aeiouy ]", "", _key(text))

        label = consonants(entry.name)
        for n in entry.names:  # Shnogh's "Shen": a word, not a shorter form of the name
            key = consonants(n.text)
            if (
                n.kind == "variant"
                and set(n.sources) <= {"geonames"}
                and 0 < len(_key(n.text)) <= 3
                and label.startswith(key)
                and key != label
            ):
                doubt(n.text, f"a variant that is only the first letters of {entry.name!r}: a word, not a name?")
        if entry.type == "village" and entry.coordinates:  # Bolnisi, the seat of a municipality, typed village
            lat, lon = entry.coordinates.lat, entry.coordinates.lon
            for seat in seats:
                if (
                    seat.lat is not None
                    and seat.lon is not None
                    and _km(lat, lon, seat.lat, seat.lon) < 15
                    and transliterates(seat.name, entry.name)
                ):
                    doubt(entry.name, f"typed village, but WOF's {seat.placetype} {seat.name!r} is named after it: a town?")
                    break
        districts = {parent_of[r.region] for r in records if r.region in parent_of and not r.is_division}
        if districts and not set(entry.parents) & districts:  # Sedarak under the whole republic, not its district
            doubt(entry.name, f"parents {', '.join(entry.parents)}, but WOF puts it in {', '.join(sorted(districts))}")
    historical = {n.text for r in records for n in r.names if n.wof_kind == "historical"}
    current = {n.text for r in records for n in r.names if n.wof_kind != "historical"}
    for n in entry.names:
        if n.kind != "historical" and n.text in historical - current:  # Bolnisi's Katharinenfeld
            doubt(n.text, "WOF lists it only as a historical name")
    if records[0].cc == "AM":
        armenian = _current_armenian(entry, ())
        for n in entry.names:  # Artashat's Qəmərli, preferred
            azerbaijani = "az" in {language_of(t) for t in n.langs} and n.kind != "historical" and SOURCE not in n.sources
            if azerbaijani and armenian and not any(transliterates(n.text, h) for h in armenian):
                doubt(n.text, "an Azerbaijani name that is not the Armenian name's transliteration, and not historical")
    return out


# -- editing entries ----------------------------------------------------------------------------
def _retag(names: list[dict[str, Any]], added: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give an untagged GeoNames variant the language WOF gives the same spelling; the WOF name
    then needs no item of its own. Returns the added names still to append."""
    untagged = {
        str(n.get("text")): n
        for n in names
        if n.get("lang") == "und" and set(n.get("sources") or []) <= {"geonames"} and n.get("kind") == "variant"
    }
    rest = []
    for item in added:
        old = untagged.pop(item["text"], None)
        if old is None or item["lang"] == "und":
            rest.append(item)
            continue
        old["lang"] = item["lang"]
        old["kind"] = item["kind"]
        if "used_by" in item:
            old["used_by"] = item["used_by"]
        old["sources"] = [*(old.get("sources") or []), SOURCE]
    return rest


def _new_ids(entry: Entry, records: list[tuple[Record, str]], qid_owner: dict[str, set[str]]) -> dict[str, Any]:
    ids: dict[str, Any] = {}
    if "wof" not in entry.ids:
        order = {"region": 0, "locality": 0, "county": 1, "localadmin": 1, "neighbourhood": 2, "macroregion": 3}
        ranked = sorted(records, key=lambda rh: (not rh[0].current, order.get(rh[0].placetype, 9), rh[0].wof_id))
        primary = ranked[0][0]
        if not (entry.type in SETTLEMENT_TYPES and primary.is_division and any(not r.is_division for r, _ in records)):
            ids["wof"] = primary.wof_id
        else:
            ids["wof"] = next(r.wof_id for r, _ in ranked if not r.is_division)
    if "wikidata" not in entry.ids:
        qids = {r.wikidata for r, _ in records if r.wikidata and qid_owner.get(r.wikidata) == {entry.id}}
        if len(qids) == 1:
            ids["wikidata"] = qids.pop()
    return ids


@dataclass
class WofReport:
    written: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)
    names_added: int = 0
    names_tagged: int = 0
    ids_added: Counter[str] = field(default_factory=Counter)
    candidates: list[Candidate] = field(default_factory=list)
    refused: list[Candidate] = field(default_factory=list)
    skipped_names: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    doubts: list[Candidate] = field(default_factory=list)  # what WOF says against an entry as it is

    def summary(self) -> str:
        ids = ", ".join(f"{n} {k}" for k, n in sorted(self.ids_added.items())) or "no"
        return (
            f"edited {len(self.edited)} entries ({self.names_added} names added, {self.names_tagged} untagged names given a language, "
            f"{ids} ids), wrote {len(self.written)} new entries; {len(self.candidates)} candidates and "
            f"{len(self.refused)} refused identifier matches and {len(self.doubts)} doubts about entries to review; "
            f"{sum(self.skipped_names.values())} WOF names left out"
        )

    def review_lines(self) -> Iterator[str]:
        yield "entry\twof_id\tkm\tshared name\twhy"
        for c in sorted(self.refused + self.candidates + self.doubts, key=lambda c: (c.why, c.entry, c.wof_id)):
            yield c.line()


def read_links(path: Path) -> dict[str, list[int]]:
    """`entry<TAB>wof_id` lines (a reviewed copy of the candidates report): confirmed pairs. An
    entry may have several records (a village and its community)."""
    out: dict[str, list[int]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip().isdigit() and not line.startswith("#"):
            out[parts[0].strip()].append(int(parts[1]))
    return dict(out)


def import_wof(
    root: Path,
    source: Path,
    *,
    countries: Iterable[str] = COUNTRIES,
    new: bool = False,
    dry_run: bool = False,
    links: dict[str, list[int]] | None = None,
    on_progress: OnProgress | None = None,
) -> WofReport:
    """Add WOF's names and ids to the entries its records match; with `new`, write the Karabakh
    settlements WOF names in both Azerbaijani and Armenian that the gazetteer lacks (Georgia's
    municipalities are written by wof_municipalities). Running it again changes nothing.
    `on_progress` hears each stage and the entries done."""
    stage("reading the extract", on_progress)
    records, skipped = read_records(source, countries)
    stage("reading the gazetteer", on_progress)
    result = scan(root)  # every entry, checked: an import starts from a valid gazetteer
    if result.errors:
        raise ValueError(f"the gazetteer has errors; fix them first: {result.errors[0].format()}")
    loaded = {item.entry.id: item for item in result.loaded}
    entries = [item.entry for item in result.loaded]
    report = WofReport(skipped_names=skipped)
    stage("matching records to entries", on_progress)
    matching = match_records(records, entries, links)
    report.candidates, report.refused = matching.candidates, matching.refused
    by_id = {e.id: e for e in entries}
    divisions = DivisionWords(entries, records)
    neighbours = Neighbours(entries)
    seats = [r for r in records if r.placetype == "county" and r.current and r.cc == "GE"]  # Georgia's municipalities
    parent_of = _region_entries(records, entries)
    owner_of = {r.wof_id: eid for eid, recs in matching.by_entry.items() for r, _ in recs}
    qid_owner: dict[str, set[str]] = defaultdict(set)  # a Wikidata id goes to an entry only if no other place has it
    for r in records:
        if r.wikidata:
            qid_owner[r.wikidata].add(owner_of.get(r.wof_id, f"wof:{r.wof_id}"))
    all_names = {n.text for e in entries for n in e.names} | {e.name for e in entries}
    for entry_id, recs in counted(sorted(matching.by_entry.items()), "entries", on_progress):
        entry = by_id[entry_id]
        karabakh = entry.id in KARABAKH or any(p in KARABAKH for p in entry.parents)
        matched = [r for r, _ in recs]
        if is_municipality(entry):  # a municipality an earlier run added: its names by the same rule
            others = all_names - {n.text for n in entry.names} - {entry.name}
            matched = [municipality_names(r, others) for r in matched]
        elif entry.sources == (SOURCE,):  # a settlement an earlier run added: the same languages as then
            matched = [_for_new_settlement(r, entries) for r in matched]
        if entry.type in SETTLEMENT_TYPES:
            nearby = neighbours.names_near(entry)
            matched = [replace(r, names=tuple(n for n in r.names if _key(n.text) not in nearby)) for r in matched]
        report.doubts += audit(entry, [r for r, _ in recs], neighbours, parent_of, seats)
        added = planned_names(entry, matched, karabakh, divisions)
        ids = _new_ids(entry, recs, qid_owner)
        if not added and not ids:
            continue
        path = Path(loaded[entry_id].path)
        path = path if path.is_absolute() else Path.cwd() / path

        def change(data: dict[str, Any], added: list[dict[str, Any]] = added, ids: dict[str, Any] = ids) -> None:
            names = data.setdefault("names", [])
            rest = _retag(names, added)
            report.names_tagged += len(added) - len(rest)
            report.names_added += len(rest)
            names.extend(rest)
            if ids:
                data["ids"] = {**(data.get("ids") or {}), **ids}
                report.ids_added.update(ids.keys())
                sources = list(data.get("sources") or [])
                if SOURCE not in sources:
                    data["sources"] = [*sources, SOURCE]

        try:
            text = edited_text(path.read_text(encoding="utf-8"), str(path), change)
        except FormatRefused as exc:  # one refused file must not stop the others; it is reported
            report.problems.append(f"{path}: {exc}")
            continue
        report.edited.append(path)
        if not dry_run:
            path.write_text(text, encoding="utf-8")
    if new:
        _write_new(root, records, entries, matching, report, dry_run=dry_run)
    return report


# -- Georgia's municipalities (written by wof_municipalities) ----------------------------------
# languages whose WOF names of Georgian places a bot wrote from GeoNames (Cebuano, Swedish and
# Waray Wikipedia articles): old Soviet names among them ("Leninskiy Rayon")
_BOT_LANGUAGES = frozenset({"ceb", "sv", "war"})


def is_municipality(entry: Entry) -> bool:
    """Whether an entry is one this import wrote (later runs add names to it by the same rule)."""
    return entry.type == "district" and entry.sources == (SOURCE,) and entry.name.endswith(" Municipality")


def municipality_names(record: Record, others: set[str]) -> Record:
    """The record with only the names that name the municipality (see _names_the_municipality)."""
    return replace(
        record, names=tuple(n for n in record.names if _names_the_municipality({"text": n.text, "lang": n.lang}, record, others))
    )


def _names_the_municipality(name: dict[str, Any], record: Record, others: set[str]) -> bool:
    """Whether a name of the record names the municipality: not an untagged romanization, not a
    name another entry has (the town's "Kareli", a region's name a record carries by mistake), and
    more than the town's name in a language that spaces its words: a word that is not the town's ("Munizipalität
    Choni", "Тетрицкаройский муниципалитет"; not Dutch "Choni")."""
    text = name["text"]
    langs = {name["lang"]} if isinstance(name["lang"], str) else set(name["lang"])
    if langs == {"und"} or langs <= _BOT_LANGUAGES or text in others:
        return False
    if detect_script(text) in UNSPACED_SCRIPTS:
        return True
    town, words = record.name.split(), text.split()
    return len(words) > 1 and any(not any(transliterates(word, t) for t in town) for word in words)


# -- new Karabakh settlements -------------------------------------------------------------------
def _pair(names: Iterable[WofName]) -> tuple[str, str] | None:
    """The Azerbaijani name (Latin) and the Armenian one (Armenian script), preferred ones first,
    if WOF gives both (its Armenian preferred name is often a romanization, the script form a variant)."""
    rank = {"preferred": 0, "variant": 1, "colloquial": 2, "historical": 3}
    ordered = sorted(names, key=lambda n: rank.get(n.wof_kind, 9))
    az = [n.text for n in ordered if n.lang == "az" and n.wof_kind != "historical"]
    hy = [n.text for n in ordered if n.lang == "hy" and n.wof_kind != "historical"]
    return (az[0], hy[0]) if az and hy else None


def karabakh_settlements(
    records: list[Record], entries: list[Entry], matching: Matching
) -> tuple[list[tuple[Record, str]], list[Candidate]]:
    """Current WOF settlements of the Karabakh districts named in Azerbaijani and Armenian that
    match no entry, not even as a candidate, each with its district; and those held back because
    WOF's district is not the district of most of the three nearest gazetteer settlements (WOF
    keeps some pre-2023 districts: villages of today's Aghdara District under Kalbajar)."""
    parent_of = _region_entries(records, entries)
    known_gn = {e.ids["geonames"] for e in entries if "geonames" in e.ids}
    near = {c.wof_id for c in matching.candidates + matching.refused}
    az_divisions = {e.id for e in entries if str(e.ids.get("iso3166", "")).startswith("AZ-")} | KARABAKH
    placed = [  # the gazetteer's own settlements, not those an earlier run added from WOF
        e
        for e in entries
        if e.type in SETTLEMENT_TYPES and e.coordinates and e.parents and e.parents[0] in az_divisions and e.sources != (SOURCE,)
    ]
    out: list[tuple[Record, str]] = []
    held: list[Candidate] = []
    seen_gn: set[int] = set()
    for r in sorted(records, key=lambda r: (not r.current, r.wof_id)):
        parent = parent_of.get(r.region or 0)
        if r.cc != "AZ" or r.placetype != "locality" or not r.current or parent not in KARABAKH or parent == "khankendi":
            continue
        if r.wof_id in matching.matched or r.wof_id in near or r.lat is None or r.lon is None:
            continue
        if r.geonames in known_gn or (r.geonames and r.geonames in seen_gn):
            continue
        pair = _pair(r.names)
        if pair is None:
            continue
        if r.geonames:
            seen_gn.add(r.geonames)
        lat, lon = r.lat, r.lon
        nearest = sorted(placed, key=lambda e: _km(lat, lon, e.coordinates.lat, e.coordinates.lon) if e.coordinates else 1e9)[:3]
        votes = Counter(e.parents[0] for e in nearest).most_common()
        if votes and votes[0][0] != parent and votes[0][1] >= 2:
            why = f"new settlement held back: WOF puts it in {parent}, its three nearest gazetteer settlements are in " + ", ".join(
                f"{d} ({n})" for d, n in votes
            )
            held.append(Candidate(parent, r.wof_id, None, f"{pair[0]} / {pair[1]}", why))
            continue
        out.append((r, parent))
    return out, held


def _for_new_settlement(r: Record, entries: list[Entry]) -> Record:
    """The record with the names a new village takes: those in NEW_SETTLEMENT_LANGUAGES that no
    gazetteer settlement within 15 km has (WOF gives villages near Jabrayil and Gubadli the
    Armenian names of those towns, Ջրական and Քաշունիք)."""
    taken: set[str] = set()
    if r.lat is not None and r.lon is not None:
        for e in entries:
            if (
                e.type in SETTLEMENT_TYPES
                and e.coordinates
                and e.sources != (SOURCE,)
                and _km(r.lat, r.lon, e.coordinates.lat, e.coordinates.lon) < 15
            ):
                taken.update(_key(n.text) for n in e.names)
    return replace(r, names=tuple(n for n in r.names if language_of(n.lang) in NEW_SETTLEMENT_LANGUAGES and _key(n.text) not in taken))


def _label(r: Record) -> str:
    pair = _pair(r.names)
    assert pair is not None
    english = [n.text for n in r.names if n.lang == "en" and n.wof_kind == "preferred" and transliterates(n.text, pair[0])]
    return english[0] if english else pair[0]


def _write_new(root: Path, records: list[Record], entries: list[Entry], matching: Matching, report: WofReport, *, dry_run: bool) -> None:
    taken = {e.id for e in entries} | set(deleted_ids(root)) | set(read_retired(root, []))
    by_id = {e.id: e for e in entries}
    settlements, held = karabakh_settlements(records, entries, matching)
    report.refused += held
    for found, parent in settlements:
        r = _for_new_settlement(found, entries)
        if _pair(r.names) is None:  # its Armenian name is a nearby town's
            report.refused.append(
                Candidate(parent, r.wof_id, None, found.name, "new settlement held back: its Armenian name is a nearby town's")
            )
            continue
        label = _label(r)
        base = slug(label)
        options = [base, *(f"{base}-{w}" for w in parent.split("-") if w != "district"), f"{base}-{r.wof_id}"]
        entry_id = next(o for o in options if o and o not in taken)
        taken.add(entry_id)
        district = by_id[parent].name
        hy = list(dict.fromkeys(n.text for n in r.names if n.lang == "hy"))
        armenian = f"name {hy[0]}" if len(hy) == 1 else "names " + ", ".join(hy)
        data: dict[str, Any] = {"id": entry_id, "type": "village", "name": label, "parents": [parent]}
        data["ids"] = {"geonames": r.geonames, "wof": r.wof_id} if r.geonames else {"wof": r.wof_id}
        data["coordinates"] = {"lat": round(float(r.lat or 0), 5), "lon": round(float(r.lon or 0), 5)}
        data["sources"] = [SOURCE]
        data["names"] = planned_names(None, [r], karabakh=True)
        data["notes"] = (
            f"Village in the {district} of Azerbaijan; Armenian {armenian}. Added from Who's On First "
            f"(record {r.wof_id}{f', GeoNames {r.geonames}' if r.geonames else ''}): names, coordinates and district "
            "as that record gives them (the district from its WOF region, which is the district of most of the three "
            "nearest gazetteer settlements). No gazetteer entry lay within 3 km with a name in common, nor in the "
            "district under one of its names."
        )
        path = root / "az" / "karabakh" / f"{entry_id}.yaml"
        text = dump_entry(data, schema_path=schema_path_for(path, root))
        report.written.append(path)
        report.names_added += len(data["names"])
        if not dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
