"""Checks shared by several routes, raising the library's errors with the parameter at fault."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from exonym.api.schemas import ErrorOut
from exonym.errors import InputError, TooLarge
from exonym.gazetteer import Gazetteer
from exonym.glossary.names import parse_locale

LocaleQ = Annotated[str | None, Query(max_length=64, description="BCP 47 locale for display names (az-Cyrl-AZ, ru, zh-Hant-TW)")]
StyleQ = Annotated[str | None, Query(max_length=64, description="House style for display names: neutral, az-official, am-official, un")]
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": why}
    for status, why in {
        400: "The body is not valid JSON, or not UTF-8",
        404: "No entry has that id (the body lists close ids under did_you_mean)",
        413: "The text (or its answer) is over a limit: 1 MB of text, 20,000 mentions",
        422: "A parameter is refused; `parameter` names it",
        503: "Every worker is busy for longer than the deadline; retry after the Retry-After header's seconds",
        504: "The work took longer than the deadline (20 s by default); send a shorter text",
    }.items()
}


def check_display(gaz: Gazetteer, locale: str | None, style: str | None) -> None:
    """Refuse a bad locale or style before any work (a style without a locale is refused too)."""
    if style is not None and locale is None:
        raise InputError("give a locale as well (the style chooses among its names)", parameter="style")
    if locale is not None:
        parse_locale(locale)
    if style is not None:
        gaz.style(style)


def check_text(text: str, limit: int) -> None:
    if len(text.encode("utf-8", "surrogatepass")) > limit:
        raise TooLarge(f"larger than {limit} bytes", parameter="text")
