"""Serving the application: uvicorn with a guarded HTTP protocol, a readiness line, and a reload of
the gazetteer on SIGHUP that drops no request.

The guard bounds what a client can make a worker hold before the application sees the request:
the request line and headers are refused past MAX_HEAD bytes (431) and must arrive within
HEAD_SECONDS (408); bodies are bounded by exonym.api.limits.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import signal
import threading
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("exonym.serve")

MAX_HEAD = 64 * 1024
HEAD_SECONDS = float(os.environ.get("EXONYM_HEAD_SECONDS") or 10.0)
_STATUS = {408: b"408 Request Timeout", 431: b"431 Request Header Fields Too Large"}


class GuardedHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol with a size and a time limit on the request head."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._head_bytes = 0
        self._refused = False
        self._head_timer: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._start_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        if self._head_timer is None:
            self._start_head_timer()

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        if not self._refused:
            super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._stop_head_timer()
        if not self._refused:
            super().on_headers_complete()

    def _count(self, size: int) -> None:
        self._head_bytes += size
        if self._head_bytes > MAX_HEAD and not self._refused:
            self._refuse(431, f"the request line and headers are larger than {MAX_HEAD} bytes")

    def _start_head_timer(self) -> None:
        self._head_timer = self.loop.call_later(HEAD_SECONDS, self._head_too_slow)

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self.cycle is None or self.cycle.response_complete:  # no request is being answered
            self._refuse(408, f"the request head did not arrive within {HEAD_SECONDS:g} s")

    def _refuse(self, status: int, message: str) -> None:
        self._refused = True
        self._stop_head_timer()
        body = json.dumps({"error": message, "parameter": None}).encode()
        head = (
            b"HTTP/1.1 "
            + _STATUS[status]
            + b"\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
        )
        if not self.transport.is_closing():
            self.transport.write(head + body)
            self.transport.close()


def settle_memory() -> None:
    """Keep the loaded gazetteer out of the garbage collector's full collections.

    Its half a million names and entries live as long as the worker, yet every full collection
    walked them: with two large requests allocating, those took 0.5-1.1 s each and stalled
    every other request, /health included. Freezing moves what exists now to a generation the
    collector skips; an object freed later by its count still goes."""
    gc.collect()
    gc.freeze()


def install_reload(app: Any, load: Any) -> None:
    """On SIGHUP, load the gazetteer again in a thread and swap it in: requests in flight finish
    with the one they started with, the next ones get the new one. (With several workers, uvicorn's
    supervisor receives SIGHUP instead and replaces the workers one by one.)"""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGHUP"):
        return
    loop = asyncio.get_running_loop()

    def reload() -> None:
        try:
            gaz = load()
            _ = gaz.index.fuzzy.arrays
        except Exception as exc:  # a broken edit must not take the server down: keep serving the old data
            log.error("exonym: reload failed, still serving the gazetteer loaded before: %s", exc)
            return
        stats = gaz.stats()
        gc.unfreeze()  # the old gazetteer's cycles, if any, must be collectable once it goes
        app.state.gazetteer = gaz
        app.state.stats = stats
        settle_memory()
        log.warning("exonym: reloaded the gazetteer (%d entries)", len(gaz))

    try:
        loop.add_signal_handler(signal.SIGHUP, lambda: threading.Thread(target=reload, name="exonym-reload", daemon=True).start())
    except (NotImplementedError, RuntimeError, AttributeError):  # Windows' loops take no signal handlers and have no SIGHUP
        log.warning("exonym: this platform cannot reload on SIGHUP; restart the server to load an edited gazetteer")


def serve(*, host: str, port: int, workers: int, log_level: str, on_ready: Any, start_seconds: float = 120.0) -> bool:
    """Run the server until it is stopped; True when it started and ran, False when it never
    became ready. `on_ready()` is called once /health answers."""
    import urllib.request

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "exonym.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=GuardedHttpTools,
        log_level=log_level,
        timeout_keep_alive=5,
    )
    ready = threading.Event()
    stopped = threading.Event()

    def watch() -> None:
        url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}/health"
        deadline = threading.Event()
        for _ in range(int(start_seconds * 10)):
            if stopped.is_set():
                return
            try:
                with urllib.request.urlopen(url, timeout=1) as answer:
                    if answer.status == 200:
                        ready.set()
                        on_ready()
                        return
            except OSError:
                deadline.wait(0.1)
        if not ready.is_set() and not stopped.is_set():
            log.error("exonym: the server did not answer within %g s; stopping", start_seconds)
            signal.raise_signal(signal.SIGTERM)

    threading.Thread(target=watch, name="exonym-ready", daemon=True).start()
    try:
        if workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            uvicorn.Server(config).run()
    finally:
        stopped.set()
    return ready.is_set()
