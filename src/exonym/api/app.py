"""The FastAPI application: the gazetteer and its index load once, in the lifespan, and every
request shares them. Every bad parameter gets a 4xx JSON error naming it; no input gives a 500."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

import exonym
from exonym import __version__
from exonym.api.docs_page import DOCS_HTML
from exonym.api.schemas import (
    EntryOut,
    EntryPage,
    ErrorOut,
    Health,
    LookupOut,
    NamesOut,
    RenderIn,
    RenderOut,
    ResolveIn,
    ResolveOut,
    Version,
)
from exonym.errors import ExonymError, InputError, InvalidLanguageTag, UnknownEntry
from exonym.gazetteer import Gazetteer

MAX_TEXT_BYTES = 1024 * 1024
MAX_QUERY = 256
MAX_LIMIT = 100
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    404: {"model": ErrorOut},
    413: {"model": ErrorOut},
    422: {"model": ErrorOut},
}


def _error(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message, "parameter": parameter})


def _json(body: dict[str, Any]) -> JSONResponse:
    return JSONResponse(body)


def _display_check(gaz: Gazetteer, locale: str | None, style: str | None) -> JSONResponse | None:
    """Refuse a bad locale or style before any work (a style without a locale is refused too)."""
    from exonym.glossary.names import parse_locale

    if style is not None and locale is None:
        return _error(422, "style: give a locale as well (the style chooses among its names)", "style")
    if locale is not None:
        try:
            parse_locale(locale)
        except InvalidLanguageTag as exc:
            return _error(422, f"locale: {exc}", "locale")
    if style is not None and style not in gaz.styles:
        return _error(422, f"style: unknown style {style!r}; known: {', '.join(sorted(gaz.styles))}", "style")
    return None


LocaleQ = Annotated[str | None, Query(max_length=64, description="BCP 47 locale for display names (az-Cyrl-AZ, ru, zh-Hant-TW)")]
StyleQ = Annotated[str | None, Query(max_length=64, description="House style for display names: neutral, az-official, am-official, un")]


def get_gazetteer(request: Request) -> Gazetteer:
    return request.app.state.gazetteer  # type: ignore[no-any-return]


Gaz = Annotated[Gazetteer, Depends(get_gazetteer)]


def create_app(gazetteer: Gazetteer | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        gaz = gazetteer or exonym.load(os.environ.get("EXONYM_GAZETTEER") or None)
        _ = gaz.index.fuzzy.arrays  # load the index and its arrays before the first request
        app.state.gazetteer = gaz
        app.state.stats = gaz.stats()
        yield

    app = FastAPI(
        title="exonym",
        version=__version__,
        description="Find and resolve places and glossary terms in text, in any language and script.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    origins = [o.strip() for o in os.environ.get("EXONYM_CORS_ORIGINS", "").split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"], allow_headers=["*"])

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path")]
        parameter = ".".join(loc) or None
        message = str(first.get("msg", "invalid request"))
        if first.get("type") == "json_invalid":
            message = "the body is not valid JSON (or not UTF-8)"
        return _error(422, f"{parameter}: {message}" if parameter else message, parameter)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 400 and "parsing the body" in detail:
            detail = "the body is not valid JSON (or not UTF-8)"
        return _error(exc.status_code, detail)

    @app.exception_handler(InvalidLanguageTag)
    async def bad_lang(request: Request, exc: InvalidLanguageTag) -> JSONResponse:
        return _error(422, str(exc), "lang")

    @app.exception_handler(UnknownEntry)
    async def unknown(request: Request, exc: UnknownEntry) -> JSONResponse:
        return _error(404, str(exc), "id")

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return _error(422, str(exc), getattr(exc, "parameter", None))

    @app.exception_handler(ExonymError)
    async def other(request: Request, exc: ExonymError) -> JSONResponse:
        return _error(400, str(exc))

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_TEXT_BYTES + 4096:
            return _error(413, f"the request body is larger than {MAX_TEXT_BYTES} bytes", "text")
        return await call_next(request)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_HTML)

    # Handlers are `async def`: each call is a fraction of a millisecond of CPU, which costs less
    # on the event loop than a hop to the thread pool (the GIL would serialise them anyway).
    # They return JSONResponse directly: the dicts come from exonym.glossary.serialize, whose shape the
    # response models document and the schema test checks, so validating them again per request
    # would only cost time.
    @app.get("/health", response_model=Health, summary="Liveness and entry count")
    async def health(gaz: Gaz) -> dict[str, Any]:
        return {"status": "ok", "entries": len(gaz)}

    @app.get("/version", response_model=Version, summary="Package version and gazetteer content hash")
    async def version(request: Request, gaz: Gaz) -> dict[str, Any]:
        stats = request.app.state.stats
        return {"version": __version__, "gazetteer_hash": gaz.digest, "entries": stats["entries"], "names": stats["names"], "languages": stats["languages"]}

    @app.get("/lookup", response_model=LookupOut, responses=ERRORS, summary="Rank entries for one name")
    async def lookup(
        gaz: Gaz,
        q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="The name, in any script or form")],
        lang: Annotated[str | None, Query(max_length=64, description="BCP 47 hint")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 5,
        type: Annotated[list[str] | None, Query(description="Entry types to keep (repeatable), or place / glossary")] = None,
        locale: LocaleQ = None,
        style: StyleQ = None,
    ) -> Any:
        from exonym.glossary.serialize import candidate_dict, display_dict

        if not q.strip():
            return _error(422, "q: the query is empty", "q")
        refused = _display_check(gaz, locale, style)
        if refused is not None:
            return refused
        try:
            candidates = gaz.lookup(q, lang=lang, limit=limit, types=type)
        except InputError as exc:
            return _error(422, str(exc), "type" if "type" in str(exc) else "q")
        out = []
        for c in candidates:
            item = candidate_dict(c)
            if locale is not None:
                item["display"] = display_dict(gaz.name_in(c.entry, locale, style=style))
            out.append(item)
        return _json({"query": q, "candidates": out})

    @app.post("/resolve", response_model=ResolveOut, responses=ERRORS, summary="Every place and term in a text")
    async def resolve(gaz: Gaz, body: ResolveIn) -> Any:
        from exonym.glossary.serialize import display_dict, mention_dict

        if len(body.text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
            return _error(413, f"text: larger than {MAX_TEXT_BYTES} bytes", "text")
        refused = _display_check(gaz, body.locale, body.style)
        if refused is not None:
            return refused
        try:
            mentions = gaz.resolve(body.text, lang=body.lang, types=body.types, include_adjectives=body.include_adjectives)
        except InputError as exc:
            return _error(422, str(exc), "types")
        out = []
        seen: set[str] = set()
        for m in mentions:
            item = mention_dict(m)
            if body.locale is not None:  # the style's first-mention form once per entry
                item["display"] = display_dict(gaz.name_in(m.entry, body.locale, style=body.style, first=m.entry.id not in seen))
                seen.add(m.entry.id)
            out.append(item)
        return _json({"offsets": "code points", "mentions": out})

    @app.post("/render", response_model=RenderOut, responses=ERRORS, summary="A text with its place names in another locale and style")
    async def render_text(gaz: Gaz, body: RenderIn) -> Any:
        import dataclasses

        from exonym.glossary.render import render

        if len(body.text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
            return _error(413, f"text: larger than {MAX_TEXT_BYTES} bytes", "text")
        try:  # the text comes back in the response: it must be encodable
            body.text.encode("utf-8")
        except UnicodeEncodeError as exc:
            return _error(422, f"text: unpaired surrogate at offset {exc.start}; send valid Unicode", "text")
        try:
            from exonym.glossary.names import parse_locale

            parse_locale(body.to)
        except InvalidLanguageTag as exc:
            return _error(422, f"to: {exc}", "to")
        if body.style is not None and body.style not in gaz.styles:
            return _error(422, f"style: unknown style {body.style!r}; known: {', '.join(sorted(gaz.styles))}", "style")
        try:
            result = render(gaz, body.text, to=body.to, style=body.style, at=body.at, mark=body.mark, lang=body.lang, types=body.types or "place")
        except InputError as exc:
            return _error(422, str(exc), "types")
        return _json({"locale": result.locale, "style": result.style, "text": result.text, "changes": [dataclasses.asdict(c) for c in result.changes]})

    @app.get("/entries/{entry_id}", response_model=EntryOut, responses=ERRORS, summary="One entry with all its names")
    async def entry(
        gaz: Gaz,
        entry_id: Annotated[str, Path(max_length=200)],
        locale: LocaleQ = None,
        style: StyleQ = None,
        at: Annotated[int | None, Query(ge=-5000, le=3000, description="Year whose name to display (with locale)")] = None,
    ) -> Any:
        from exonym.glossary.serialize import display_dict, entry_dict

        refused = _display_check(gaz, locale, style)
        if refused is not None:
            return refused
        if at is not None and locale is None:
            return _error(422, "at: give a locale as well (the year chooses among its names)", "at")
        found = gaz.get(entry_id)
        out = entry_dict(found)
        if locale is not None:
            out["display"] = display_dict(gaz.name_in(found, locale, style=style, at=at))
        return _json(out)

    @app.get("/entries/{entry_id}/names", response_model=NamesOut, responses=ERRORS, summary="All names of an entry, grouped by language")
    async def entry_names(gaz: Gaz, entry_id: Annotated[str, Path(max_length=200)]) -> Any:
        from exonym.glossary.serialize import names_by_language

        found = gaz.get(entry_id)
        return _json({"id": found.id, "name": found.name, "languages": names_by_language(found)})

    @app.get(
        "/export",
        responses={**ERRORS, 200: {"content": {"application/x-tbx+xml": {}, "text/csv": {}}, "description": "The glossary file"}},
        summary="A glossary for translators: TBX-Basic or CSV",
        response_class=Response,
    )
    async def export_glossary(
        gaz: Gaz,
        format: Annotated[str, Query(pattern="^(tbx|csv)$", description="tbx (TBX-Basic, ISO 30042) or csv")],
        langs: Annotated[str, Query(min_length=2, max_length=200, description="Comma-separated BCP 47 tags: en,ru,hy,az")],
        types: Annotated[str | None, Query(max_length=200, description="Entry types, or place / glossary")] = None,
        within: Annotated[list[str] | None, Query(description="Only entries inside these entries (repeatable)")] = None,
        style: Annotated[str | None, Query(max_length=64, description="House style: preferred and deprecated names")] = None,
    ) -> Any:
        from exonym.glossary.export import export

        if style is not None and style not in gaz.styles:
            return _error(422, f"style: unknown style {style!r}; known: {', '.join(sorted(gaz.styles))}", "style")
        for w in within or ():
            if w not in gaz:
                return _error(422, f"within: no entry has the id {w!r}", "within")
        try:
            text = export(gaz, format, langs=langs, types=types, within=within or (), style=style)
        except InvalidLanguageTag as exc:
            return _error(422, f"langs: {exc}", "langs")
        except InputError as exc:
            return _error(422, str(exc), "types" if "type" in str(exc) else "langs")
        media = "application/x-tbx+xml" if format == "tbx" else "text/csv; charset=utf-8"
        filename = f"exonym-glossary.{format}"
        return Response(text, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    @app.get("/entries", response_model=EntryPage, responses=ERRORS, summary="List entries, filtered and paginated")
    async def entries(
        gaz: Gaz,
        type: Annotated[str | None, Query(description="An entry type")] = None,
        parent: Annotated[str | None, Query(max_length=200, description="Direct parent id")] = None,
        q: Annotated[str | None, Query(max_length=MAX_QUERY, description="Substring of any name, folded")] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    ) -> Any:
        from exonym.glossary.serialize import entry_summary
        from exonym.model import ENTRY_TYPES
        from exonym.text.normalize import fold

        if type is not None and type not in ENTRY_TYPES:
            return _error(422, f"type: unknown type {type!r}; known: {', '.join(ENTRY_TYPES)}", "type")
        if parent is not None and parent not in gaz:
            return _error(404, f"parent: no entry has the id {parent!r}", "parent")
        needle = fold(q) if q else None
        ids = sorted(gaz.entries)
        matched = []
        for eid in ids:
            e = gaz.entries[eid]
            if type is not None and e.type != type:
                continue
            if parent is not None and parent not in e.parents:
                continue
            if needle and not any(needle in fold(n.text) for n in e.names):
                continue
            matched.append(e)
        page = matched[offset : offset + limit]
        return {"total": len(matched), "offset": offset, "limit": limit, "items": [entry_summary(e) for e in page]}

    return app
