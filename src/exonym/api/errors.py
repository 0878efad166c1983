"""One place where errors become HTTP answers: every library error carries the parameter at
fault (exonym.errors), so the answer names it without guessing from the message. Every answer is
`{"error": ..., "parameter": ...}`; no input gives a 500."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from exonym.errors import (
    ExonymError,
    InputError,
    Interrupted,
    InvalidLanguageTag,
    TooLarge,
    UnknownEntry,
)

# Where the HTTP API names a library argument otherwise (GET /lookup?q=...&type=...).
_PARAMETER_NAMES = {"/lookup": {"query": "q", "types": "type"}}


class Busy(ExonymError):
    """Every worker slot is taken for longer than a request may wait."""


def error(status: int, message: str, parameter: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message, "parameter": parameter}, headers=headers)


def _status(exc: ExonymError) -> int:
    if isinstance(exc, TooLarge):
        return 413
    if isinstance(exc, (InputError, InvalidLanguageTag)):
        return 422
    if isinstance(exc, UnknownEntry):
        return 404
    if isinstance(exc, Busy):
        return 503
    if isinstance(exc, Interrupted):
        return 504 if exc.reason == "deadline" else 499
    return 400


def install(app: FastAPI) -> None:
    """The exception handlers of the application."""

    @app.exception_handler(ExonymError)
    async def library_error(request: Request, exc: ExonymError) -> JSONResponse:
        parameter = exc.parameter
        if parameter is not None:
            parameter = _PARAMETER_NAMES.get(request.url.path, {}).get(parameter, parameter)
        message = str(exc)
        if isinstance(exc, UnknownEntry) and exc.suggestions:
            return JSONResponse(status_code=404, content={"error": message, "parameter": parameter, "did_you_mean": list(exc.suggestions)})
        headers = {"Retry-After": "5"} if isinstance(exc, Busy) else None
        shown = f"{parameter}: {message}" if parameter and not message.startswith(parameter) and _status(exc) == 422 else message
        return error(_status(exc), shown, parameter, headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
        if first.get("type") == "json_invalid":  # the location is a character offset, not a parameter
            return error(400, "the body is not valid JSON (or not UTF-8)", "body")
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path")]
        parameter = ".".join(loc) or None
        message = str(first.get("msg", "invalid request"))
        return error(422, f"{parameter}: {message}" if parameter else message, parameter)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 400 and "parsing the body" in detail:
            return error(400, "the body is not valid JSON (or not UTF-8)", "body")
        return error(exc.status_code, detail, None, dict(exc.headers or {}))
