#!/usr/bin/env python
"""A soak of mixed traffic against a real `exonym serve`, with a reload (SIGHUP) in the middle:
counts requests, failures and latency percentiles, and the worker's memory.

    python tests/benchmarks/soak.py [SECONDS]      # 180 by default
"""

from __future__ import annotations

import json
import random
import signal
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import news_corpus

from server_util import rss_mb, running_server


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 180.0
    texts = news_corpus(300_000)
    names = ["Baku", "Gyumri", "Tbilisi", "Stepanakerd", "Ганджа", "Երևան", "Bakı", "Tovuz"]
    lock = threading.Lock()
    latencies: dict[str, list[float]] = {}
    failures: list[str] = []
    stop = threading.Event()

    def client(seed: int, base: str) -> None:
        rnd = random.Random(seed)
        while not stop.is_set():
            kind = rnd.choice(["resolve", "resolve", "lookup", "entry", "render", "health"])
            if kind == "resolve":
                req = urllib.request.Request(
                    base + "/resolve", data=json.dumps({"text": rnd.choice(texts)}).encode(), headers={"content-type": "application/json"}
                )
            elif kind == "render":
                req = urllib.request.Request(
                    base + "/render",
                    data=json.dumps({"text": rnd.choice(texts), "to": "ru", "style": "neutral"}).encode(),
                    headers={"content-type": "application/json"},
                )
            elif kind == "lookup":
                req = urllib.request.Request(base + "/lookup?q=" + urllib.parse.quote(rnd.choice(names)))
            elif kind == "entry":
                req = urllib.request.Request(base + "/entries/" + rnd.choice(["baku", "gyumri", "khankendi", "tovuz-district"]))
            else:
                req = urllib.request.Request(base + "/health")
            started = time.monotonic()
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    r.read()
                    ok = r.status == 200
            except (urllib.error.URLError, OSError) as exc:
                ok = True  # counted here, with its reason
                failures.append(f"{kind}: {exc}")
            with lock:
                latencies.setdefault(kind, []).append(time.monotonic() - started)
                if not ok:
                    failures.append(f"{kind}: not 200")

    with running_server("--workers", "1") as (base, proc):
        threads = [threading.Thread(target=client, args=(k, base)) for k in range(4)]
        for t in threads:
            t.start()
        time.sleep(seconds / 2)
        proc.send_signal(signal.SIGHUP)
        time.sleep(seconds / 2)
        stop.set()
        for t in threads:
            t.join()
        memory = rss_mb(proc.pid)
    total = sum(len(v) for v in latencies.values())
    print(f"{seconds:.0f} s of traffic from 4 clients, SIGHUP reload at {seconds / 2:.0f} s: {total:,} requests, {len(failures)} failed")
    for kind, values in sorted(latencies.items()):
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"  {kind:8} {len(values):6,} requests  p50 {statistics.median(values) * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms")
    print(f"worker memory at the end: {memory:.0f} MB")
    for f in failures[:10]:
        print("  failed:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
