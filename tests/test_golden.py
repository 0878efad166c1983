"""Golden sentences in many languages: every expected mention, nothing else."""

from __future__ import annotations

import pytest

from golden_cases import got_mentions, load_cases

CASES = load_cases()

# Known gaps, each a mechanism not built yet (see the resolver issue's closing note). They run,
# and a case that starts passing fails as XPASS so that this list shrinks.
KNOWN_GAPS: dict[str, str] = {}  # the German adjective + noun cases closed with organization phrases (issue 11)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_GAPS[c.id], strict=True)) if c.id in KNOWN_GAPS else c for c in CASES],
    ids=[c.id for c in CASES],
)
def test_golden(gaz, case) -> None:
    assert got_mentions(gaz, case) == case.mentions


def test_golden_set_is_broad() -> None:
    assert len({c.file for c in CASES}) >= 10
    mechanisms = {c.mechanism for c in CASES}
    assert {"folding", "transliteration", "inflection", "fuzzy", "precision", "disambiguation", "glossary"} <= mechanisms
    assert any(not c.mentions for c in CASES), "negative cases are needed too"
