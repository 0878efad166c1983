"""What every route shares: the gazetteer (loaded once, in the lifespan), the server's limits, and
`run_work`, which runs CPU work off the event loop under a deadline and stops it when the client
goes away, so that one heavy request never stalls the others."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request

from exonym.api.errors import Busy
from exonym.errors import Interrupted
from exonym.gazetteer import Gazetteer
from exonym.resolver.budget import Budget

T = TypeVar("T")


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """The server's limits, each documented in README and in /openapi.json."""

    max_body_bytes: int = 1024 * 1024 + 4096  # a 1 MB text in its JSON envelope
    max_text_bytes: int = 1024 * 1024
    max_mentions: int = 20_000  # an answer of about 10 MB of JSON at most
    seconds: float = 20.0  # CPU work of one request
    slots: int = 2  # requests doing CPU work at once in one worker; others wait (within `seconds`)
    body_seconds: float = 20.0  # to receive a body, however slowly it comes

    @classmethod
    def from_environment(cls) -> Limits:
        return cls(
            seconds=_env_number("EXONYM_REQUEST_SECONDS", cls.seconds),
            slots=int(_env_number("EXONYM_WORK_SLOTS", cls.slots)),
            max_mentions=int(_env_number("EXONYM_MAX_MENTIONS", cls.max_mentions)),
            body_seconds=_env_number("EXONYM_BODY_SECONDS", cls.body_seconds),
        )


def get_gazetteer(request: Request) -> Gazetteer:
    return request.app.state.gazetteer  # type: ignore[no-any-return]


def get_limits(request: Request) -> Limits:
    return request.app.state.limits  # type: ignore[no-any-return]


Gaz = Annotated[Gazetteer, Depends(get_gazetteer)]
Lim = Annotated[Limits, Depends(get_limits)]


async def run_work(request: Request, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`work(*args, budget=..., **kwargs)` in a worker thread: at most `slots` at once, stopped at
    the deadline (504) or when the client disconnects; waiting longer than the deadline for a slot
    is a 503. The event loop stays free to answer other requests (/health) meanwhile."""
    limits: Limits = request.app.state.limits
    budget = Budget(seconds=limits.seconds, max_mentions=limits.max_mentions)
    outcome: dict[str, Any] = {}

    async def watch_client() -> None:
        while not budget.cancelled:
            if await request.is_disconnected():
                budget.cancel()
                return
            await anyio.sleep(0.25)

    started = threading.Event()

    def call() -> T:
        started.set()
        return work(*args, budget=budget, **kwargs)

    async def do_work(done: anyio.CancelScope) -> None:
        try:
            outcome["value"] = await anyio.to_thread.run_sync(call, limiter=request.app.state.work_slots, abandon_on_cancel=True)
        except anyio.get_cancelled_exc_class():
            raise  # the timer's: answered below, never as an error of the work
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            done.cancel()

    with anyio.move_on_after(limits.seconds + 1) as timer:
        async with anyio.create_task_group() as group:
            group.start_soon(watch_client)
            group.start_soon(do_work, group.cancel_scope)
    if timer.cancelled_caught and not outcome:
        budget.cancel()  # the thread stops at its next look at the budget
        if started.is_set():
            # The work ran but did not look at its budget in time (two large texts on a busy
            # machine): the same answer as a deadline it noticed itself.
            raise Interrupted(f"the work took longer than {limits.seconds:g} s; send a shorter text", reason="deadline")
        raise Busy(f"the server is busy: no worker became free within {limits.seconds:g} s; try again")
    if "error" in outcome:
        raise outcome["error"]
    if budget.cancelled and "value" not in outcome:
        raise Interrupted("the client went away", reason="cancelled")
    return outcome["value"]  # type: ignore[no-any-return]


def with_budget(fn: Callable[..., T]) -> Callable[..., T]:
    """A library call that takes no budget, run under one all the same (checked before it)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, budget: Budget, **kwargs: Any) -> T:
        budget.check()
        return fn(*args, **kwargs)

    return wrapper
