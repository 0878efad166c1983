"""GET /docs: the API reference, Swagger UI over /openapi.json, served from the copy of Swagger UI
that the fastapi-offline package ships (its files only), so that it works with no network.
Swagger UI fills each "Try it out" form from the examples in the schema (exonym.api.schemas, the
routes' openapi_examples); static/docs.js starts it and has text answers (CSV, TBX) shown as text."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from exonym.api.assets import PAGE, SWAGGER_UI

router = APIRouter()


@router.get("/docs", include_in_schema=False)
async def docs(request: Request) -> Response:
    return PAGE.response(request, "docs.html")


@router.get("/docs/files/{name}", include_in_schema=False)
async def docs_file(request: Request, name: str) -> Response:
    return SWAGGER_UI.response(request, name)
