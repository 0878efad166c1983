"""The exception family. Library code raises these; only the CLI turns them into exit codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exonym.diagnostics import Diagnostic


class ExonymError(Exception):
    """Base class of every error exonym raises on purpose."""


class GazetteerError(ExonymError):
    """The gazetteer could not be found or read."""


class DataError(GazetteerError):
    """The gazetteer has problems; `.diagnostics` lists every one with file, line and column."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        shown = "\n".join(d.format() for d in diagnostics[:20])
        more = f"\n... and {len(diagnostics) - 20} more" if len(diagnostics) > 20 else ""
        super().__init__(f"{len(diagnostics)} problem(s) in the gazetteer:\n{shown}{more}")


class UnknownEntry(ExonymError, KeyError):
    """No entry has this id."""

    def __init__(self, entry_id: str) -> None:
        self.entry_id = entry_id
        super().__init__(entry_id)

    def __str__(self) -> str:
        return f"no gazetteer entry has the id {self.entry_id!r}"


class InvalidLanguageTag(ExonymError, ValueError):
    """A language tag is not valid BCP 47 or names a language babel does not know."""

    def __init__(self, tag: str, reason: str = "") -> None:
        self.tag = tag
        super().__init__(f"invalid language tag {tag!r}" + (f": {reason}" if reason else ""))


class InputError(ExonymError, ValueError):
    """A caller's input (text, query, option) is refused, with the reason."""
