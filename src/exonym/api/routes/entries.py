"""GET /entries/{id}, /entries/{id}/names and the paginated /entries listing."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from exonym.api.deps import Gaz
from exonym.api.routes.common import ERRORS, LocaleQ, StyleQ, check_display
from exonym.api.schemas import EntryOut, EntryPage, NamesOut
from exonym.errors import InputError
from exonym.glossary.export import select
from exonym.glossary.serialize import display_dict, entry_dict, entry_summary, names_by_language
from exonym.model import ENTRY_TYPES
from exonym.text.normalize import fold

MAX_QUERY = 256
MAX_LIMIT = 100
router = APIRouter()
IdPath = Annotated[str, Path(max_length=200, openapi_examples={"khankendi": {"summary": "An entry id", "value": "khankendi"}})]


@router.get("/entries/{entry_id}", response_model=EntryOut, responses=ERRORS, summary="One entry with all its names")
async def entry(
    gaz: Gaz,
    entry_id: IdPath,
    locale: LocaleQ = None,
    style: StyleQ = None,
    at: Annotated[int | None, Query(ge=-5000, le=3000, description="Year whose name to display (with locale)")] = None,
) -> Any:
    check_display(gaz, locale, style)
    if at is not None and locale is None:
        raise InputError("give a locale as well (the year chooses among its names)", parameter="at")
    found = gaz.get(entry_id)
    out = entry_dict(found)
    if locale is not None:
        out["display"] = display_dict(gaz.name_in(found, locale, style=style, at=at))
    return JSONResponse(out)


@router.get("/entries/{entry_id}/names", response_model=NamesOut, responses=ERRORS, summary="All names of an entry, grouped by language")
async def entry_names(gaz: Gaz, entry_id: IdPath) -> Any:
    found = gaz.get(entry_id)
    return JSONResponse({"id": found.id, "name": found.name, "languages": names_by_language(found)})


@router.get("/entries", response_model=EntryPage, responses=ERRORS, summary="List entries, filtered and paginated")
async def entries(
    gaz: Gaz,
    type: Annotated[str | None, Query(description="An entry type")] = None,
    parent: Annotated[str | None, Query(max_length=200, description="Direct parent id")] = None,
    within: Annotated[
        str | None,
        Query(
            max_length=200,
            description="An entry id: it and the entries inside it, through any chain of parents or a disputed territory's covers",
        ),
    ] = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY, description="Substring of any name, folded")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> Any:
    if type is not None and type not in ENTRY_TYPES:
        raise InputError(f"unknown type {type!r}; known: {', '.join(ENTRY_TYPES)}", parameter="type")
    if parent is not None:
        gaz.get(parent, parameter="parent")  # UnknownEntry, with close ids, for a mistyped one
    needle = fold(q) if q else None
    matched = []
    # the export's selection, so that `within` means the same on /entries and /export
    for e in select(gaz, types=type, within=[within] if within else ()):
        if type is not None and e.type != type:
            continue
        if parent is not None and parent not in e.parents:
            continue
        if needle and not any(needle in fold(n.text) for n in e.names):
            continue
        matched.append(e)
    page = matched[offset : offset + limit]
    return {"total": len(matched), "offset": offset, "limit": limit, "items": [entry_summary(e) for e in page]}
