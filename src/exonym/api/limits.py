"""ASGI middleware that bounds what a client can make the server hold: a body larger than the
limit is refused while it streams in (not after it has been read whole), and a body that comes
too slowly is cut off."""

from __future__ import annotations

import json
import time
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message


class BodyLimits:
    def __init__(self, app: ASGIApp, *, max_bytes: int, seconds: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        bad = _undecodable_parameter(scope.get("query_string", b""))
        if bad is not None:  # Starlette would turn the bytes into U+FFFD and answer for text nobody sent
            await _answer(send, 400, f"{bad}: the value is not valid UTF-8 once percent-decoded", bad)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await _answer(send, 413, f"the request body is larger than {self.max_bytes} bytes", "text")
            return
        received = 0
        deadline = time.monotonic() + self.seconds
        started = False
        refusal: _Refused | None = None  # the app may turn a failed read into its own answer: ours wins

        async def bounded_receive() -> Message:
            nonlocal received, refusal
            left = deadline - time.monotonic()
            try:
                with anyio.fail_after(max(left, 0.001)):
                    message = await receive()
            except TimeoutError:
                refusal = _Refused(408, f"the request body did not arrive within {self.seconds:g} s")
                raise refusal from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    refusal = _Refused(413, f"the request body is larger than {self.max_bytes} bytes")
                    raise refusal
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if refusal is not None:  # the app answers a body it could not read: send ours instead
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _answer(send, refusal.status, refusal.message, "text" if refusal.status == 413 else None)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, bounded_receive, tracked_send)
        except _Refused as refused:
            if not started:
                started = True
                await _answer(send, refused.status, refused.message, "text" if refused.status == 413 else None)


def _undecodable_parameter(query: bytes) -> str | None:
    """The name of the first query parameter whose value is not UTF-8, if any."""
    from urllib.parse import unquote_to_bytes

    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        try:
            unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return unquote_to_bytes(name).decode("utf-8", "replace")
    return None


async def _answer(send: Send, status: int, message: str, parameter: str | None) -> None:
    body = json.dumps({"error": message, "parameter": parameter}).encode()
    headers: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
