"""POST /resolve and POST /render: the work on whole texts, done off the event loop under the
server's limits (see exonym.api.deps.run_work)."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from exonym.api.deps import Gaz, Lim, run_work
from exonym.api.routes.common import ERRORS, check_display, check_text
from exonym.api.schemas import RenderIn, RenderOut, ResolveIn, ResolveOut
from exonym.errors import InputError
from exonym.gazetteer import Gazetteer
from exonym.glossary.names import parse_locale
from exonym.glossary.render import render
from exonym.glossary.serialize import display_dict, mention_dict
from exonym.resolver.budget import Budget

router = APIRouter()


def _resolve(gaz: Gazetteer, body: ResolveIn, *, budget: Budget) -> dict[str, Any]:
    mentions = gaz.resolve(body.text, lang=body.lang, types=body.types, include_adjectives=body.include_adjectives, budget=budget)
    out = []
    seen: set[str] = set()
    for m in mentions:
        item = mention_dict(m)
        if body.locale is not None:  # the style's first-mention form once per entry
            item["display"] = display_dict(gaz.name_in(m.entry, body.locale, style=body.style, first=m.entry.id not in seen))
            seen.add(m.entry.id)
        out.append(item)
    return {"offsets": "code points", "mentions": out}


@router.post("/resolve", response_model=ResolveOut, responses=ERRORS, summary="Every place and term in a text")
async def resolve(request: Request, gaz: Gaz, limits: Lim, body: ResolveIn) -> Any:
    check_text(body.text, limits.max_text_bytes)
    check_display(gaz, body.locale, body.style)
    return JSONResponse(await run_work(request, _resolve, gaz, body))


def _render(gaz: Gazetteer, body: RenderIn, *, budget: Budget) -> dict[str, Any]:
    result = render(
        gaz, body.text, to=body.to, style=body.style, at=body.at, mark=body.mark, lang=body.lang, types=body.types or "place", budget=budget
    )
    return {"locale": result.locale, "style": result.style, "text": result.text, "changes": [dataclasses.asdict(c) for c in result.changes]}


@router.post("/render", response_model=RenderOut, responses=ERRORS, summary="A text with its place names in another locale and style")
async def render_text(request: Request, gaz: Gaz, limits: Lim, body: RenderIn) -> Any:
    check_text(body.text, limits.max_text_bytes)
    try:  # the text comes back in the response: it must be encodable
        body.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"unpaired surrogate at offset {exc.start}; send valid Unicode", parameter="text") from None
    parse_locale(body.to, "to")
    if body.style is not None:
        gaz.style(body.style)
    return JSONResponse(await run_work(request, _render, gaz, body))
