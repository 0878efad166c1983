"""A cache for functions of short text: words recur across texts and are worth keeping, but a
server must not keep whatever a client sends (one "word" may be a megabyte of letters). Only calls
whose first argument is at most `longest` characters are remembered, so the cache is bounded in
bytes as well as in entries."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def short_text_cache(maxsize: int, longest: int = 64) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def wrapper(text: str, *args: Any, **kwargs: Any) -> Any:
            if len(text) > longest:
                return fn(text, *args, **kwargs)
            return cached(text, *args, **kwargs)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate
