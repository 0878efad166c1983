"""The glossary over HTTP: display names in a locale and style, names by language, export."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from exonym.api.app import create_app


@pytest.fixture(scope="module")
def client(gaz):
    with TestClient(create_app(gaz)) as c:
        yield c


def test_lookup_with_locale_and_style(client) -> None:
    r = client.get("/lookup", params={"q": "Stepanakert", "locale": "ru", "style": "neutral", "limit": 1})
    assert r.status_code == 200
    shown = r.json()["candidates"][0]["display"]
    assert shown["text"] == "Ханкенди (Степанакерт)" and shown["other"] == "Степанакерт" and shown["fallback"] is False
    plain = client.get("/lookup", params={"q": "Stepanakert", "limit": 1}).json()["candidates"][0]
    assert "display" not in plain


def test_resolve_with_locale_and_style(client) -> None:
    body = {"text": "Shusha, then Shusha again, and Baku.", "locale": "en", "style": "neutral"}
    mentions = client.post("/resolve", json=body).json()["mentions"]
    assert [m["display"]["text"] for m in mentions] == ["Shusha (Shushi)", "Shusha", "Baku"]


def test_entry_in_a_locale_and_year(client) -> None:
    assert client.get("/entries/ganja", params={"locale": "ru", "at": 1980}).json()["display"]["text"] == "Кировабад"
    assert client.get("/entries/ganja", params={"locale": "az-Cyrl-AZ"}).json()["display"]["text"] == "Ҝәнҹә"
    fallback = client.get("/entries/ganja", params={"locale": "tlh"}).json()["display"]
    assert fallback["fallback"] is True and fallback["text"] == "Ganja"


def test_names_grouped_by_language(client) -> None:
    body = client.get("/entries/ganja/names").json()
    assert body["id"] == "ganja"
    assert "Кировабад" in [n["text"] for n in body["languages"]["ru"]]
    assert [n["text"] for n in body["languages"]["az-Cyrl"]] == ["Ҝәнҹә"]
    assert client.get("/entries/atlantis/names").status_code == 404


def test_export_tbx_and_csv(client) -> None:
    r = client.get("/export", params=[("format", "tbx"), ("langs", "ru,en,hy,az"), ("within", "armenia")])
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-tbx+xml")
    root = ET.fromstring(r.content)
    ids = {c.get("id") for c in root.iter("{urn:iso:std:iso:30042:ed-2}conceptEntry")}
    assert {"gyumri", "tavush-province"} <= ids and "baku" not in ids
    r = client.get("/export", params={"format": "csv", "langs": "en,ru", "types": "country"})
    rows = list(csv.DictReader(io.StringIO(r.text, newline="")))
    assert {"id": "armenia", "type": "country", "label": "Armenia", "en": "Armenia", "ru": "Армения"} in rows


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/entries/ganja", {"locale": "1!"}, "locale"),
        ("/entries/ganja", {"locale": "en", "style": "tabloid"}, "style"),
        ("/entries/ganja", {"style": "neutral"}, "style"),
        ("/lookup", {"q": "Baku", "locale": "x-y-z!"}, "locale"),
        ("/export", {"format": "xml", "langs": "en"}, "format"),
        ("/export", {"format": "csv", "langs": "en,1!"}, "langs"),
        ("/export", {"format": "csv", "langs": "en", "within": "atlantis"}, "within"),
        ("/export", {"format": "csv", "langs": "en", "types": "hamlet"}, "types"),
        ("/export", {"format": "csv", "langs": "en", "style": "tabloid"}, "style"),
    ],
)
def test_bad_glossary_parameters_get_4xx_naming_them(client, path, params, parameter) -> None:
    r = client.get(path, params=params)
    assert 400 <= r.status_code < 500
    assert r.json()["parameter"] == parameter


def test_resolve_bad_locale_is_4xx(client) -> None:
    r = client.post("/resolve", json={"text": "Baku", "locale": "!!"})
    assert r.status_code == 422 and r.json()["parameter"] == "locale"


def test_render_the_seed_in_russian_under_the_neutral_style(client) -> None:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "seeds" / "tass-2020-07-16-rudenko-bulbuloglu-border.txt").read_text(encoding="utf-8")
    r = client.post("/render", json={"text": text, "to": "ru", "style": "neutral"})
    assert r.status_code == 200
    body = r.json()
    assert "в направлении" not in body["text"]  # only names change, the English prose stays
    assert "in the direction of Товузский район (known as Тавушская область in Армения)" in body["text"]
    assert "Нагорный Карабах (Арцах)" in body["text"]
    for change in body["changes"]:
        assert body["text"][change["out_start"] : change["out_end"]] == change["replacement"]
        assert text[change["start"] : change["end"]] == change["original"]


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({"text": "Baku", "to": "!!"}, "to"),
        ({"text": "Baku", "to": "ru", "style": "tabloid"}, "style"),
        ({"text": "Baku", "to": "ru", "types": ["hamlet"]}, "types"),
        ({"text": "Baku"}, "to"),
    ],
)
def test_render_bad_bodies(client, body, parameter) -> None:
    r = client.post("/render", json=body)
    assert r.status_code == 422 and r.json()["parameter"] == parameter


def test_render_refuses_unpaired_surrogates(client) -> None:
    r = client.post("/render", content='{"text": "\\ud800 Baku", "to": "ru"}', headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["parameter"] == "text"


def test_a_year_needs_a_locale(client) -> None:
    r = client.get("/entries/khankendi", params={"at": 1950})
    assert r.status_code == 422 and r.json()["parameter"] == "at"
