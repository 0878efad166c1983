"""Generated layers: read under the curated YAML, checked line by line, replaced by curated entries,
turned off on request, and written out as YAML by `exonym promote`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import exonym
from exonym.data.folder import scan

HEADER = {"layer": {"title": "test layer", "generated_by": "hand", "sources": ["geonames"]}}
NORTH = {
    "id": "north-province-tl",
    "type": "first-level-division",
    "name": "North Province",
    "parents": ["testland"],
    "ids": {"geonames_admin1": "TL.01"},
    "sources": ["geonames"],
    "names": [["North Province", ["en"], "exonym", ["geonames"]], ["Северная провинция", ["ru"], "exonym", ["geonames"]]],
}
RIVERTON = {
    "id": "riverton-tl",
    "type": "town",
    "name": "Riverton",
    "parents": ["north-province-tl"],
    "ids": {"geonames": 9000001},
    "coordinates": {"lat": 41.0, "lon": 45.0},
    "population": 23000,
    "sources": ["geonames"],
    "names": [["Riverton", ["en", "de"], "exonym", ["geonames"]], ["Ривертон", ["ru"], "exonym", ["geonames"], {"preferred": True}]],
}


def write_layer(root: Path, *entries: dict[str, object], name: str = "test.jsonl") -> Path:
    path = root / "layers" / name
    path.parent.mkdir(exist_ok=True)
    lines = [HEADER, *entries]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def test_a_layer_loads_under_the_curated_entries(valid_copy: Path) -> None:
    write_layer(valid_copy, NORTH, RIVERTON)
    result = scan(valid_copy)
    assert result.diagnostics == []
    assert {i.entry.id for i in result.loaded} == {"testland", "testville", "north-province-tl", "riverton-tl"}
    gaz = exonym.load(valid_copy)
    riverton = gaz.get("riverton-tl")
    assert riverton.names[0].langs == ("en", "de") and riverton.names[1].preferred
    assert gaz.ancestors("riverton-tl") == ["north-province-tl", "testland"]
    assert [m.entry.id for m in gaz.resolve("Flooding hit Riverton, in the North Province, on Monday.")] == [
        "riverton-tl",
        "north-province-tl",
    ]


def test_curated_entries_replace_layer_entries_by_id_or_geonames_id(valid_copy: Path) -> None:
    same_geonames = dict(RIVERTON, id="riverton-old-tl")
    same_id = dict(NORTH, ids={})
    testville = {**RIVERTON, "id": "testville-tl", "ids": {"geonames": 9000002}}
    (valid_copy / "places" / "testville.yaml").write_text(
        (valid_copy / "places" / "testville.yaml")
        .read_text(encoding="utf-8")
        .replace("population: 120000", "ids: {geonames: 9000002}\npopulation: 120000"),
        encoding="utf-8",
    )
    write_layer(valid_copy, same_id, same_geonames, testville)
    result = scan(valid_copy)
    assert result.diagnostics == []
    ids = {i.entry.id for i in result.loaded}
    assert "testville-tl" not in ids and "testville" in ids  # the curated entry won
    assert result.replaced == 1


def test_an_imported_entry_takes_its_layer_twins_language_tags(valid_copy: Path) -> None:
    (valid_copy / "places" / "portville.yaml").write_text(
        "id: portville\ntype: town\nname: Portville\nparents: [testland]\nids: {geonames: 9000003}\n"
        "sources: [geonames]\nnames:\n"
        "  - {text: Portville, lang: en, kind: exonym, sources: [geonames]}\n"
        "  - {text: Portvil, lang: und, kind: variant, sources: [geonames]}\n",
        encoding="utf-8",
    )
    (valid_copy / "places" / "testville.yaml").write_text(
        (valid_copy / "places" / "testville.yaml")
        .read_text(encoding="utf-8")
        .replace("population: 120000", "ids: {geonames: 9000002}\npopulation: 120000"),
        encoding="utf-8",
    )
    portville = {
        **RIVERTON,
        "id": "portville-tl",
        "ids": {"geonames": 9000003},
        "names": [
            ["Portville", ["de"], "exonym", ["geonames"]],
            ["Portvil", ["fr"], "exonym", ["geonames"]],
            ["Портвиль", ["ru"], "exonym", ["geonames"]],
        ],
    }
    testville = {**RIVERTON, "id": "testville-tl", "ids": {"geonames": 9000002}, "names": [["Тестовиль", ["ru"], "exonym", ["geonames"]]]}
    write_layer(valid_copy, portville, testville)
    result = scan(valid_copy)
    assert result.diagnostics == []
    loaded = {i.entry.id: i.entry for i in result.loaded}
    names = {n.text: n.langs for n in loaded["portville"].names}
    # the untagged variant takes the layer's tag, a tagged name its languages, a missing spelling comes in
    assert names == {"Portville": ("en", "de"), "Portvil": ("fr",), "Портвиль": ("ru",)}
    # an entry edited by hand (a side's name, a period) stays as written
    assert "Тестовиль" not in {n.text for n in loaded["testville"].names}
    assert exonym.load(valid_copy).resolve("Мы приехали в Портвиль.")[0].entry.id == "portville"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (dict(RIVERTON, colour="red"), "E101"),
        (dict(RIVERTON, names=[["Riverton", ["xx-!!"], "exonym", ["geonames"]]]), "E103"),
        (dict(RIVERTON, names=[["River\x9ftown", ["en"], "exonym", ["geonames"]]]), "E116"),
        (dict(RIVERTON, names=[["River\ue04dtown", ["en"], "exonym", ["geonames"]]]), "E116"),
        (dict(RIVERTON, ids={"geonames": "x"}), "E107"),
        (dict(RIVERTON, names=[["Riverton", ["en"], "exonym", ["nobody"]]]), "E105"),
        (dict(RIVERTON, parents=["atlantis"]), "E203"),
    ],
)
def test_each_problem_is_reported_at_its_line(valid_copy: Path, line: dict[str, object], code: str) -> None:
    write_layer(valid_copy, NORTH, line)
    got = [(Path(d.path).name, d.line, d.code) for d in scan(valid_copy).diagnostics]
    assert got == [("test.jsonl", 3, code)]


def test_an_unsorted_layer_and_a_broken_line(valid_copy: Path) -> None:
    path = write_layer(valid_copy, RIVERTON, NORTH)
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    got = sorted((d.line, d.code) for d in scan(valid_copy).diagnostics)
    assert got == [(3, "E117"), (4, "E001")]


def test_layers_can_be_turned_off(valid_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_layer(valid_copy, NORTH, RIVERTON)
    assert "riverton-tl" not in exonym.load(valid_copy, layers=False)
    monkeypatch.setenv("EXONYM_LAYERS", "off")
    assert "riverton-tl" not in exonym.load(valid_copy)
    monkeypatch.setenv("EXONYM_LAYERS", "on")
    assert "riverton-tl" in exonym.load(valid_copy)


def test_promote_writes_yaml_that_replaces_the_line(valid_copy: Path) -> None:
    write_layer(valid_copy, NORTH, RIVERTON)
    run = [sys.executable, "-m", "exonym", "promote", "riverton-tl", "--gazetteer", str(valid_copy)]
    proc = subprocess.run(run, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    path = Path(proc.stdout.strip())
    assert path == valid_copy / "world" / "tl" / "riverton-tl.yaml"
    check = subprocess.run([sys.executable, "-m", "exonym", "validate", str(valid_copy)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    result = scan(valid_copy)
    assert result.replaced == 1
    [item] = [i for i in result.loaded if i.entry.id == "riverton-tl"]
    assert item.path.endswith("riverton-tl.yaml") and item.entry.names[1].text == "Ривертон"
    again = subprocess.run(run, capture_output=True, text=True)
    assert again.returncode == 1 and "curated already" in again.stderr
