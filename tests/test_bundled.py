"""The bundled gazetteer validates and holds what the project promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import exonym
from exonym.data.folder import bundled_path, entry_files, scan
from exonym.data.schema import entry_schema_json

ROOT = Path(__file__).parent.parent


def test_bundled_gazetteer_validates() -> None:
    result = scan(bundled_path())
    assert [d.format() for d in result.errors] == []


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "gazetteer" / "schema" / "entry.schema.json").read_text(encoding="utf-8")
    assert committed == entry_schema_json(), "run: exonym schema --write"


def test_schema_accepts_every_real_file() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(entry_schema_json())
    validator = jsonschema.Draft202012Validator(schema)
    for path in entry_files(bundled_path())[::7]:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        data = _typed(data)
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors}"


def _typed(value):  # BaseLoader keeps strings; give numbers and booleans back their types
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in ("population", "geonames", "wof", "from", "to"):
                out[k] = int(v)
            elif k in ("lat", "lon"):
                out[k] = float(v)
            elif k == "preferred":
                out[k] = v == "true"
            else:
                out[k] = _typed(v)
        return out
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value


def test_size_and_coverage(gaz: exonym.Gazetteer) -> None:
    stats = gaz.stats()
    assert stats["entries"] >= 600
    types = {e.type for e in gaz}
    assert {
        "country",
        "city",
        "district",
        "first-level-division",
        "historical-unit",
        "organization",
        "disputed-territory",
        "village",
    } <= types


@pytest.mark.parametrize(
    "entry_id, lang, text",
    [
        ("khankendi", "az", "Xankəndi"),
        ("khankendi", "hy", "Ստեփանակերտ"),
        ("nagorno-karabakh", "hy", "Արցախ"),
        ("lachin", "hy", "Բերձոր"),
        ("shusha", "hy", "Շուշի"),
        ("ganja", "en", "Kirovabad"),
        ("gyumri", "en", "Leninakan"),
    ],
)
def test_disputed_and_historical_names_are_recorded(gaz: exonym.Gazetteer, entry_id: str, lang: str, text: str) -> None:
    names = [n for n in gaz.get(entry_id).names if n.text == text]
    assert names, f"{entry_id} lacks {text}"
    assert any(lang in n.langs or n.kind == "historical" for n in names)


def test_disputed_names_say_who_uses_them(gaz: exonym.Gazetteer) -> None:
    stepanakert = [n for n in gaz.get("khankendi").names if n.text == "Stepanakert"]
    assert stepanakert and any(n.used_by for n in stepanakert)
    assert gaz.get("khankendi").name == "Khankendi"


def test_kirovabad_period(gaz: exonym.Gazetteer) -> None:
    [k] = [n for n in gaz.get("ganja").names if n.text == "Kirovabad" and n.period]
    assert (k.period.start, k.period.end) == (1935, 1989)


def test_tovuz_and_tavush_are_separate_entries(gaz: exonym.Gazetteer) -> None:
    assert gaz.get("tovuz-district").parents == ("azerbaijan",)
    assert gaz.get("tavush-province").parents == ("armenia",)
    assert "tavush-province" in gaz.ancestors("tavush-village")
    assert gaz.get("tovuz-district").ids["iso3166"] == "AZ-TOV"


def test_every_entry_file_is_named_after_its_id() -> None:
    for path in entry_files(bundled_path()):
        assert f"\nid: {path.stem}\n" in "\n" + path.read_text(encoding="utf-8")


def test_no_bundled_name_carries_markup(gaz: exonym.Gazetteer) -> None:
    assert not [(e.id, n.text) for e in gaz for n in e.names if "<" in n.text or ">" in n.text]
