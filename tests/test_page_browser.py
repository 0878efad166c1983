"""The page at / in a real browser: Debian's Chromium (/usr/bin/chromium), driven by Playwright
for Python, against a real server (`exonym serve` with the bundled gazetteer) that the test
starts on a free port. Playwright's own browser download is never used (it cannot work here):
the test skips only when /usr/bin/chromium is missing, and .ci/run installs it, so in CI it runs.

Every request the page makes to another host is refused and recorded, and each test fails if
there was one, or if the page raised an error: the page must work with no network. The page's
Content-Security-Policy forbids eval, so the test waits with locators, never wait_for_function.

EXONYM_SCREENSHOT names where the screenshot of the seed article goes
(default tests/benchmarks/out/page.png, ignored by git)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium: install Debian's chromium (apt-get install -y chromium), as .ci/run does"
)

from playwright.sync_api import Browser, Page, Route, expect, sync_playwright  # noqa: E402  (after the skip: the reason comes first)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tass-2020-07-16-rudenko-bulbuloglu-border.txt"
SCREENSHOT = Path(os.environ.get("EXONYM_SCREENSHOT") or ROOT / "tests" / "benchmarks" / "out" / "page.png")
# What this machine's Chromium needs: no sandbox as root, and nothing of its own on the network
# (its background services would try hosts that this closed network refuses).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

RUSSIAN = (
    "В Баку прошли переговоры министров иностранных дел. Делегация из Еревана обсудила положение "
    "в Нагорном Карабахе и обстрелы в Товузском районе."
)
ARMENIAN = "Բաքվում և Երևանում քննարկել են Լեռնային Ղարաբաղի հարցը։ Տավուշի մարզում և Տովուզի շրջանում լարվածությունը պահպանվում է։"
# Mentions that any resolver worth the name finds in the two paragraphs, inflected as written.
SURE = [
    ("baku", "Баку"),
    ("yerevan", "Еревана"),
    ("nagorno-karabakh", "Нагорном Карабахе"),
    ("tovuz-district", "Товузском районе"),
    ("baku", "Բաքվում"),
    ("yerevan", "Երևանում"),
    ("nagorno-karabakh", "Լեռնային Ղարաբաղի"),
]
PERSIAN = "مذاکرات در باکو و ایروان برگزار شد."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "EXONYM_GAZETTEER"}  # the bundled gazetteer
    proc = subprocess.Popen(
        [sys.executable, "-m", "exonym", "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a first run builds the gazetteer's cache
        while True:
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    pytest.fail("the server did not start: " + proc.stderr.read().decode() if proc.stderr else "")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield chromium
        chromium.close()


def _post(base: str, path: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    return json.loads(urllib.request.urlopen(request, timeout=30).read())


def _problem(kind: str, text: str) -> bool:
    """A console error, except Chromium's note of a 4xx answer, which the page shows in words."""
    return kind == "error" and not text.startswith("Failed to load resource: the server responded with a status of 4")


def _open(browser: Browser, base: str, path: str = "/", **context: Any) -> Iterator[Page]:
    ctx = browser.new_context(accept_downloads=True, **context)
    elsewhere: list[str] = []
    problems: list[str] = []

    def only_this_server(route: Route) -> None:
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    ctx.route("**/*", only_this_server)
    page = ctx.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}") if _problem(message.type, message.text) else None)
    page.goto(base + path)
    if path == "/":
        page.wait_for_selector("body[data-ready]")
        page.locator("#style option[value='neutral']").wait_for(state="attached")  # /styles answered
    yield page
    ctx.close()
    assert not elsewhere, f"the page asked other hosts: {elsewhere}"
    assert not problems, problems


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    yield from _open(browser, server, viewport={"width": 1280, "height": 900})


def _find(page: Page, text: str) -> list[tuple[str, str]]:
    """Paste `text`, find its places, and the marks as (data-entry, text)."""
    page.fill("#text", text)
    page.click("#find")
    expect(page.locator("#summary")).to_have_text(re.compile(r"mention|^No "))
    return page.eval_on_selector_all("#article mark[data-entry]", "marks => marks.map(m => [m.dataset.entry, m.textContent])")


def _as_pairs(marks: list[tuple[str, str]] | list[list[str]]) -> list[tuple[str, str]]:
    return [(entry, text) for entry, text in marks]


def test_marks_are_the_mentions(page: Page, server: str) -> None:
    text = RUSSIAN + "\n\n" + ARMENIAN
    marks = _as_pairs(_find(page, text))
    answer = _post(server, "/resolve", {"text": text, "include_adjectives": False})
    assert marks == [(m["id"], m["text"]) for m in answer["mentions"]]  # each mark is a mention, its exact text
    for sure in SURE:
        assert sure in marks
    assert page.locator("#legend").inner_text().count("(") >= 2  # a count for each colour shown
    # Two paragraphs (and the empty line between them): one <p> per line.
    assert page.locator("#article p").count() == 3


def test_offsets_after_astral_characters(page: Page, server: str) -> None:
    """The API counts code points and JavaScript UTF-16 units: an emoji before a name is two units."""
    text = "🇦🇿🙂 Переговоры в Баку 👍🏽, 𝔘 затем в Ереване.\n🎉 Բաքվում"
    marks = _as_pairs(_find(page, text))
    assert marks == [("baku", "Баку"), ("yerevan", "Ереване"), ("baku", "Բաքվում")]


def test_card(page: Page, server: str) -> None:
    _find(page, RUSSIAN)
    page.click("#article mark[data-entry='baku']")
    card = page.locator("#card")
    card.locator("#card-title").wait_for()
    assert card.is_visible()
    assert card.locator("#card-title").inner_text() == "Baku"
    assert card.locator("dt[data-lang='ru']").count() == 1
    assert "Баку" in card.locator("dd[data-lang='ru']").all_inner_texts()[0]
    assert any("Bakı" in t for t in card.locator("dd[data-lang='az']").all_inner_texts())
    assert any("Բաքու" in t for t in card.locator("dd[data-lang='hy']").all_inner_texts())
    entry = json.loads(urllib.request.urlopen(server + "/entries/baku", timeout=10).read())
    sources = card.locator(".sources").inner_text()
    assert all(s in sources for s in entry["sources"]) and entry["sources"]
    assert "° N" in card.locator(".coords").inner_text() and "° E" in card.locator(".coords").inner_text()
    why = card.locator(".why").inner_text()
    mention = _post(server, "/resolve", {"text": RUSSIAN})["mentions"][0]
    assert mention["explanation"] in why and "Runner-up candidates" in why
    # A parent opens its own card.
    card.locator("p button[data-entry='azerbaijan']").click()
    expect(card.locator("#card-title")).to_have_text("Azerbaijan")
    page.keyboard.press("Escape")
    assert card.is_hidden()


def test_keyboard(page: Page, server: str) -> None:
    marks = _find(page, RUSSIAN + "\n" + ARMENIAN)
    page.focus("#lang")  # the last control before the text's marks
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.dataset.entry, document.activeElement.textContent]")
    assert focused == ["MARK", *marks[0]]
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    expect(page.locator("#card-title")).to_have_text("Baku")
    assert page.evaluate("document.activeElement.id") == "card"  # focus moves into the card
    page.keyboard.press("Escape")
    assert page.locator("#card").is_hidden()
    assert page.evaluate("document.activeElement.dataset.entry") == marks[0][0]  # and back to the mark
    page.keyboard.press("Tab")
    page.keyboard.press(" ")  # Space opens a card as well
    expect(page.locator("#card-title")).to_have_text("Yerevan")
    page.keyboard.press("Escape")


def test_render_marks_the_changes(page: Page, server: str) -> None:
    text = RUSSIAN + "\n" + ARMENIAN
    page.fill("#text", text)
    page.fill("#to", "az")
    page.select_option("#style", "az-official")
    page.click("#render")
    page.locator("#rendered").wait_for()
    expected = _post(server, "/render", {"text": text, "to": "az", "style": "az-official"})
    assert page.locator("#render-out").inner_text().replace("\n", "") == expected["text"].replace("\n", "")
    shown = [c for c in expected["changes"] if c["status"] != "same"]
    out = page.eval_on_selector_all("#render-out mark", "ms => ms.map(m => [m.dataset.entry, m.dataset.status, m.textContent])")
    assert out == [[c["entry_id"], c["status"], c["replacement"]] for c in shown]
    before = page.eval_on_selector_all("#render-in mark", "ms => ms.map(m => m.textContent)")
    assert before == [c["original"] for c in shown]
    assert ["baku", "replaced", "Bakı"] in out and any(status == "review" for _, status, _ in out)
    assert "Azerbaijani" in page.locator("#render-out-title").inner_text()
    page.click("#render-out mark[data-entry='baku']")  # a change opens its card too, with the change
    expect(page.locator("#card-title")).to_have_text("Baku")
    assert "Bakı" in page.locator("#card .why").inner_text()


def test_right_to_left_paragraph(page: Page, server: str) -> None:
    marks = _as_pairs(_find(page, "Talks in Baku.\n" + PERSIAN))
    assert ("baku", "باکو") in marks
    directions = page.eval_on_selector_all("#article p", "ps => ps.map(p => getComputedStyle(p).direction)")
    assert directions == ["ltr", "rtl"]
    page.fill("#text", PERSIAN + "\nTalks in Baku.")  # the text box too: dir=auto, by its first strong letter
    assert page.evaluate("getComputedStyle(document.getElementById('text')).direction") == "rtl"


def test_lookup(page: Page, server: str) -> None:
    page.fill("#q", "Ханкенди")
    page.press("#q", "Enter")
    page.locator("#lookup-results button[data-entry='khankendi']").click()
    expect(page.locator("#card-title")).to_have_text("Khankendi")
    names = page.locator("#card .names-section").inner_text()
    assert "Stepanakert" in names and "used by" in names  # who uses which name


def test_downloads(page: Page, server: str) -> None:
    text = RUSSIAN + "\n=SUM(A1)"
    _find(page, text)
    answer = _post(server, "/resolve", {"text": text, "include_adjectives": False})
    with page.expect_download() as got:
        page.click("#dl-json")
    assert json.loads(Path(got.value.path()).read_text(encoding="utf-8")) == answer
    with page.expect_download() as got:
        page.click("#dl-csv")
    assert got.value.suggested_filename == "exonym-mentions.csv"
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8-sig"))))
    assert [(r["id"], r["text"], int(r["start"]), int(r["end"])) for r in rows] == [
        (m["id"], m["text"], m["start"], m["end"]) for m in answer["mentions"]
    ]


def test_file_and_errors_in_plain_words(page: Page, server: str) -> None:
    page.set_input_files("#file", files=[{"name": "article.txt", "mimeType": "text/plain", "buffer": RUSSIAN.encode()}])
    page.locator("#article mark").first.wait_for()
    assert page.input_value("#text") == RUSSIAN
    # A file dropped on the text box.
    page.evaluate(
        """text => { const data = new DataTransfer(); data.items.add(new File([text], 'a.txt', {type: 'text/plain'}));
        document.getElementById('input').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true})); }""",
        ARMENIAN,
    )
    expect(page.locator("#article mark").first).to_have_text("Բաքվում")
    # The API's 422 {error, parameter} becomes a sentence naming what to fix.
    page.fill("#lang", "klingon-xx")
    page.click("#find")
    alert = page.locator("#alert")
    alert.wait_for()
    assert "language of the text was not accepted" in alert.inner_text()


def test_phone(browser: Browser, server: str) -> None:
    for phone in _open(browser, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True):
        _find(phone, RUSSIAN + "\n" + ARMENIAN)
        phone.locator("#article mark").first.tap()
        phone.locator("#card-title").wait_for()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the screen
        box = phone.locator("#card").bounding_box()
        assert box is not None and box["width"] <= 390 and box["y"] > 0  # a sheet from the bottom


def test_docs_try_it_out(browser: Browser, server: str) -> None:
    """/docs offline: /render's prefilled body succeeds, /export's CSV is shown as text."""
    for docs in _open(browser, server, "/docs", viewport={"width": 1280, "height": 900}):
        for operation, shown in [("render_text_render_post", '"changes"'), ("export_glossary_export_get", "id,type,label,en,ru,hy,az")]:
            block = docs.locator(f"#operations-default-{operation}")
            block.locator(".opblock-summary").click()
            block.locator(".execute").click()
            status = block.locator(".live-responses-table tbody .response-col_status")
            status.wait_for(timeout=30_000)
            assert status.inner_text().strip() == "200"
            assert shown in block.locator(".live-responses-table tbody .response-col_description").inner_text()


def test_screenshot_of_the_seed_article(page: Page, server: str) -> None:
    marks = _find(page, SEED.read_text(encoding="utf-8"))
    assert ("tovuz-district", "Tovuz") in _as_pairs(marks)
    page.locator("#article mark[data-entry='tovuz-district']").first.click()
    page.locator("#card-title").wait_for()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    # A window as tall as the page, so that the whole article and the card beside it are seen.
    page.set_viewport_size({"width": 1280, "height": page.evaluate("document.documentElement.scrollHeight")})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
