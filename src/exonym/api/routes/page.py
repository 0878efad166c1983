"""The files of exonym/api/static under /static: the pages' scripts and styles."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from exonym.api.assets import PAGE

router = APIRouter()


@router.get("/static/{name}", include_in_schema=False)
async def static_file(request: Request, name: str) -> Response:
    return PAGE.response(request, name)
