"""Load on a running `exonym serve` over loopback: requests/s and p50/p99 latency for /lookup and
for /resolve with a 2 KB article, with 1 and 2 workers, many concurrent connections, for a
bounded time. Uses wrk (Debian package `wrk`) when present, else a Python client. Only 127.0.0.1
is ever targeted. Prints a table. Not a test.

    python tests/benchmarks/bench_server.py [--seconds 10] [--connections 32] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import news_corpus

QUERIES = [
    "Baku",
    "Bakı",
    "Ереван",
    "Gyumri",
    "Stepanakert",
    "Xankendi",
    "Azerbiajan",
    "Tbilisi",
    "Moscow",
    "Tovuz",
    "Նագորնո",
    "Нагорном Карабахе",
    "Gəncə",
    "Tavush",
    "Kirovabad",
    "Leninakan",
    "Shusha",
    "Lachin",
    "Paris",
    "OSCE",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "exonym", "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def wrk(base: str, path: str, seconds: int, connections: int, lua: str | None) -> dict[str, float]:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", base + path]
    if lua:
        cmd[1:1] = ["-s", lua]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        m = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out)
        if not m:
            return float("nan")
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": float(errors.group(1)) if errors else 0.0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }  # type: ignore[dict-item]


def python_client(base: str, path: str, seconds: int, connections: int, body: bytes | None) -> dict[str, float]:
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def worker() -> None:
        conn = HTTPConnection(host, int(port), timeout=10)
        mine = []
        while time.monotonic() < stop:
            t = time.perf_counter()
            if body is None:
                conn.request("GET", path)
            else:
                conn.request("POST", path, body=body, headers={"content-type": "application/json"})
            r = conn.getresponse()
            r.read()
            mine.append(time.perf_counter() - t)
            if r.status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    latencies.sort()
    return {
        "rps": len(latencies) / seconds,
        "p50": latencies[len(latencies) // 2] * 1e3,
        "p99": latencies[int(len(latencies) * 0.99)] * 1e3,
        "errors": float(errors[0]),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    article = next(d for d in news_corpus(200_000) if 1800 <= len(d.encode()) <= 2600)
    body = json.dumps({"text": article}).encode()
    use_wrk = shutil.which("wrk") is not None
    tmp = tempfile.mkdtemp()
    lookup_lua = os.path.join(tmp, "lookup.lua")
    resolve_lua = os.path.join(tmp, "resolve.lua")
    with open(lookup_lua, "w", encoding="utf-8") as fh:
        paths = ", ".join(json.dumps("/lookup?q=" + urllib.parse.quote(q)) for q in QUERIES)
        fh.write(f"local paths = {{{paths}}}\nrequest = function() return wrk.format('GET', paths[math.random(#paths)]) end\n")
    with open(resolve_lua, "w", encoding="utf-8") as fh:
        fh.write("wrk.method = 'POST'\nwrk.headers['Content-Type'] = 'application/json'\n")
        fh.write("wrk.body = " + json.dumps(body.decode()) + "\n")
    print(
        f"client: {'wrk' if use_wrk else 'python threads'}, {args.connections} connections, {args.seconds} s per run, "
        f"article {len(article.encode())} bytes"
    )
    for workers in [int(w) for w in args.workers.split(",")]:
        proc, base = start(workers)
        try:
            for label, path, lua, payload in (("/lookup", "/lookup?q=Baku", lookup_lua, None), ("/resolve", "/resolve", resolve_lua, body)):
                if use_wrk:
                    wrk(base, path, 2, args.connections, lua)  # warm-up: every worker's caches, discarded
                    res = wrk(base, path, args.seconds, args.connections, lua)
                else:
                    res = python_client(
                        base,
                        path if payload else "/lookup?q=" + urllib.parse.quote(random.choice(QUERIES)),
                        args.seconds,
                        args.connections,
                        payload,
                    )
                print(
                    f"workers={workers} {label:<9} {res['rps']:8.0f} req/s  p50 {res['p50']:6.1f} ms  p99 {res['p99']:6.1f} ms  "
                    f"non-2xx {int(res['errors'])} {res.get('socket_errors', '')}"
                )
        finally:
            proc.terminate()
            proc.wait(timeout=20)


if __name__ == "__main__":
    main()
