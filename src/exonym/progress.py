"""How long work tells its caller how far it has come: a callback `(stage, done, total)`. The
resolver reports positions in its text (see exonym.resolver.budget); an export or an import counts
the entries or records of each stage, and a stage with nothing to count reports (stage, 0, 0).
Only the caller decides what to show; the library never prints."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

OnProgress = Callable[[str, int, int], None]
EVERY = 250  # items between two reports: often enough for a line redrawn twice a second

T = TypeVar("T")


def counted(items: Sequence[T], stage: str, on_progress: OnProgress | None, every: int = EVERY) -> Iterator[T]:
    """The items, telling on_progress (stage, done, total) every `every` of them and at the end."""
    if on_progress is None:
        yield from items
        return
    total = len(items)
    for k, item in enumerate(items):
        if k % every == 0:
            on_progress(stage, k, total)
        yield item
    on_progress(stage, total, total)


def stage(name: str, on_progress: OnProgress | None) -> None:
    """Say that a stage with nothing to count has begun (reading files, writing one)."""
    if on_progress is not None:
        on_progress(name, 0, 0)
