"""GET /lookup: entries ranked for one name."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from exonym.api.deps import Gaz, run_work
from exonym.api.routes.common import ERRORS, LocaleQ, StyleQ, check_display
from exonym.api.schemas import LookupOut
from exonym.errors import InputError
from exonym.gazetteer import Gazetteer
from exonym.glossary.serialize import candidate_dict, display_dict
from exonym.resolver.budget import Budget

MAX_QUERY = 256
MAX_LIMIT = 100
router = APIRouter()


def _lookup(
    gaz: Gazetteer, q: str, lang: str | None, limit: int, types: list[str] | None, locale: str | None, style: str | None, *, budget: Budget
) -> dict[str, Any]:
    budget.check()
    out = []
    for c in gaz.lookup(q, lang=lang, limit=limit, types=types):
        item = candidate_dict(c)
        if locale is not None:
            item["display"] = display_dict(gaz.name_in(c.entry, locale, style=style))
        out.append(item)
    return {"query": q, "candidates": out}


@router.get("/lookup", response_model=LookupOut, responses=ERRORS, summary="Rank entries for one name")
async def lookup(
    request: Request,
    gaz: Gaz,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUERY,
            description="The name, in any script or form",
            openapi_examples={"inflected": {"summary": "Azerbaijani, inflected", "value": "Xankəndidə"}},
        ),
    ],
    lang: Annotated[str | None, Query(max_length=64, description="BCP 47 hint")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 5,
    type: Annotated[list[str] | None, Query(description="Entry types to keep (repeatable), or place / glossary")] = None,
    locale: LocaleQ = None,
    style: StyleQ = None,
) -> Any:
    if not q.strip():
        raise InputError("the query is empty", parameter="q")
    check_display(gaz, locale, style)
    return JSONResponse(await run_work(request, _lookup, gaz, q, lang, limit, type, locale, style))
