"""The command line through its real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parent.parent / "seeds" / "tass-2020-07-16-rudenko-bulbuloglu-border.txt"


VALID = Path(__file__).parent / "data" / "valid"


def run(*args: str, stdin: str | bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "exonym", *args], input=data, capture_output=True, env=env)


def test_resolve_text_and_json() -> None:
    text = run("resolve", str(SEED))
    assert text.returncode == 0 and b"tovuz-district" in text.stdout
    out = run("resolve", str(SEED), "--format", "json")
    body = json.loads(out.stdout)
    seed = SEED.read_text(encoding="utf-8")
    assert body["offsets"] == "code points"
    for m in body["mentions"]:
        assert seed[m["start"] : m["end"]] == m["text"]
        assert {"id", "name", "type", "score", "method", "matched", "ids"} <= set(m)


def test_resolve_stdin_lang_types() -> None:
    out = run("resolve", "-", "--format", "json", "--lang", "ru", "--types", "city", stdin="В Ереване и в Товузском районе.")
    assert [m["id"] for m in json.loads(out.stdout)["mentions"]] == ["yerevan"]


def test_resolve_jsonl_streams_and_reports_bad_lines() -> None:
    lines = '{"id": "a", "text": "Bakıda"}\nnot json\n{"id": "c", "text": "Ереван"}\n'
    out = run("resolve", "--format", "jsonl", stdin=lines)
    records = [json.loads(x) for x in out.stdout.decode().splitlines()]
    assert [r.get("id") for r in records] == ["a", 2, "c"]
    assert "error" in records[1] and records[2]["mentions"][0]["id"] == "yerevan"
    assert out.returncode == 1


def test_lookup_and_show() -> None:
    out = run("lookup", "Stepanakert", "--format", "json")
    assert json.loads(out.stdout)["candidates"][0]["id"] == "khankendi"
    assert b"khankendi" in run("lookup", "Xankendi").stdout
    card = run("show", "khankendi")
    assert card.returncode == 0 and b"Stepanakert" in card.stdout and b"used by" in card.stdout
    assert json.loads(run("show", "ganja", "--format", "json").stdout)["id"] == "ganja"
    # a village of the former oblast: its parents are Azerbaijan's districts, the overlay is said apart
    village = run("show", "askeran").stdout.decode()
    assert "in: Khojaly District" in village and "also within: Nagorno-Karabakh [nagorno-karabakh]" in village
    assert "also within" not in run("show", "lachin").stdout.decode()


def test_errors_are_clean() -> None:
    missing = run("show", "no-such-id")
    assert missing.returncode == 1 and b"no gazetteer entry" in missing.stderr and b"Traceback" not in missing.stderr
    bad_lang = run("lookup", "Baku", "--lang", "zz")
    assert bad_lang.returncode == 1 and b"Traceback" not in bad_lang.stderr
    assert run("lookup").returncode == 2
    assert run("resolve", "/no/such/file").returncode == 1
    bad_bytes = run("resolve", "-", stdin=b"\xff\xfe Baku")
    assert bad_bytes.returncode == 1 and b"UTF-8" in bad_bytes.stderr
    assert run("frobnicate").returncode == 2


def test_show_suggests_close_ids() -> None:
    typo = run("show", "gyumry")
    assert typo.returncode == 1 and b"did you mean gyumri?" in typo.stderr


def test_a_cold_cache_is_announced_once_on_stderr(tmp_path: Path) -> None:
    """The first run builds the index (half a minute on the bundled data): it says so, with an
    estimate and the cache folder; the next run reads the cache and says nothing."""
    env = {**os.environ, "EXONYM_CACHE_DIR": str(tmp_path / "cache")}
    first = run("lookup", "Testville", "--gazetteer", str(VALID), env=env)
    assert first.returncode == 0 and b"testville" in first.stdout
    notices = [line for line in first.stderr.decode().splitlines() if "building the index" in line]
    assert notices == [f"exonym: building the index for 2 entries (about 1 s, once; cached in {tmp_path / 'cache'})"]
    second = run("lookup", "Testville", "--gazetteer", str(VALID), env=env)
    assert second.returncode == 0 and second.stderr == b""


def test_the_library_builds_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "EXONYM_CACHE_DIR": str(tmp_path / "cache")}
    code = f"import exonym; print(len(exonym.load({str(VALID)!r})))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env)
    assert proc.stdout == b"2\n" and proc.stderr == b""


def test_help_tree_and_version() -> None:
    top = run("--help").stdout.decode()
    for command in ("validate", "resolve", "lookup", "show", "serve", "import", "schema"):
        assert command in top
    assert run("--version").stdout.startswith(b"exonym ")
