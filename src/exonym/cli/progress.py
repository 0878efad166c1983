"""The progress line of the long commands (resolve, import, export, batch) on stderr: how far,
how fast, and how long is left when the total is known.

On a terminal the line is redrawn in place every half second; elsewhere (`--progress` into a log)
a new line is written every few seconds, so that a log file does not fill with carriage returns."""

from __future__ import annotations

import sys
import time
from typing import TextIO

TERMINAL_EVERY = 0.5  # seconds between two redraws on a terminal
LOG_EVERY = 5.0  # seconds between two lines into a file or pipe
MIN_FOR_ESTIMATE = 0.02  # share of the work done before an estimate of the time left is shown


def wanted(flag: bool) -> bool:
    """Progress is shown on a terminal, or anywhere when --progress asks for it."""
    return flag or sys.stderr.isatty()


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _amount(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value / 1e6:,.1f} MB"
    return f"{round(value):,} {unit}".rstrip()


class Progress:
    """`update(done)` as work goes; `finish()` once. `total` (in `unit`) gives a share and the time
    left; without it the line says how much and how fast. A stage ("towns", "matching") may
    change as the work goes: each is reported in its own units."""

    def __init__(self, what: str, *, enabled: bool, total: float | None = None, unit: str = "", stream: TextIO | None = None) -> None:
        self.what = what
        self.enabled = enabled
        self.total = total
        self.unit = unit
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty()
        self.start = self.last = time.monotonic()
        self.done = 0.0
        self.drawn = False
        self.stage: str | None = None
        self.stage_start = self.start
        self.note = ""
        self.totals: dict[str, int] = {}  # the last total each stage gave

    def update(
        self, done: float, *, stage: str | None = None, total: float | None = None, share: float | None = None, note: str = ""
    ) -> None:
        """`done` of `total` (or of the total given at the start). `share`, when the caller knows
        it better than done/total (a run of several stages), is the fraction of the whole work;
        `note` is shown after the figures (e.g. how many documents)."""
        if not self.enabled:
            return
        now = time.monotonic()
        news = stage != self.stage  # a new stage is shown at once (past the first half second)
        if news:
            self.stage, self.stage_start = stage, now
        if total is not None:
            self.total = total
        self.done = done
        self.note = note
        if now - self.last < (TERMINAL_EVERY if self.terminal else LOG_EVERY) and not (news and now - self.start > TERMINAL_EVERY):
            return
        self.last = now
        self._write(self._line(now, share))

    def __call__(self, stage: str, done: int, total: int) -> None:
        """A Progress is the library's on_progress (see exonym.progress): each stage its own count."""
        self.totals[stage] = total
        self.update(done, stage=stage, total=total)

    def _line(self, now: float, share: float | None) -> str:
        elapsed = now - self.start
        if self.total == 0 and not self.done:  # a stage with nothing to count (writing a file)
            return f"{self.what}: {self.stage or 'working'}, {_duration(elapsed)} so far"
        head = f"{self.what}: " + (f"{self.stage}, " if self.stage and self.stage != self.unit else "")
        amount = _amount(self.done, self.unit)
        if self.total:
            amount += f" of {_amount(self.total, self.unit)}"
        since = now - self.stage_start  # each stage counts its own units from its own start
        took, of = elapsed, ""  # a share of the whole run, given by the caller
        if share is None and self.total:  # a share of this stage, from its own count
            share, took, of = self.done / self.total, since, f" of {self.stage}" if self.stage and self.stage != self.unit else ""
        rate = f", {_amount(self.done / since, self.unit)}/s" if since > 0 and self.done else ""
        note = f", {self.note}" if self.note else ""
        if share is None:
            return f"{head}{amount}{note}{rate}, {_duration(elapsed)} so far"
        left = f", about {_duration(took * (1 - share) / share)} left{of}" if share >= MIN_FOR_ESTIMATE else ""
        return f"{head}{amount} ({share:.0%}){note}{rate}{left}"

    def _write(self, line: str) -> None:
        if self.terminal:
            self.stream.write(f"\r\033[K{line}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.drawn = True

    def finish(self, summary: str | None = None) -> None:
        """End the line with a summary of what was done (the time it took is added), if a line was
        drawn or a summary is given."""
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.start
        if summary is None and not self.drawn:
            return
        text = f"{summary or f'{self.what}: done'} in {_duration(elapsed)}"
        if self.terminal:
            self.stream.write(f"\r\033[K{text}\n")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
