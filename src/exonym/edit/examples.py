"""Entries' examples as guards: every example sentence must yield its mention, resolved to the
entry that carries it. An edit elsewhere (a new name that steals the mention) then fails with
a message naming both entries, the one whose example broke and the one that took it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from exonym.model import Entry, Example


@dataclass(frozen=True)
class ExampleFailure:
    entry: Entry
    example: Example
    got: Entry | None  # what the mention resolved to; None when it was not found at all
    found: str | None = None  # the span found over the mention, when it is not the mention

    def message(self) -> str:
        where = f"{self.entry.path or self.entry.id}:{self.example.line or 1}:1"
        head = f"{where}: example of `{self.entry.id}` ({self.entry.name}): {self.example.mention!r} in {self.example.text!r}"
        if self.got is None:
            return f"{head} is no longer found as a mention"
        if self.found is not None and self.got.id == self.entry.id:
            return f"{head} is found only as part of {self.found!r}"
        if self.found is not None:
            head += f" is found only as {self.found!r}, which"
        return (
            f"{head} now resolves to `{self.got.id}` ({self.got.name}, {self.got.type}, "
            f"{self.got.path or 'no file'}) instead of `{self.entry.id}`"
        )


def check_example(gaz: Any, entry: Entry, example: Example) -> ExampleFailure | None:
    start = example.text.find(example.mention)
    end = start + len(example.mention)
    for m in gaz.resolve(example.text, include_adjectives=True):
        if (m.start, m.end) == (start, end):
            return None if m.entry.id == entry.id else ExampleFailure(entry, example, m.entry)
        if m.start < end and start < m.end:  # a longer or shorter span over the mention
            return ExampleFailure(entry, example, m.entry, m.text)
    return ExampleFailure(entry, example, None)


def check_examples(gaz: Any, entries: Iterable[Entry] | None = None) -> list[ExampleFailure]:
    """Every failing example of `entries` (default: all entries of `gaz`)."""
    out = []
    for entry in entries if entries is not None else gaz:
        for example in entry.examples:
            failure = check_example(gaz, entry, example)
            if failure is not None:
                out.append(failure)
    return out
