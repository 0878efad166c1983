"""GET /export: the glossary for translators, TBX-Basic or CSV. A whole export is a second of
CPU: it runs off the event loop, and each answer is kept (bounded) for the next identical call."""

from __future__ import annotations

from collections import OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from exonym.api.deps import Gaz, run_work
from exonym.api.routes.common import ERRORS
from exonym.gazetteer import Gazetteer
from exonym.glossary.export import export
from exonym.resolver.budget import Budget

router = APIRouter()
_KEPT_BYTES = 64 * 1024 * 1024


class _Answers:
    """Export answers by their parameters, the oldest dropped past a byte budget."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.items: OrderedDict[tuple[Any, ...], str] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> str | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: tuple[Any, ...], text: str) -> None:
        if len(text) > self.max_bytes:
            return
        self.items[key] = text
        self.size += len(text)
        while self.size > self.max_bytes:
            _, old = self.items.popitem(last=False)
            self.size -= len(old)


def _export(gaz: Gazetteer, answers: _Answers, key: tuple[Any, ...], *, budget: Budget) -> str:
    found = answers.get(key)
    if found is None:
        budget.check()
        fmt, langs, types, within, style = key
        found = export(gaz, fmt, langs=langs, types=types, within=within, style=style)
        answers.put(key, found)
    return found


@router.get(
    "/export",
    responses={**ERRORS, 200: {"content": {"application/x-tbx+xml": {}, "text/csv": {}}, "description": "The glossary file"}},
    summary="A glossary for translators: TBX-Basic or CSV",
    response_class=Response,
)
async def export_glossary(
    request: Request,
    gaz: Gaz,
    format: Annotated[
        str,
        Query(
            pattern="^(tbx|csv)$",
            description="tbx (TBX-Basic, ISO 30042) or csv",
            openapi_examples={"csv": {"summary": "CSV", "value": "csv"}, "tbx": {"summary": "TBX-Basic", "value": "tbx"}},
        ),
    ],
    langs: Annotated[
        str,
        Query(
            min_length=2,
            max_length=200,
            description="Comma-separated BCP 47 tags: en,ru,hy,az",
            openapi_examples={"four": {"summary": "English, Russian, Armenian, Azerbaijani", "value": "en,ru,hy,az"}},
        ),
    ],
    types: Annotated[str | None, Query(max_length=200, description="Entry types, or place / glossary")] = None,
    within: Annotated[
        list[str] | None,
        Query(description="Only entries inside these entries, through parents or a disputed territory's covers (repeatable)"),
    ] = None,
    style: Annotated[str | None, Query(max_length=64, description="House style: preferred and deprecated names")] = None,
) -> Any:
    if style is not None:
        gaz.style(style)
    key = (format, langs, types, tuple(within or ()), style)
    answers = request.app.state.__dict__.setdefault("export_answers", _Answers(_KEPT_BYTES))
    text = await run_work(request, _export, gaz, answers, key)
    media = "application/x-tbx+xml" if format == "tbx" else "text/csv; charset=utf-8"
    return Response(text, media_type=media, headers={"Content-Disposition": f'attachment; filename="exonym-glossary.{format}"'})
