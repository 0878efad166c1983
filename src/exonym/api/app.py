"""The FastAPI application: the gazetteer and its index load once, in the lifespan, and every
request shares them. Routes are in exonym.api.routes, one module per resource; errors become
answers in exonym.api.errors; CPU work runs off the event loop under limits (exonym.api.deps)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from exonym import __version__
from exonym.api import errors
from exonym.api.deps import Limits
from exonym.api.limits import BodyLimits
from exonym.api.routes import docs, entries, export, lookup, meta, page, styles, text
from exonym.api.server import install_reload, settle_memory
from exonym.data.folder import bundled_path
from exonym.gazetteer import Gazetteer, load_path


def create_app(gazetteer: Gazetteer | None = None, *, limits: Limits | None = None) -> FastAPI:
    chosen = limits or Limits.from_environment()

    root = gazetteer.root if gazetteer is not None else Path(os.environ.get("EXONYM_GAZETTEER") or bundled_path())

    def load() -> Gazetteer:
        assert root is not None
        return load_path(root)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        gaz = gazetteer or load()
        _ = gaz.index.fuzzy.arrays  # load the index and its arrays before the first request
        app.state.gazetteer = gaz
        app.state.stats = gaz.stats()
        settle_memory()
        app.state.limits = chosen
        app.state.work_slots = anyio.CapacityLimiter(max(1, chosen.slots))
        if root is not None:
            install_reload(app, load)
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
    app.add_middleware(BodyLimits, max_bytes=chosen.max_body_bytes, seconds=chosen.body_seconds)
    errors.install(app)
    for module in (meta, lookup, text, entries, export, styles, docs, page):
        app.include_router(module.router)
    return app
