"""The seed articles resolve exactly as their expected-resolution files say."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

SEEDS = Path(__file__).parent.parent / "seeds"
EXPECTED = sorted(SEEDS.glob("*.yaml"))


@pytest.mark.parametrize("expected_file", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_seed_article(gaz, expected_file: Path) -> None:
    spec = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    text = (SEEDS / spec["article"]).read_text(encoding="utf-8")
    got = [(m.text, m.entry.id) for m in gaz.resolve(text)]
    want = [(m["text"], m["entry"]) for m in spec["mentions"]]
    assert got == want
    for m in gaz.resolve(text):
        assert text[m.start : m.end] == m.text


def test_no_minsk_inside_the_minsk_group(gaz) -> None:
    ids = [m.entry.id for m in gaz.resolve("Talks under the OSCE Minsk Group have been ongoing since 1992.")]
    assert ids == ["osce-minsk-group"]
