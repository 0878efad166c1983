"""The HTTP API through TestClient, every endpoint and error path, plus a real server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from fastapi.testclient import TestClient

from exonym.api.app import create_app


@pytest.fixture(scope="module")
def client(gaz):
    with TestClient(create_app(gaz)) as c:
        yield c


def test_lookup(client) -> None:
    r = client.get("/lookup", params={"q": "Xankendi", "limit": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["candidates"][0]["id"] == "khankendi"
    assert body["candidates"][0]["matched"]["text"]
    assert len(body["candidates"]) <= 3


def test_lookup_type_filter_and_nothing_close(client) -> None:
    r = client.get("/lookup", params=[("q", "Tavush"), ("type", "village")])
    assert [c["id"] for c in r.json()["candidates"]] == ["tavush-village"]
    assert client.get("/lookup", params={"q": "qwxzvbnm"}).json()["candidates"] == []


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"q": ""}, "q"),
        ({"q": "x" * 257}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "Baku", "limit": 0}, "limit"),
        ({"q": "Baku", "limit": 101}, "limit"),
        ({"q": "Baku", "limit": "many"}, "limit"),
        ({"q": "Baku", "lang": "klingon-xx"}, "lang"),
        ({"q": "Baku", "type": "planet"}, "type"),
        ({}, "q"),
    ],
)
def test_lookup_bad_parameters_get_4xx_naming_them(client, params, parameter) -> None:
    r = client.get("/lookup", params=params)
    assert 400 <= r.status_code < 500
    assert r.json()["parameter"] == parameter and r.json()["error"]


def test_resolve(client) -> None:
    text = "MOSCOW, July 16. /TASS/. Talks in Bakı and Ереване."
    r = client.post("/resolve", json={"text": text})
    assert r.status_code == 200
    body = r.json()
    assert body["offsets"] == "code points"
    got = [(m["text"], m["id"]) for m in body["mentions"]]
    assert got == [("MOSCOW", "moscow"), ("TASS", "tass"), ("Bakı", "baku"), ("Ереване", "yerevan")]
    for m in body["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_resolve_types_and_odd_text(client) -> None:
    r = client.post("/resolve", json={"text": "TASS reported from Baku.", "types": ["organization"]})
    assert [m["id"] for m in r.json()["mentions"]] == ["tass"]
    for text in ["", "\x00\x01\x02", "\ud7ff𝔘\u0301", "Baku\u200b\u202eYerevan"]:
        assert client.post("/resolve", json={"text": text}).status_code == 200


@pytest.mark.parametrize(
    "body, status, parameter",
    [
        ({"text": "Baku", "lang": "??"}, 422, "lang"),
        ({"text": "Baku", "types": ["planet"]}, 422, "types"),
        ({"text": 5}, 422, "text"),
        ({}, 422, "text"),
        ({"text": "Baku", "colour": "red"}, 422, "colour"),
        ({"text": "x" * (1024 * 1024 + 1)}, 413, "text"),
    ],
)
def test_resolve_bad_bodies(client, body, status, parameter) -> None:
    r = client.post("/resolve", json=body)
    assert r.status_code == status
    assert r.json()["parameter"] == parameter


def test_invalid_utf8_and_bad_json_are_4xx(client) -> None:
    r = client.post("/resolve", content=b'{"text": "\xff\xfe"}', headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and "error" in r.json()
    r = client.post("/resolve", content=b"{not json", headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500


def test_entries(client) -> None:
    r = client.get("/entries/khankendi")
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "Khankendi" and any(n["text"] == "Stepanakert" for n in body["names"])
    assert client.get("/entries/no-such-id").status_code == 404
    page = client.get("/entries", params={"type": "district", "parent": "azerbaijan", "limit": 5}).json()
    assert page["total"] >= 60 and len(page["items"]) == 5
    assert all(i["type"] == "district" for i in page["items"])
    found = client.get("/entries", params={"q": "Ханкенди"}).json()
    assert "khankendi" in [i["id"] for i in found["items"]]
    assert client.get("/entries", params={"type": "planet"}).status_code == 422
    assert client.get("/entries", params={"parent": "atlantis"}).status_code == 404
    assert client.get("/entries", params={"offset": -1}).status_code == 422


def test_entries_within_reaches_through_every_level_of_parents(client) -> None:
    """Gyumri's parent is Shirak Province, not Armenia: `within` must climb the whole chain."""
    page = client.get("/entries", params={"within": "armenia", "type": "city", "limit": 100}).json()
    ids = [i["id"] for i in page["items"]]
    assert "yerevan" in ids and "gyumri" in ids
    assert "armenia" not in client.get("/entries/gyumri").json()["parents"]
    assert "ganja" not in ids


def _all_ids(client, **params: str) -> set[str]:
    ids: set[str] = set()
    while True:
        page = client.get("/entries", params={**params, "offset": len(ids), "limit": 100}).json()
        ids |= {i["id"] for i in page["items"]}
        if len(ids) >= page["total"]:
            return ids


def test_entries_within_a_disputed_territory_follow_its_covers(client) -> None:
    """Nagorno-Karabakh is nobody's parent: its towns and villages are found through the units it covers."""
    ids = _all_ids(client, within="nagorno-karabakh")
    assert {"nagorno-karabakh", "khankendi", "khojaly-district", "askeran", "hadrut", "shusha-district"} <= ids
    assert client.get("/entries/khankendi").json()["parents"] == ["azerbaijan"]
    lachin = _all_ids(client, parent="lachin-district")
    assert lachin and not lachin & ids  # the Lachin corridor lies outside the former oblast
    assert "baku" not in ids and "lachin-district" not in ids
    assert "khankendi" in client.get("/entries/nagorno-karabakh").json()["covers"]


def test_unknown_ids_get_404_with_close_ids(client) -> None:
    for path, params, parameter in (
        ("/entries/gyumry", {}, "id"),
        ("/entries", {"within": "armenai"}, "within"),
        ("/entries", {"parent": "armenai"}, "parent"),
    ):
        r = client.get(path, params=params)
        assert r.status_code == 404 and r.json()["parameter"] == parameter
        assert r.json()["did_you_mean"][0] in ("gyumri", "armenia")
    assert "did_you_mean" not in client.get("/entries/qwxzvbnm").json()


def test_health_version_docs(client) -> None:
    assert client.get("/health").json()["status"] == "ok"
    v = client.get("/version").json()
    assert v["entries"] >= 600 and len(v["gazetteer_hash"]) == 32
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text and "cdn" not in docs.text.lower()
    spec = client.get("/openapi.json").json()
    assert {"/lookup", "/resolve", "/entries", "/entries/{entry_id}", "/health", "/version"} <= set(spec["paths"])


def test_cors_is_off_by_default(client) -> None:
    r = client.get("/health", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in r.headers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_real_server_over_http() -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "exonym", "serve", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start: " + proc.stderr.read1().decode())
        body = json.loads(urllib.request.urlopen(base + "/lookup?q=Gyumri", timeout=5).read())
        assert body["candidates"][0]["id"] == "gyumri"
        req = urllib.request.Request(
            base + "/resolve", data=json.dumps({"text": "Xankəndidə"}).encode(), headers={"content-type": "application/json"}
        )
        assert [m["id"] for m in json.loads(urllib.request.urlopen(req, timeout=5).read())["mentions"]] == ["khankendi"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
