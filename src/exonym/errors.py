"""The exception family. Library code raises these; the CLI turns them into exit codes and the API
into 4xx/5xx answers. `parameter` names the caller's argument at fault, when there is one, so that
neither has to guess it from the message."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exonym.diagnostics import Diagnostic


class ExonymError(Exception):
    """Base class of every error exonym raises on purpose."""

    def __init__(self, *args: object, parameter: str | None = None) -> None:
        super().__init__(*args)
        self.parameter = parameter

    def about(self, parameter: str) -> ExonymError:
        """The same error, naming `parameter` as the one at fault (unless it already names one)."""
        if self.parameter is None:
            self.parameter = parameter
        return self


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
    """No entry has this id. `suggestions` holds close ids, best first."""

    def __init__(self, entry_id: str, *, parameter: str | None = "id", suggestions: tuple[str, ...] = ()) -> None:
        self.entry_id = entry_id
        self.suggestions = suggestions
        super().__init__(entry_id, parameter=parameter)

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"no gazetteer entry has the id {self.entry_id!r}{hint}"


class InvalidLanguageTag(ExonymError, ValueError):
    """A language tag is not valid BCP 47 or names a language babel does not know."""

    def __init__(self, tag: str, reason: str = "", *, parameter: str | None = None) -> None:
        self.tag = tag
        super().__init__(f"invalid language tag {tag!r}" + (f": {reason}" if reason else ""), parameter=parameter)


class InputError(ExonymError, ValueError):
    """A caller's input (text, query, option) is refused, with the reason."""


class TooLarge(InputError):
    """An input, or the work or answer it would make, is over a documented limit."""


class Interrupted(ExonymError):
    """Work stopped before its end: its deadline passed, or its caller went away."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason  # "deadline" or "cancelled"
