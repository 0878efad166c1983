"""`exonym import world` on a small fixture (tests/data/world/): ids and collisions, parents, names
grouped across languages, the script filter, und variants, determinism, and that every line is an
entry the YAML validator accepts."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from exonym.data.loader import read_entry, read_sources
from exonym.edit.importers.geonames import zone_cities
from exonym.edit.importers.world import DIVISIONS_FILE, KEY_ORDER, TOWNS_FILE, fitting_tag, import_world
from exonym.edit.yamlio import dump_entry

FIXTURE = Path(__file__).parent / "data" / "world"
GAZETTEER = Path(__file__).resolve().parent.parent / "gazetteer"
GZIPPED = ("cldr-subdivisions.tsv", "ne_10m_admin_1_states_provinces.tsv", "libgeonames-admin1-names.tsv", "geonames-names-by-locale.tsv")


def _entry(path: Path, entry: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_entry(entry), encoding="utf-8")


def _name(text: str) -> list[dict[str, Any]]:
    return [{"text": text, "lang": "en", "kind": "exonym", "sources": ["geonames"]}]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("world")
    data = base / "data"
    data.mkdir()
    for src in FIXTURE.glob("*.tsv"):
        if src.name in GZIPPED:
            with gzip.open(data / f"{src.name}.gz", "wb") as f:
                f.write(src.read_bytes())
        else:
            shutil.copy(src, data / src.name)
    root = base / "gazetteer"
    root.mkdir()
    shutil.copy(GAZETTEER / "sources.yaml", root / "sources.yaml")
    (root / "retired-ids.yaml").write_text("valencia-ve: retired for this test\n", encoding="utf-8")
    for cc, cid, label in (
        ("UA", "ukraine", "Ukraine"),
        ("DE", "germany", "Germany"),
        ("AZ", "azerbaijan", "Azerbaijan"),
        ("VE", "venezuela", "Venezuela"),
    ):
        names = _name(label)
        if cid == "ukraine":  # an adjective, which GeoNames gives Donetsk as a German name and an alternate
            names.append({"text": "ukrainisch", "lang": "de", "kind": "adjective", "sources": ["geonames"]})
        _entry(root / "countries" / f"{cid}.yaml", {"id": cid, "type": "country", "name": label, "ids": {"iso3166": cc}, "names": names})
    _entry(
        root / "az" / "tovuz-district.yaml",
        {
            "id": "tovuz-district",
            "type": "district",
            "name": "Tovuz District",
            "parents": ["azerbaijan"],
            "ids": {"iso3166": "AZ-TOV", "geonames_admin1": "AZ.58"},
            "names": _name("Tovuz District"),
        },
    )
    _entry(
        root / "ua" / "kharkiv.yaml",
        {"id": "kharkiv", "type": "city", "name": "Kharkov", "ids": {"geonames": 706483}, "names": _name("Kharkov")},
    )
    _entry(
        root / "ua" / "bakhmut-ua.yaml",
        {"id": "bakhmut-ua", "type": "town", "name": "Bakhmut", "ids": {"geonames": 1}, "names": _name("Bakhmut")},
    )
    towns = json.loads((FIXTURE / "towns.json").read_text(encoding="utf-8"))
    heard: list[tuple[str, int, int]] = []
    report = import_world(root, data, towns=towns, country_geonames={}, on_progress=lambda *call: heard.append(call))
    layers = root / "layers"
    lines = {name: (layers / name).read_text(encoding="utf-8").splitlines() for name in (DIVISIONS_FILE, TOWNS_FILE)}
    entries = {json.loads(line)["id"]: json.loads(line) for name in lines for line in lines[name][1:]}
    return {"root": root, "data": data, "towns": towns, "report": report, "lines": lines, "entries": entries, "progress": heard}


def test_progress_names_each_stage_and_counts_divisions_and_towns(world: dict[str, Any]) -> None:
    heard = world["progress"]
    stages = list(dict.fromkeys(stage for stage, _, _ in heard))
    assert stages[:2] == ["reading the sources", "reading the gazetteer"] and stages[-1] == "writing the layers"
    assert stages.index("divisions") < stages.index("towns")
    for counted_stage, lines in (("divisions", world["lines"][DIVISIONS_FILE]), ("towns", world["lines"][TOWNS_FILE])):
        calls = [(done, total) for stage, done, total in heard if stage == counted_stage]
        assert calls[-1] == (len(lines) - 1, len(lines) - 1)  # every record, the header line aside
        assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def _names(entry: dict[str, Any]) -> dict[str, list[Any]]:
    return {n[0] + "|" + ",".join(n[1]): n for n in entry["names"]}


def test_ids_and_collisions(world: dict[str, Any]) -> None:
    by_geonames = {e["ids"]["geonames"]: e["id"] for e in world["entries"].values()}
    assert by_geonames[709717] == "donetsk-ua"  # the most populous Donetsk takes the plain id
    assert by_geonames[999007] == "donetsk-kharkiv-oblast-ua"  # another one adds its division's slug
    assert by_geonames[999005] == "donetsk-donetsk-oblast-ua"
    assert by_geonames[999006] == "donetsk-ua-999006"  # then its GeoNames id
    assert by_geonames[713174] == "bakhmut-donetsk-oblast-ua"  # bakhmut-ua is a curated id
    assert by_geonames[3625549] == "valencia-carabobo-ve"  # valencia-ve is retired
    assert by_geonames[999008] == "carabobo-ve"  # a town comes before the division of its name
    assert by_geonames[3646738] == "carabobo-ve-3646738"
    assert by_geonames[709716] == "donetsk-oblast-ua"
    # AZ.58 is curated (tovuz-district): the line takes its id, so the curated entry replaces it
    assert by_geonames[584861] == "tovuz-district"


def test_lines_sorted_with_header(world: dict[str, Any]) -> None:
    for name, lines in world["lines"].items():
        header = json.loads(lines[0])["layer"]
        assert header["generated_by"] == "exonym import world"
        assert set(header["inputs"]) >= {"data/sources/world/admin1.tsv", "data/sources/world/division-labels.tsv"}
        ids = [json.loads(line)["id"] for line in lines[1:]]
        assert ids == sorted(ids), name
        for line in lines[1:]:
            keys = list(json.loads(line))
            assert keys == [k for k in KEY_ORDER if k in keys]
            assert line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))


def test_parents(world: dict[str, Any]) -> None:
    e = world["entries"]
    assert e["donetsk-oblast-ua"]["parents"] == ["ukraine"]
    assert e["bavaria-de"]["parents"] == ["germany"]
    assert e["donetsk-ua"]["parents"] == ["donetsk-oblast-ua"]
    assert e["kharkov-ua"]["parents"] == ["kharkiv-oblast-ua"]
    assert e["tovuz-az"]["parents"] == ["tovuz-district"]  # the curated division, not the layer's
    assert e["kyiv-ua"]["parents"] == ["ukraine"]  # UA.12 is not among the divisions: the country
    assert e["valencia-carabobo-ve"]["parents"] == ["carabobo-ve-3646738"]


def test_labels_types_and_facts(world: dict[str, Any]) -> None:
    e = world["entries"]
    assert e["donetsk-oblast-ua"]["name"] == "Donetsk Oblast"  # GeoNames' English name, not CLDR's Donechchyna
    assert e["kharkiv-oblast-ua"]["name"] == "Kharkiv Oblast"  # division-labels.tsv
    assert e["kharkov-ua"]["name"] == "Kharkov"  # the curated entry with this GeoNames id
    assert e["tovuz-district"]["name"] == "Tovuz District"
    assert e["donetsk-ua"]["type"] == "city" and e["bakhmut-donetsk-oblast-ua"]["type"] == "town"
    assert e["donetsk-ua"]["population"] == 929063
    assert "population" not in e["donetsk-oblast-ua"]
    assert e["donetsk-oblast-ua"]["ids"] == {"geonames": 709716, "geonames_admin1": "UA.05", "iso3166": "UA-14", "wikidata": "Q2012050"}
    assert e["donetsk-oblast-ua"]["coordinates"] == {"lat": 48.145, "lon": 37.7933}
    assert "naturalearth" in e["donetsk-oblast-ua"]["sources"]
    assert e["tovuz-district"]["ids"]["iso3166"] == "AZ-TOV"
    # KZ.12510143 is a real GeoNames code, longer than the format's pattern allows: left out
    assert e["abai-region-kz"]["ids"] == {"geonames": 12510143, "iso3166": "KZ-10"}
    assert "parents" not in e["abai-region-kz"] and "coordinates" not in e["abai-region-kz"]
    # Natural Earth's UA.07 row is about Sumy: no point, no Wikidata id, no bare NE code from it
    kharkiv = e["kharkiv-oblast-ua"]
    assert kharkiv["ids"] == {"geonames": 706482, "geonames_admin1": "UA.07"}
    assert kharkiv["coordinates"] == {
        "lat": round((49.98081 * 1421125 + 49.5 * 20000) / 1441125, 5),
        "lon": round((36.25272 * 1421125 + 36.5 * 20000) / 1441125, 5),
    }
    assert not any("Sumy" in n[0] or "Сум" in n[0] for n in kharkiv["names"])
    assert e["carabobo-ve-3646738"]["coordinates"] == {
        "lat": round((10.16202 * 1619470 + 10.0 * 20000) / 1639470, 5),
        "lon": round((-68.00765 * 1619470 - 68.5 * 20000) / 1639470, 5),
    }


def test_one_spelling_is_one_name(world: dict[str, Any]) -> None:
    names = _names(world["entries"]["bavaria-de"])
    assert names["Bayern|da,de,sv"] == [
        "Bayern",
        ["da", "de", "sv"],
        "endonym",
        ["cldr-subdivisions", "libgeonames", "naturalearth"],
        {"preferred": True},
    ]
    assert names["Bavaria|en"][2:] == ["exonym", ["cldr-subdivisions", "libgeonames", "naturalearth"], {"preferred": True}]
    assert names["巴伐利亞|zh-Hant"][3] == ["naturalearth"]
    donetsk = _names(world["entries"]["donetsk-ua"])
    assert donetsk["Donetsk|en,fr"] == ["Donetsk", ["en", "fr"], "exonym", ["libgeonames"], {"preferred": True}]
    assert donetsk["Донецьк|uk"][2] == "endonym"
    # a spelling preferred in one language and not in another is split in two
    oblast = _names(world["entries"]["donetsk-oblast-ua"])
    assert oblast["Donetsk Oblast|en"][4] == {"preferred": True}
    assert len(oblast["Donechchyna|en"]) == 4  # CLDR's English name stays, not preferred


def test_script_filter_and_tags(world: dict[str, Any]) -> None:
    donetsk = _names(world["entries"]["donetsk-ua"])
    assert not any(n[0] == "Donetsk" and "ru" in n[1] for n in donetsk.values())  # Latin under ru: left out
    assert donetsk["Донецк|ru"][4] == {"preferred": True}  # so the Cyrillic one is the main ru name
    assert donetsk["Donjeck|sr-Latn"][1] == ["sr-Latn"]  # Latin Serbian gets its script subtag
    assert not any("Donetskx" in key for key in donetsk)  # locale xx is no language
    assert fitting_tag("ru", "Donetsk") is None
    assert fitting_tag("ja", "東京") == "ja" and fitting_tag("zh", "東京") == "zh"
    assert fitting_tag("en", "Донецк") is None
    assert _names(world["entries"]["carabobo-ve-3646738"])["Карабобо|uk"]  # CLDR's footnote mark ² removed


def test_und_variants(world: dict[str, Any]) -> None:
    donetsk = _names(world["entries"]["donetsk-ua"])
    variants = {n[0] for n in donetsk.values() if n[1] == ["und"]}
    assert variants == {"Stalino", "Юзовка", "Hughesovka"}  # packed names split; tagged ones not repeated
    assert all(n[2:4] == ["variant", ["geonames"]] for n in donetsk.values() if n[1] == ["und"])
    dropped = world["report"].tally.dropped
    assert dropped["code"] >= 1 and dropped["machine transcription"] >= 1
    assert dropped["control or private-use character"] == 1
    assert dropped["script does not fit the language"] >= 1 and dropped["unknown language tag"] == 1


def test_an_adjective_or_demonym_of_a_curated_entry_is_no_name_of_a_town(world: dict[str, Any]) -> None:
    # (GeoNames gives Georgian ქართული, "Georgian", as a name of Mariupol and of Reykjavik)
    donetsk = _names(world["entries"]["donetsk-ua"])
    assert not any(n[0].lower() == "ukrainisch" for n in donetsk.values())
    assert world["report"].tally.dropped["an adjective or demonym of a curated entry"] == 2  # the German name and the alternate


def test_cldr_exemplar_city(world: dict[str, Any]) -> None:
    kyiv = world["entries"]["kyiv-ua"]
    assert any("cldr" in n[3] for n in kyiv["names"])  # Europe/Kyiv is named after it
    assert not any("cldr" in n[3] for n in world["entries"]["donetsk-ua"]["names"])


def test_zone_city_is_the_record_named_after_it() -> None:
    records = [
        {
            "geonameid": 1,
            "name": "San Juan",
            "countrycode": "PR",
            "population": 400000,
            "timezone": "America/Puerto_Rico",
            "alternatenames": ["Puerto Rico"],
        },
        {
            "geonameid": 2,
            "name": "New York City",
            "countrycode": "US",
            "population": 8000000,
            "timezone": "America/New_York",
            "alternatenames": ["New York"],
        },
        {
            "geonameid": 3,
            "name": "New York Mills",
            "countrycode": "US",
            "population": 20000,
            "timezone": "America/New_York",
            "alternatenames": ["New York"],
        },
    ]
    assert zone_cities(records) == {2: "America/New_York"}


def test_every_line_is_a_valid_entry(world: dict[str, Any]) -> None:
    sources, _ = read_sources((world["root"] / "sources.yaml").read_text(encoding="utf-8"), "sources.yaml")
    known = frozenset(sources)
    for entry in world["entries"].values():
        record = dict(entry)
        record["names"] = [
            {"text": n[0], "lang": n[1][0] if len(n[1]) == 1 else n[1], "kind": n[2], "sources": n[3], **(n[4] if len(n) > 4 else {})}
            for n in entry["names"]
        ]
        text = dump_entry(record)
        loaded, diags = read_entry(text, f"{entry['id']}.yaml", entry["id"], known)
        assert loaded is not None and diags == [], (entry["id"], [d.format() for d in diags])


def test_same_inputs_same_bytes(world: dict[str, Any], tmp_path: Path) -> None:
    root = tmp_path / "gazetteer"
    shutil.copytree(world["root"], root)
    shutil.rmtree(root / "layers")
    import_world(root, world["data"], towns=world["towns"], country_geonames={})
    for name in (DIVISIONS_FILE, TOWNS_FILE):
        assert (root / "layers" / name).read_bytes() == (world["root"] / "layers" / name).read_bytes()


def test_dry_run_writes_nothing(world: dict[str, Any], tmp_path: Path) -> None:
    root = tmp_path / "gazetteer"
    shutil.copytree(world["root"], root)
    shutil.rmtree(root / "layers")
    report = import_world(root, world["data"], towns=world["towns"], country_geonames={}, dry_run=True)
    assert not (root / "layers").exists()
    assert "would write world-towns.jsonl: 10 entries" in report.summary()
    assert "ids left out: geonames_admin1 longer than the format allows 1" in report.summary()


def test_a_natural_earth_row_sharing_its_wikidata_id_lends_no_names() -> None:
    """Natural Earth 5.1 gives Altai Krai (RU-ALT) the Altai Republic's Wikidata id and names:
    a row whose Wikidata id another row has too lends its names only when its English name,
    type word and all, resembles the division's ("Altai Republic" and "Altai Krai" share only
    their core)."""
    from types import SimpleNamespace

    from exonym.edit.importers.world import _SHARED_WIKIDATA, Division, _natural_earth

    krai = Division("RU.04", "RU", 1511732, "Altai Krai", "Altai Krai", "", "RU-ALT", "", "", None, "")
    row = {"iso_a2": "RU", "gn_a1_code": "RU.04", "name": "Altay", "name_en": "Altai Republic", "name_alt": "", _SHARED_WIKIDATA: "1"}
    inputs: Any = SimpleNamespace(natural_earth={1511732: row})
    found = _natural_earth(krai, inputs, ["Altai Krai", "Altayskiy Kray"])
    assert found is not None and not found.names_ok
    row[_SHARED_WIKIDATA] = ""  # the same row with an id of its own passes the looser check
    found = _natural_earth(krai, inputs, ["Altai Krai", "Altayskiy Kray"])
    assert found is not None and found.names_ok
