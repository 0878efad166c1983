"""`exonym import wof` on a small gazetteer and a hand-written WOF extract: matching by id,
candidates never merged, the script filter, historical tagging, Karabakh users, new settlements,
idempotence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from exonym.data.folder import scan
from exonym.edit.importers import wof
from import_util import wof_record, write_gazetteer_and_source

SOURCES = """\
whosonfirst:
  title: Who's On First
geonames:
  title: GeoNames
editor:
  title: A test source
"""

ENTRIES = {
    "countries/armenia.yaml": """\
id: armenia
type: country
name: Armenia
ids:
  iso3166: AM
names:
  - {text: Armenia, lang: en, kind: exonym, sources: [editor]}
""",
    "countries/azerbaijan.yaml": """\
id: azerbaijan
type: country
name: Azerbaijan
ids:
  iso3166: AZ
names:
  - {text: Azerbaijan, lang: en, kind: exonym, sources: [editor]}
""",
    "historical/republic-of-artsakh.yaml": """\
id: republic-of-artsakh
type: historical-unit
name: Republic of Artsakh
names:
  - {text: Republic of Artsakh, lang: en, kind: exonym, sources: [editor]}
""",
    "am/artashat.yaml": """\
id: artashat
type: town
name: Artashat
parents: [armenia]
ids:
  geonames: 111
coordinates: {lat: 39.95, lon: 44.55}
sources: [geonames]
names:
  # the Armenian name, as the town writes it
  - {text: Արտաշատ, lang: hy, kind: official, preferred: true, sources: [editor]}
  - {text: Artashat, lang: und, kind: variant, sources: [geonames]}
""",
    "am/sevan.yaml": """\
id: sevan
type: town
name: Sevan
parents: [armenia]
ids:
  wikidata: Q5
coordinates: {lat: 40.55, lon: 44.95}
names:
  - {text: Sevan, lang: en, kind: exonym, sources: [editor]}
""",
    "am/agarak.yaml": """\
id: agarak
type: village
name: Agarak
parents: [armenia]
ids:
  wikidata: Q7
coordinates: {lat: 40.3, lon: 44.1}
names:
  - {text: Agarak, lang: en, kind: exonym, sources: [editor]}
""",
    "az/khojavend-district.yaml": """\
id: khojavend-district
type: district
name: Khojavend District
parents: [azerbaijan]
ids:
  iso3166: AZ-XVD
names:
  - {text: Khojavend District, lang: en, kind: exonym, sources: [editor]}
""",
    "az/karabakh/tsaghkavank.yaml": """\
id: tsaghkavank
type: village
name: Xırmancıq
parents: [khojavend-district]
coordinates: {lat: 39.6, lon: 46.9}
names:
  - {text: Xırmancıq, lang: az, kind: official, sources: [editor]}
""",
}


_record = wof_record


RECORDS = [
    _record(
        1,
        "AM",
        "locality",
        "Artashat",
        {
            "hye_x_preferred": ["Արտաշատ"],
            "hye_x_variant": ["Artashat"],  # Latin under an Armenian key: not Armenian
            "aze_x_preferred": ["Qəmərli"],  # the pre-1945 name: historical
            "aze_x_variant": ["Artaşat"],  # a transliteration of the Armenian name: current
            "eng_x_preferred": ["Artashat"],  # gives the untagged GeoNames variant a language
            "rus_x_preferred": ["Арташат"],
            "rus_x_variant": ["Artaşat"],  # Latin under a Russian key
            "kat_x_preferred": ["არტაშატი"],
            "zho_cn_x_preferred": ["阿尔塔沙特"],
        },
        gn_id=111,
        lat=39.96,
        lon=44.56,
    ),
    _record(2, "AM", "locality", "Sevan", {"fra_x_preferred": ["Sevan"], "deu_x_preferred": ["Sewan"]}, wd_id="Q5", lat=40.55, lon=44.95),
    # one Wikidata id on two villages: refused, never merged
    _record(3, "AM", "locality", "Agarak", {"deu_x_preferred": ["Agarak"]}, wd_id="Q7", gn_id=701, lat=40.3, lon=44.1),
    _record(4, "AM", "locality", "Agarak", {"deu_x_preferred": ["Agarak"]}, wd_id="Q7", gn_id=702, lat=39.2, lon=46.5),
    _record(10, "AZ", "region", "Xocavənd", {"aze_x_preferred": ["Xocavənd rayonu"]}, concordances={"iso:id": "AZ-XVD"}),
    # shares only coordinates and a name with tsaghkavank: a candidate
    _record(
        11,
        "AZ",
        "locality",
        "Khirmandzhyg",
        {"aze_x_preferred": ["Xırmancıq"], "hye_x_preferred": ["Ծաղկավանք"], "rus_x_preferred": ["Хирманджыг"]},
        gn_id=333,
        lat=39.601,
        lon=46.901,
        hierarchy=[{"region_id": 10}],
    ),
    # a Karabakh village the gazetteer lacks, named in both languages
    _record(
        12,
        "AZ",
        "locality",
        "Kuropatkino",
        {"aze_x_preferred": ["Kuropatkino"], "hye_x_preferred": ["Կաքավաձոր"], "eng_x_preferred": ["Kuropatkino"]},
        gn_id=444,
        lat=39.5,
        lon=47.0,
        hierarchy=[{"region_id": 10}],
    ),
]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    return write_gazetteer_and_source(tmp_path, SOURCES, ENTRIES, RECORDS)


def _names(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {}
    for n in data["names"]:
        for lang in n["lang"] if isinstance(n["lang"], list) else [n["lang"]]:
            out[n["text"], lang] = n
    return out


def test_language_keys_become_bcp47_tags() -> None:
    assert [wof.wof_tag(k) for k in ("aze", "hye", "kat", "rus", "zho_cn", "srp_el", "azb", "xyz_qq")] == [
        "az",
        "hy",
        "ka",
        "ru",
        "zh-CN",
        "sr-Latn",
        "az-Arab",
        None,
    ]


def test_a_name_must_be_written_in_a_script_of_its_language() -> None:
    assert wof.fitting_tag("Արտաշատ", "hy") == "hy"
    assert wof.fitting_tag("Artashat", "hy") is None
    assert wof.fitting_tag("Агдам", "az") == "az-Cyrl"  # CLDR writes Azerbaijani in Cyrillic too
    assert wof.fitting_tag("阿尔塔沙特", "zh-CN") == "zh-CN"


def test_matches_by_geonames_and_wikidata_and_tags_names(setup: tuple[Path, Path]) -> None:
    root, source = setup
    report = wof.import_wof(root, source)
    names = _names(root / "am/artashat.yaml")
    assert names["Qəmərli", "az"]["kind"] == "historical"  # not a transliteration of Արտաշատ
    assert names["Artaşat", "az"]["kind"] == "variant"
    assert names["არტაშატი", "ka"]["kind"] == "exonym" and names["阿尔塔沙特", "zh-CN"]["sources"] == ["whosonfirst"]
    assert "preferred" not in names["Арташат", "ru"]  # WOF never makes a name preferred
    assert names["Artashat", "en"]["sources"] == ["geonames", "whosonfirst"]  # the untagged variant, tagged
    assert ("Artashat", "und") not in names and ("Artaşat", "und") not in names  # Latin under hye/rus: not a second copy
    assert names["Արտաշատ", "hy"]["kind"] == "official"  # the curated name is left as it was
    text = (root / "am/artashat.yaml").read_text(encoding="utf-8")
    assert "# the Armenian name, as the town writes it" in text
    data = yaml.safe_load(text)
    assert data["ids"] == {"geonames": 111, "wof": 1} and data["name"] == "Artashat"
    assert ("Sewan", "de") in _names(root / "am/sevan.yaml")  # by Wikidata id
    assert ("Agarak", "de") not in _names(root / "am/agarak.yaml")  # Q7 names two villages
    assert [(c.wof_id, c.why) for c in report.refused] == [(n, "wikidata Q7 is on records of several places") for n in (3, 4)]
    assert not scan(root).errors


def test_coordinates_and_a_name_are_only_a_candidate_until_linked(setup: tuple[Path, Path]) -> None:
    root, source = setup
    report = wof.import_wof(root, source)
    assert [(c.entry, c.wof_id, c.why) for c in report.candidates if c.why.startswith("coord")] == [
        ("agarak", 3, "coordinates and name"),  # its Wikidata match was refused: left for review
        ("tsaghkavank", 11, "coordinates and name"),
    ]
    assert ("Ծաղկավանք", "hy") not in _names(root / "az/karabakh/tsaghkavank.yaml")
    wof.import_wof(root, source, links={"tsaghkavank": [11]})
    names = _names(root / "az/karabakh/tsaghkavank.yaml")
    assert names["Ծաղկավանք", "hy"]["used_by"] == ["armenia", "republic-of-artsakh"]  # the Artsakh-side name
    assert names["Хирманджыг", "ru"].get("used_by") is None  # a transliteration of the Azerbaijani name
    assert yaml.safe_load((root / "az/karabakh/tsaghkavank.yaml").read_text(encoding="utf-8"))["ids"] == {"wof": 11}


def test_new_karabakh_settlements_with_their_district(setup: tuple[Path, Path]) -> None:
    root, source = setup
    report = wof.import_wof(root, source, new=True)
    assert [p.name for p in report.written] == ["kuropatkino.yaml"]  # not the candidate Xırmancıq
    data = yaml.safe_load((root / "az/karabakh/kuropatkino.yaml").read_text(encoding="utf-8"))
    assert data["parents"] == ["khojavend-district"] and data["ids"] == {"geonames": 444, "wof": 12}
    names = {(n["text"], n["lang"] if isinstance(n["lang"], str) else n["lang"][0]): n for n in data["names"]}
    assert names["Kuropatkino", "az"]["used_by"] == ["azerbaijan"]
    assert names["Կաքավաձոր", "hy"]["used_by"] == ["armenia", "republic-of-artsakh"]
    assert not scan(root).errors


def test_running_it_again_changes_nothing(setup: tuple[Path, Path]) -> None:
    root, source = setup
    wof.import_wof(root, source, new=True, links={"tsaghkavank": [11]})
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    again = wof.import_wof(root, source, new=True, links={"tsaghkavank": [11]})
    assert (again.edited, again.written, again.names_added) == ([], [], 0)
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before


def test_dry_run_writes_nothing(setup: tuple[Path, Path]) -> None:
    root, source = setup
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    report = wof.import_wof(root, source, new=True, dry_run=True)
    assert report.edited and report.written
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before


def test_names_compare_word_by_word() -> None:
    assert wof.transliterates("Artaşat", "Արտաշատ")
    assert not wof.transliterates("Qəmərli", "Արտաշատ")
    assert not wof.transliterates("Verin Getashen", "Ներքին Գետաշեն")  # Verin is not Nerkin
    assert not wof.transliterates("Suraxanı", "Yeni Suraxanı")


def test_ascii_copies_and_short_abjad_words_are_not_taken() -> None:
    from collections import Counter

    skipped: Counter[str] = Counter()
    names = wof.read_names({"aze_x_preferred": ["Şuşa"], "eng_x_preferred": ["Susa"], "fra_x_preferred": ["Choucha"]}, skipped)
    assert [n.text for n in names] == ["Şuşa", "Choucha"] and skipped["an ASCII copy of a name with diacritics"] == 1
    assert wof._common_word_risk("برد") and not wof._common_word_risk("بردہ گاؤں")
