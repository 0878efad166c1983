"""`exonym import wof --municipalities` on a small gazetteer and a hand-written WOF extract: one
entry per Georgian municipality record, under its region; a city record carrying a municipality's
names and Wikidata id, and a record naming no municipality, are left out; the town's bare names
stay the town's; a second run changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from exonym.data.folder import scan
from exonym.edit.importers import wof
from exonym.edit.importers.wof_municipalities import import_municipalities
from import_util import wof_record, write_gazetteer_and_source

SOURCES = """\
whosonfirst:
  title: Who's On First
editor:
  title: A test source
"""

ENTRIES = {
    "countries/georgia.yaml": """\
id: georgia
type: country
name: Georgia
ids:
  iso3166: GE
names:
  - {text: Georgia, lang: en, kind: exonym, sources: [editor]}
""",
    "ge/kakheti.yaml": """\
id: kakheti
type: first-level-division
name: Kakheti
parents: [georgia]
names:
  - {text: Kakheti, lang: en, kind: exonym, sources: [editor]}
  - {text: კახეთი, lang: ka, kind: official, sources: [editor]}
""",
    "ge/places/gurjaani.yaml": """\
id: gurjaani
type: town
name: Gurjaani
parents: [kakheti]
names:
  - {text: Gurjaani, lang: en, kind: exonym, sources: [editor]}
  - {text: გურჯაანი, lang: ka, kind: official, sources: [editor]}
""",
}


def _record(wof_id: int, placetype: str, name: str, names: dict[str, list[str]], **extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"lat": 41.74, "lon": 45.8, "hierarchy": [{"region_id": 100}], **extra}
    return wof_record(wof_id, "GE", placetype, name, names, **fields)


GURJAANI = {
    "kat_x_preferred": ["გურჯაანის მუნიციპალიტეტი"],
    "eng_x_preferred": ["Gurjaani"],  # the town's name: not the municipality's
    "eng_x_variant": ["Gurjaani Municipality"],
    "rus_x_preferred": ["Гурджаанский муниципалитет"],
    "nld_x_preferred": ["Goerdzjaani"],  # the town's name in Dutch spelling: one word, not taken
    "ceb_x_preferred": ["Gurjaanis Munitsip'alit'et'i"],  # a bot's
}
RECORDS = [
    _record(100, "region", "Kakheti", {"eng_x_preferred": ["Kakheti"], "kat_x_preferred": ["კახეთი"]}, hierarchy=[{}]),
    _record(200, "county", "Gurjaani", GURJAANI, wd_id="Q1560942"),
    # a city's record with the municipality's names and Wikidata id: not a second municipality
    _record(201, "county", "Poti City", GURJAANI, wd_id="Q1560942"),
    # a self-governing city's record: its Georgian name names no municipality
    _record(202, "county", "Kutaisi", {"kat_x_preferred": ["ქუთაისი"], "eng_x_preferred": ["Kutaisi"]}, wd_id="Q9"),
]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    return write_gazetteer_and_source(tmp_path, SOURCES, ENTRIES, RECORDS)


def test_one_entry_per_municipality_under_its_region(setup: tuple[Path, Path]) -> None:
    root, source = setup
    written = import_municipalities(root, source)
    assert [p.name for p in written] == ["gurjaani-municipality.yaml"]
    data = yaml.safe_load((root / "ge/municipalities/gurjaani-municipality.yaml").read_text(encoding="utf-8"))
    assert (data["type"], data["name"], data["parents"]) == ("district", "Gurjaani Municipality", ["kakheti"])
    assert data["ids"] == {"wikidata": "Q1560942", "wof": 200}
    texts = {n["text"] for n in data["names"]}
    assert {"Gurjaani Municipality", "გურჯაანის მუნიციპალიტეტი", "Гурджаанский муниципалитет"} <= texts
    assert not texts & {"Gurjaani", "Goerdzjaani", "Gurjaanis Munitsip'alit'et'i"}
    assert not scan(root).errors


def test_running_it_again_changes_nothing(setup: tuple[Path, Path]) -> None:
    root, source = setup
    import_municipalities(root, source)
    wof.import_wof(root, source, countries=["GE"])  # names for the entries it matches, by the same rule
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    assert import_municipalities(root, source) == []
    again = wof.import_wof(root, source, countries=["GE"])
    assert (again.edited, again.written, again.names_added) == ([], [], 0)
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before


def test_the_names_import_adds_no_bare_town_name_to_a_municipality(setup: tuple[Path, Path]) -> None:
    root, source = setup
    import_municipalities(root, source)
    assert wof.import_wof(root, source, countries=["GE"]).written == []
    data = yaml.safe_load((root / "ge/municipalities/gurjaani-municipality.yaml").read_text(encoding="utf-8"))
    assert not {n["text"] for n in data["names"]} & {"Gurjaani", "Goerdzjaani"}
