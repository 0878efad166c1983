"""Liveness and version."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from exonym import __version__
from exonym.api.deps import Gaz
from exonym.api.schemas import Health, Version

router = APIRouter()


@router.get("/health", response_model=Health, summary="Liveness and entry count")
async def health(gaz: Gaz) -> dict[str, Any]:
    return {"status": "ok", "entries": len(gaz)}


@router.get("/version", response_model=Version, summary="Package version and gazetteer content hash")
async def version(request: Request, gaz: Gaz) -> dict[str, Any]:
    stats = request.app.state.stats
    return {
        "version": __version__,
        "gazetteer_hash": gaz.digest,
        "entries": stats["entries"],
        "names": stats["names"],
        "languages": stats["languages"],
    }
