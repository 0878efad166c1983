"""Progress of long work: what the library reports (resolve, export) and the line the CLI draws
from it (share, rate, time left), on a clock the test moves."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import exonym
from exonym.cli import progress as progress_module
from exonym.cli.progress import Progress
from exonym.glossary.export import export, select
from exonym.progress import counted
from exonym.resolver.budget import STAGES, Budget, fraction_done

SEED = Path(__file__).parent.parent / "seeds" / "tass-2020-07-16-rudenko-bulbuloglu-border.txt"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", c)
    return c


def test_the_line_gives_share_rate_and_time_left(clock: Clock) -> None:
    out = io.StringIO()  # not a terminal: one line every LOG_EVERY seconds
    p = Progress("import world", enabled=True, total=1000, unit="towns", stream=out)
    clock.now += 1
    p.update(100)  # within LOG_EVERY of the start: not drawn
    clock.now += progress_module.LOG_EVERY
    p.update(250)
    assert out.getvalue().splitlines() == ["import world: 250 towns of 1,000 towns (25%), 42 towns/s, about 18 s left"]
    p.finish("import world: 1,000 towns")
    assert out.getvalue().splitlines()[-1] == "import world: 1,000 towns in 6 s"


def test_a_new_stage_is_shown_at_once_and_counts_from_its_own_start(clock: Clock) -> None:
    out = io.StringIO()
    p = Progress("import world", enabled=True, stream=out)
    p("reading the sources", 0, 0)
    clock.now += 10
    p("towns", 0, 400)  # a new stage, past the first half second: drawn though the last line was recent
    clock.now += progress_module.LOG_EVERY
    p("towns", 100, 400)
    lines = out.getvalue().splitlines()
    assert lines[0] == "import world: towns, 0 of 400 (0%)"
    assert lines[1] == "import world: towns, 100 of 400 (25%), 20/s, about 15 s left of towns"
    assert p.totals == {"reading the sources": 0, "towns": 400}


def test_a_terminal_line_is_redrawn_in_place(clock: Clock) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    p = Progress("resolving", enabled=True, total=10, stream=out)
    for done in range(1, 11):
        clock.now += 0.3
        p.update(done)
    p.finish("resolving: 10")
    assert "\n" not in out.getvalue()[:-1] and out.getvalue().count("\r") >= 5 and out.getvalue().endswith("resolving: 10 in 3 s\n")


def test_a_disabled_line_writes_nothing(clock: Clock) -> None:
    out = io.StringIO()
    p = Progress("export", enabled=False, total=5, stream=out)
    clock.now += 60
    p.update(5)
    p.finish("export: 5 entries")
    assert out.getvalue() == ""


def test_counted_reports_every_n_items_and_the_end() -> None:
    heard: list[tuple[str, int, int]] = []
    assert list(counted(range(7), "rows", lambda *c: heard.append(c), every=3)) == list(range(7))
    assert heard == [("rows", 0, 7), ("rows", 3, 7), ("rows", 6, 7), ("rows", 7, 7)]


def test_resolve_reports_each_stage_in_order_through_the_text(gaz: exonym.Gazetteer) -> None:
    text = "\n\n".join([SEED.read_text(encoding="utf-8")] * 40)  # 15,000 words: several reports a stage
    heard: list[tuple[str, int, int]] = []
    plain = gaz.resolve(text)
    reported = gaz.resolve(text, budget=Budget(on_progress=lambda *c: heard.append(c)))
    assert [(m.start, m.entry.id) for m in reported] == [(m.start, m.entry.id) for m in plain]  # reporting changes nothing
    stages = list(dict.fromkeys(stage for stage, _, _ in heard))
    assert stages == list(STAGES)
    shares = [fraction_done(*call) for call in heard]
    assert shares == sorted(shares) and shares[0] > 0 and shares[-1] < 1
    assert all(0 <= position <= length == len(text) for _, position, length in heard)


def test_export_reports_every_selected_entry(gaz: exonym.Gazetteer) -> None:
    heard: list[tuple[str, int, int]] = []
    export(gaz, "tbx", langs="en,hy", within=["armenia"], on_progress=lambda *c: heard.append(c))
    entries = [c for c in heard if c[0] == "entries"]
    assert entries[-1][1] == entries[-1][2] == len(select(gaz, within=["armenia"]))
    assert heard[-1] == ("writing XML", 0, 0)


def test_cli_progress_on_request_ends_with_a_summary(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "exonym", "resolve", str(SEED), "--progress"], capture_output=True, check=True, timeout=300
    ).stderr.decode()
    assert f"resolving: {len(SEED.read_text(encoding='utf-8')):,} characters," in out and " mentions in " in out
    target = tmp_path / "g.csv"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "exonym",
            "export",
            "--format",
            "csv",
            "--langs",
            "en",
            "--within",
            "armenia",
            "-o",
            str(target),
            "--progress",
        ],
        capture_output=True,
        check=True,
        timeout=300,
    ).stderr.decode()
    rows = len(target.read_text(encoding="utf-8").splitlines()) - 1
    assert f"export csv: {rows:,} entries, " in out
