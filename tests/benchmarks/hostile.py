#!/usr/bin/env python
"""Hostile requests against a real `exonym serve`, tabulated: tried / 5xx / hangs / wrong 2xx, and the
worker's memory before and after. Not part of the test suite (it takes a few minutes).

    python tests/benchmarks/hostile.py
"""

from __future__ import annotations

import json
import random
import socket
import string
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from server_util import rss_mb, running_server


def words(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    return " ".join(
        rnd.choice(string.ascii_uppercase) + "".join(rnd.choice("aeioukrstnmlbvz") for _ in range(rnd.randint(4, 12))) for _ in range(n)
    )


def call(
    base: str, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None, timeout: float = 40
) -> tuple[int | None, bytes]:
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except TimeoutError:
        return None, b""
    except (urllib.error.URLError, ConnectionError) as exc:
        return -1, str(exc).encode()


def raw(base: str, data: bytes, timeout: float = 30) -> tuple[int | None, bytes]:
    host, port = base.removeprefix("http://").split(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout) as s:
            s.sendall(data)
            got = s.recv(4096)
    except TimeoutError:
        return None, b""
    except OSError as exc:
        return -1, str(exc).encode()
    try:
        return int(got.split(b" ", 2)[1]), got
    except (IndexError, ValueError):
        return -1, got


def cases() -> list[tuple[str, str, Any]]:
    """(group, description, request): request is (method, path, body, headers) or ("raw", bytes)."""
    js = {"content-type": "application/json"}
    out: list[tuple[str, str, Any]] = []
    for text in [
        "",
        "\x00\x01\x02",
        "\ud7ff𝔘\u0301",
        "Baku\u200b\u202eYerevan",
        "Baku " * 25_000,
        words(150_000, 1),
        "a" * 1_000_000,
        "\u0301" * 300_000,
        "Ա" * 500_000,
        "🇦🇿" * 200_000,
    ]:
        body = json.dumps({"text": text}).encode("utf-8", "surrogatepass")
        out.append(("resolve", f"text of {len(text):,} chars starting {text[:12]!r}", ("POST", "/resolve", body, js)))
    for bad in [
        b"{not json",
        b'{"text": "\xff\xfe"}',
        b'{"text": 5}',
        b'{"text": "Baku", "include_adjectives": "yes"}',
        b'{"text": "Baku", "types": ["planet"]}',
        b'{"text": "Baku", "lang": "!!"}',
        b"[]",
        b"null",
        b'{"text": "Baku", "locale": "' + b"x" * 100 + b'"}',
        b'{"text": "' + b"x" * 1_100_000 + b'"}',
    ]:
        out.append(("resolve-bad", repr(bad[:40]), ("POST", "/resolve", bad, js)))
    for q in [
        "",
        " ",
        "x" * 257,
        "Bak%FF",
        "%00",
        "Baku&limit=0",
        "Baku&limit=101",
        "Baku&limit=x",
        "Baku&type=planet",
        "Baku&lang=zz-!!",
        "Baku&locale=!!",
        "Baku&locale=en&style=tabloid",
        words(40, 3)[:256],
    ]:
        out.append(("lookup", q[:30], ("GET", "/lookup?q=" + (q if "%" in q or "&" in q else urllib.parse.quote(q)), None, {})))
    for path in [
        "/entries/baku",
        "/entries/gyumry",
        "/entries/" + "x" * 300,
        "/entries?parent=atlantis",
        "/entries?type=planet",
        "/entries?offset=-1",
        "/entries?limit=1000",
        "/entries/baku/names",
        "/export?format=csv&langs=en,ru",
        "/export?format=xml&langs=en",
        "/export?format=csv&langs=en&within=atlantis",
        "/nothing",
        "/resolve",
    ]:
        out.append(("entries", path[:40], ("GET", path, None, {})))
    for body in [
        b'{"text": "Baku", "to": "ru"}',
        b'{"text": "Baku", "to": "!!"}',
        b'{"text": "\\ud800 Baku", "to": "ru"}',
        b'{"text": "Baku"}',
        b'{"text": "Baku", "to": "ru", "style": "tabloid"}',
    ]:
        out.append(("render", repr(body[:40]), ("POST", "/render", body, js)))
    out.append(("head", "200 KB header", ("raw", b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n")))
    out.append(("head", "head never finished", ("raw", b"GET /health HTTP/1.1\r\nHost: x\r\n")))
    out.append(
        (
            "head",
            "body never finished",
            ("raw", b"POST /resolve HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"),
        )
    )
    out.append(
        (
            "head",
            "content-length 300 MB",
            ("raw", b"POST /resolve HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 300000000\r\n\r\n{"),
        )
    )
    out.append(("head", "garbage", ("raw", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + bytes(range(200)))))
    return out


def main() -> int:
    table: dict[str, list[int]] = {}
    with running_server(env={"EXONYM_HEAD_SECONDS": "5", "EXONYM_BODY_SECONDS": "5"}) as (base, proc):
        before = rss_mb(proc.pid)
        peak = before
        for group, what, request in cases():
            started = time.monotonic()
            if request[0] == "raw":
                status, _body = raw(base, request[1])
            else:
                status, _body = call(base, *request)
            took = time.monotonic() - started
            row = table.setdefault(group, [0, 0, 0, 0])
            row[0] += 1
            hang = status is None or took > 30
            server_error = status is not None and status >= 500 and status not in (503, 504)
            wrong_2xx = status == 200 and group in ("resolve-bad",)
            row[1] += server_error
            row[2] += hang
            row[3] += wrong_2xx
            peak = max(peak, rss_mb(proc.pid))
            print(f"{group:12} {status!s:>4} {took:6.2f}s  {what}")
        after = rss_mb(proc.pid)
    print(f"\n{'group':12} {'tried':>5} {'5xx':>4} {'hangs':>5} {'wrong 2xx':>9}")
    for group, (n, e5, hangs, wrong) in table.items():
        print(f"{group:12} {n:5} {e5:4} {hangs:5} {wrong:9}")
    total = [sum(r[i] for r in table.values()) for i in range(4)]
    print(f"{'all':12} {total[0]:5} {total[1]:4} {total[2]:5} {total[3]:9}")
    print(
        f"\nworker memory: {before:.0f} MB before, {peak:.0f} MB at most, {after:.0f} MB after (5xx counts 500-502; 503/504 are the documented limits)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
