"""The page at /, the API reference at /docs and GET /styles, through TestClient: each file with
its content type, nothing fetched from elsewhere, and every operation's documented example a
request that works (it is what /docs puts in the "Try it out" form)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

from exonym.api.app import create_app
from exonym.api.assets import PAGE

STYLES = ["neutral", "az-official", "am-official", "un"]


@pytest.fixture(scope="module")
def client(gaz):
    with TestClient(create_app(gaz)) as c:
        yield c


class _Links(HTMLParser):
    """Every address a page loads or links to."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.linked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.loaded.append(found["src"] or "")
        if tag == "link" and found.get("href"):
            self.loaded.append(found["href"] or "")
        if tag == "a" and found.get("href"):
            self.linked.append(found["href"] or "")


def _links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def test_styles(client) -> None:
    r = client.get("/styles")
    assert r.status_code == 200
    styles = r.json()["styles"]
    assert [s["id"] for s in styles] == STYLES
    neutral = styles[0]
    assert neutral["title"] == "Neutral" and "{other}" in neutral["first_mention"] and neutral["description"]
    for s in styles:  # each one is accepted where a style is asked for
        assert client.post("/render", json={"text": "Ханкенди", "to": "en", "style": s["id"]}).status_code == 200


@pytest.mark.parametrize(
    "path, media_type",
    [
        ("/", "text/html; charset=utf-8"),
        ("/static/page.js", "text/javascript; charset=utf-8"),
        ("/static/page.css", "text/css; charset=utf-8"),
        ("/docs", "text/html; charset=utf-8"),
        ("/static/docs.js", "text/javascript; charset=utf-8"),
        ("/docs/files/swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        ("/docs/files/swagger-ui.css", "text/css; charset=utf-8"),
    ],
)
def test_files_with_their_content_types(client, path, media_type) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.content
    assert r.headers["content-type"] == media_type
    assert r.headers["x-content-type-options"] == "nosniff"
    again = client.get(path, headers={"If-None-Match": r.headers["etag"]})  # a browser's second visit
    assert again.status_code == 304 and not again.content


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_pages_load_only_their_own_files(client, path) -> None:
    r = client.get(path)
    policy = r.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "script-src 'self'" in policy
    links = _links(r.text)
    assert links.loaded
    for address in links.loaded:
        if address.startswith("data:"):
            continue
        assert "//" not in address, f"{path} loads {address} from elsewhere"
        served = client.get("/" + address.lstrip("/"))  # relative to /: the pages sit at the root
        assert served.status_code == 200, address
    for address in links.linked:
        assert "//" not in address, f"{path} links to {address}"


def test_page_scripts_ask_only_this_server() -> None:
    """No address in the page's own files names another host: the page works with no network."""
    for name, (content, _, _) in PAGE.files.items():
        text = content.decode("utf-8")
        assert not re.search(r"https?://", text), f"static/{name} names an address elsewhere"
        assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write", text), f"static/{name} writes HTML"


def test_page_has_what_people_need(client) -> None:
    html = client.get("/").text
    for needed in (
        'id="text"',
        'dir="auto"',
        'id="file"',
        'id="lookup-form"',
        'id="style"',
        'id="to"',
        'id="dl-json"',
        'id="dl-csv"',
        'role="dialog"',
    ):
        assert needed in html, needed
    assert '<meta name="viewport"' in html


@pytest.mark.parametrize(
    "path", ["/static/nothing.js", "/static/..%2Fapp.py", "/static/%2e%2e%2fassets.py", "/docs/files/index.html", "/static/"]
)
def test_nothing_else_is_served(client, path) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert set(r.json()) == {"error", "parameter"}


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
