"""GET /styles: the house styles a request may name (the style parameter of /lookup, /resolve,
/render, /entries and /export), so that a client can offer them without knowing styles.yaml."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from exonym.api.deps import Gaz
from exonym.api.schemas import StylesOut

router = APIRouter()


@router.get("/styles", response_model=StylesOut, summary="The house styles of the gazetteer")
async def styles(gaz: Gaz) -> dict[str, Any]:
    return {
        "styles": [
            {
                "id": s.id,
                "title": s.title,
                "description": s.description,
                "first_mention": s.first_mention,
                "later_mentions": s.later_mentions,
            }
            for s in gaz.styles.values()
        ]
    }
