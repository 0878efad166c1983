"""Limits on one piece of work: a deadline, a flag its caller sets when it goes away, and a cap on
the mentions it may produce. The resolver checks its budget as it goes, so a server can stop work
that no one will read, and no text can make an answer of unbounded size."""

from __future__ import annotations

import threading
import time

from exonym.errors import Interrupted, TooLarge


class Budget:
    """Pass one to resolve(); `check()` raises Interrupted once the deadline has passed or
    `cancel()` was called, and `add_mentions()` raises TooLarge past the cap."""

    __slots__ = ("_cancelled", "deadline", "max_mentions", "mentions", "seconds")

    def __init__(self, *, seconds: float | None = None, max_mentions: int | None = None) -> None:
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.max_mentions = max_mentions
        self.mentions = 0
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Interrupted("the work was cancelled: its caller went away", reason="cancelled")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise Interrupted(f"the work took longer than {self.seconds:g} s; send a shorter text", reason="deadline")

    def add_mentions(self, n: int = 1) -> None:
        self.mentions += n
        if self.max_mentions is not None and self.mentions > self.max_mentions:
            raise TooLarge(f"the text has more than {self.max_mentions:,} mentions; split it", parameter="text")
