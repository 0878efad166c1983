"""Every example sentence in the gazetteer yields its mention, resolved to its own entry: the
guard that makes an edit to one entry fail CI when it breaks another entry's resolution."""

from __future__ import annotations

import pytest

import exonym
from exonym.edit.examples import check_example

ENTRIES_WITH_EXAMPLES = sorted(e.id for e in exonym.load() if e.examples)


def test_the_gazetteer_has_examples() -> None:
    assert len(ENTRIES_WITH_EXAMPLES) >= 10


@pytest.mark.parametrize("entry_id", ENTRIES_WITH_EXAMPLES)
def test_examples_resolve_to_their_entry(gaz, entry_id: str) -> None:
    entry = gaz.get(entry_id)
    failures = [f for ex in entry.examples if (f := check_example(gaz, entry, ex)) is not None]
    assert not failures, "\n".join(f.message() for f in failures)
