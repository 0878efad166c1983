"""GET /: the page for people (newsrooms, translators), and its files under /static. The page is
static: everything it shows it asks of the API itself (/resolve, /entries, /lookup, /render,
/styles, /version), so it can never know more than a client of the API does."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from exonym.api.assets import PAGE

router = APIRouter()


@router.get("/", include_in_schema=False)
async def page(request: Request) -> Response:
    return PAGE.response(request, "index.html")


@router.get("/static/{name}", include_in_schema=False)
async def static_file(request: Request, name: str) -> Response:
    return PAGE.response(request, name)
