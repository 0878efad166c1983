"""`exonym import world --curated-names`: the curated towns of gazetteer/world/ take libgeonames'
language tags without losing anything an editor wrote."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import yaml

from exonym.cli import main
from exonym.edit.importers.curated_names import tag_curated_towns
from exonym.edit.importers.geonames import INFERRED_NOTE
from exonym.edit.yamlio import dump_entry

ROWS = [
    ("706483", "en", "Kharkiv"),
    ("706483", "fr", "Kharkiv"),
    ("706483", "de", "Charkiw"),
    ("706483", "uk", "Харків"),
    ("706483", "ru", "Kharkov"),  # Latin letters under Russian: the script does not fit
    ("706483", "pl", "Charków"),
    ("706483", "az", "Xarkov"),
    ("706483", "tr", "Harkof"),
    ("706483", "ka", "ხარკოვი"),
    ("706483", "ka", "ქართული"),  # GeoNames' junk: the Georgian adjective "Georgian"
    ("999999", "de", "Nirgendwo"),
]


def _gazetteer(base: Path) -> tuple[Path, Path]:
    root = base / "gazetteer"
    (root / "countries").mkdir(parents=True)
    (root / "world" / "ua").mkdir(parents=True)
    repo = Path(__file__).resolve().parent.parent
    (root / "sources.yaml").write_text((repo / "gazetteer" / "sources.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    country = {"id": "ukraine", "type": "country", "name": "Ukraine", "ids": {"iso3166": "UA"}}
    country["names"] = [
        {"text": "Ukraine", "lang": "en", "kind": "exonym", "sources": ["cldr"]},
        {"text": "ქართული", "lang": "ka", "kind": "adjective", "sources": ["cldr"]},  # (a stand-in for Georgia's)
    ]
    (root / "countries" / "ukraine.yaml").write_text(dump_entry(country), encoding="utf-8")
    town: dict[str, Any] = {"id": "kharkiv", "type": "city", "name": "Kharkiv", "parents": ["ukraine"], "ids": {"geonames": 706483}}
    town["sources"] = ["geonames"]
    town["names"] = [
        {"text": "Kharkiv", "lang": "en", "kind": "exonym", "sources": ["geonames"]},
        {"text": "Charkiw", "lang": "und", "kind": "variant", "sources": ["geonames"]},
        {"text": "Charków", "lang": "und", "kind": "variant", "sources": ["geonames"]},
        {"text": "Xarkov", "lang": "und", "kind": "variant", "sources": ["geonames"], "note": "checked by hand"},
        {"text": "Harkof", "lang": "tr", "kind": "historical", "sources": ["geonames"]},
        {"text": "ხარკოვი", "lang": "ka", "kind": "variant", "sources": ["geonames"], "note": INFERRED_NOTE},
    ]
    (root / "world" / "ua" / "kharkiv.yaml").write_text("# Kharkiv: the city, not the oblast\n" + dump_entry(town), encoding="utf-8")
    data = base / "data"
    data.mkdir()
    lines = ["geonameid\tlocale\tname", *("\t".join(r) for r in ROWS)]
    with gzip.open(data / "geonames-names-by-locale.tsv.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return root, data


def _names(root: Path) -> dict[str, dict[str, Any]]:
    entry = yaml.safe_load((root / "world" / "ua" / "kharkiv.yaml").read_text(encoding="utf-8"))
    return {n["text"]: n for n in entry["names"]}


def test_untagged_variants_take_the_language_and_missing_names_are_added(tmp_path: Path) -> None:
    root, data = _gazetteer(tmp_path)
    report = tag_curated_towns(root, data)
    names = _names(root)
    assert names["Charkiw"]["lang"] == "de" and names["Charkiw"]["kind"] == "exonym"
    assert names["Charkiw"]["sources"] == ["geonames", "libgeonames"]
    assert names["Charków"]["lang"] == "pl"
    assert names["Kharkiv"]["lang"] == ["en", "fr"]
    # Ukrainian is Ukraine's language: the added name is an endonym
    assert names["Харків"] == {"text": "Харків", "lang": "uk", "kind": "endonym", "sources": ["libgeonames"]}
    assert "Kharkov" not in names  # Latin letters are not Russian
    assert (report.tagged, report.widened, report.added) == (2, 1, 1)
    assert report.dropped["script does not fit the language"] == 1
    assert main(["validate", str(root)]) == 0


def test_a_language_inferred_from_the_script_is_confirmed_and_an_adjective_is_no_town_name(tmp_path: Path) -> None:
    root, data = _gazetteer(tmp_path)
    report = tag_curated_towns(root, data)
    names = _names(root)
    # a variant read as Georgian by its letters, which libgeonames gives as Georgian: a name
    assert names["ხარკოვი"] == {"text": "ხარკოვი", "lang": "ka", "kind": "exonym", "sources": ["geonames", "libgeonames"]}
    assert report.confirmed == 1
    assert "ქართული" not in names
    assert report.dropped["an adjective or demonym of a curated entry"] == 1


def test_what_an_editor_wrote_stays(tmp_path: Path) -> None:
    root, data = _gazetteer(tmp_path)
    tag_curated_towns(root, data)
    names = _names(root)
    assert names["Xarkov"]["lang"] == "und" and names["Xarkov"]["note"] == "checked by hand"
    assert names["Harkof"]["kind"] == "historical" and names["Harkof"]["sources"] == ["geonames"]
    assert (root / "world" / "ua" / "kharkiv.yaml").read_text(encoding="utf-8").startswith("# Kharkiv: the city")


def test_a_second_run_changes_nothing_and_dry_run_writes_nothing(tmp_path: Path, capsys: Any) -> None:
    root, data = _gazetteer(tmp_path)
    path = root / "world" / "ua" / "kharkiv.yaml"
    before = path.read_text(encoding="utf-8")
    args = ["import", "world", "--curated-names", "--gazetteer", str(root), "--data", str(data)]
    assert main([*args, "--dry-run"]) == 0
    assert path.read_text(encoding="utf-8") == before
    assert str(path) in capsys.readouterr().out
    assert main(args) == 0
    after = path.read_text(encoding="utf-8")
    assert after != before
    assert main(args) == 0
    assert path.read_text(encoding="utf-8") == after
    assert "edited 0 curated towns" in capsys.readouterr().err
