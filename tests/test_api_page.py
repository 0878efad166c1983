"""GET /styles, and every operation's documented example a request that works (it is what /docs
puts in the "Try it out" form)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from exonym.api.app import create_app

STYLES = ["neutral", "az-official", "am-official", "un"]


@pytest.fixture(scope="module")
def client(gaz):
    with TestClient(create_app(gaz)) as c:
        yield c


def test_styles(client) -> None:
    r = client.get("/styles")
    assert r.status_code == 200
    styles = r.json()["styles"]
    assert [s["id"] for s in styles] == STYLES
    neutral = styles[0]
    assert neutral["title"] == "Neutral" and "{other}" in neutral["first_mention"] and neutral["description"]
    for s in styles:  # each one is accepted where a style is asked for
        assert client.post("/render", json={"text": "Ханкенди", "to": "en", "style": s["id"]}).status_code == 200


def _schema(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _example(parameter: dict[str, Any]) -> Any:
    if "examples" in parameter:
        return next(iter(parameter["examples"].values()))["value"]
    return parameter.get("example")


def _operations(client) -> list[tuple[str, str, dict[str, Any]]]:
    spec = client.get("/openapi.json").json()
    return [(path, method, op) for path, methods in spec["paths"].items() for method, op in methods.items()]


def test_every_operation_has_a_working_example(client) -> None:
    """What /docs puts in each "Try it out" form (the parameters' and bodies' first examples) is a
    request that succeeds: the old page's prefilled /render body was refused (`to` missing)."""
    spec = client.get("/openapi.json").json()
    tried = []
    for path, method, op in _operations(client):
        url = path
        query: dict[str, Any] = {}
        for parameter in op.get("parameters", []):
            value = _example(parameter)
            if value is None:
                assert not parameter.get("required"), f"{method.upper()} {path}: give {parameter['name']} an example"
                continue
            if parameter["in"] == "path":
                url = url.replace("{" + parameter["name"] + "}", str(value))
            else:
                query[parameter["name"]] = value
        body = None
        if "requestBody" in op:
            schema = _schema(spec, op["requestBody"]["content"]["application/json"]["schema"])
            assert schema.get("examples"), f"{method.upper()} {path}: give the body model an example"
            body = schema["examples"][0]
        r = client.request(method.upper(), url, params=query, json=body)
        assert r.status_code == 200, (method, path, r.text)
        tried.append(path)
    assert {"/lookup", "/resolve", "/render", "/entries/{entry_id}", "/export", "/styles"} <= set(tried)


def test_render_example_renders(client) -> None:
    spec = client.get("/openapi.json").json()
    example = spec["components"]["schemas"]["RenderIn"]["examples"][0]
    out = client.post("/render", json=example).json()
    assert [c["entry_id"] for c in out["changes"]] == ["khankendi", "baku"]
