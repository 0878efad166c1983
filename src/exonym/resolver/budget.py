"""Limits on one piece of work: a deadline, a flag its caller sets when it goes away, and a cap on
the mentions it may produce. The resolver checks its budget as it goes, so a server can stop work
that no one will read, and no text can make an answer of unbounded size. At the same checks it
tells the budget's `on_progress`, if any, how far it has come (a CLI's progress line)."""

from __future__ import annotations

import threading
import time

from exonym.errors import Interrupted, TooLarge
from exonym.progress import OnProgress

# The resolver's passes over a text, each reported as a position in it, with the share of the run
# each takes, so that a caller can turn (stage, position) into one fraction of the whole. Measured
# on 2 MB of the evaluation texts' words shuffled into new sentences (the slow case, where progress
# matters): the first report of each stage came at 5 %, 66 % and 96 % of the run.
STAGES: dict[str, float] = {"matching": 0.66, "reading": 0.30, "choosing": 0.04}


def fraction_done(stage: str, position: int, length: int) -> float:
    """The share of a resolve run done when `stage` has reached `position` of a `length`-long text."""
    before = 0.0
    for name, share in STAGES.items():
        if name == stage:
            return before + share * (position / length if length else 1.0)
        before += share
    return before


class Budget:
    """Pass one to resolve(); `check()` raises Interrupted once the deadline has passed or
    `cancel()` was called, and `add_mentions()` raises TooLarge past the cap."""

    __slots__ = ("_cancelled", "deadline", "max_mentions", "mentions", "on_progress", "seconds")

    def __init__(
        self,
        *,
        seconds: float | None = None,
        max_mentions: int | None = None,
        on_progress: OnProgress | None = None,
    ) -> None:
        self.seconds = seconds
        self.on_progress = on_progress  # (stage, position in the text, its length); see STAGES
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

    def reached(self, stage: str, position: int, length: int) -> None:
        """check(), and tell on_progress where the work is."""
        self.check()
        if self.on_progress is not None:
            self.on_progress(stage, position, length)

    def add_mentions(self, n: int = 1) -> None:
        self.mentions += n
        if self.max_mentions is not None and self.mentions > self.max_mentions:
            raise TooLarge(f"the text has more than {self.max_mentions:,} mentions; split it", parameter="text")
