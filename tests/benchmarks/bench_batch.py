"""Batch throughput (MB/s of JSONL in, JSONL results out) on the multilingual news corpus:
one process as `exonym resolve --format jsonl` works, exonym.resolve_many on 1 and 2 processes,
and `run_batch` on local Dask clusters of 1 and 2 worker processes. The peers run interleaved,
`--runs` rounds, medians and ratios to the one-process run; the clusters start once (their start
and the index load per worker are reported apart). Then where one partition's time goes: reading,
parsing, resolving, serializing, writing. Not a test.

    python tests/benchmarks/bench_batch.py [--mb 4] [--runs 3] [--blocksize 512kB]
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import news_corpus

import exonym
from exonym.glossary.serialize import mention_dict
from exonym.integrations import records


def one_process(gaz, src: Path, out: Path) -> None:
    with src.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for number, line in enumerate(fh, 1):
            if line.strip():
                dst.write(records.record_line(records.line_record(gaz, line, number, lang=None, types=None, include_adjectives=False)))


def many(src: Path, out: Path, workers: int) -> None:
    with src.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    with out.open("w", encoding="utf-8") as dst:
        results = exonym.resolve_many((d["text"] for d in docs), workers=workers)
        for doc, mentions in zip(docs, results, strict=True):
            dst.write(records.record_line({"id": doc["id"], "mentions": [mention_dict(m) for m in mentions]}))


def breakdown(gaz, src: Path, out: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    data = src.read_bytes()
    lines = data.decode("utf-8").splitlines(keepends=True)
    t1 = time.perf_counter()
    docs = [json.loads(line) for line in lines]
    t2 = time.perf_counter()
    found = [gaz.resolve(d["text"]) for d in docs]
    t3 = time.perf_counter()
    payload = "".join(
        records.record_line({"id": d["id"], "mentions": [mention_dict(m) for m in ms]}) for d, ms in zip(docs, found, strict=True)
    )
    t4 = time.perf_counter()
    out.write_text(payload, encoding="utf-8")
    t5 = time.perf_counter()
    return {"read + split": t1 - t0, "json.loads": t2 - t1, "resolve": t3 - t2, "mention_dict + dumps": t4 - t3, "write": t5 - t4}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--blocksize", default="512kB", help="partition size for run_batch (default 512kB: 8 partitions of 4 MB)")
    args = ap.parse_args()

    from dask.utils import parse_bytes
    from distributed import Client, LocalCluster, get_task_stream

    from exonym.integrations.dask import run_batch

    work = Path(tempfile.mkdtemp(prefix="exonym-bench-batch-"))
    src = work / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(news_corpus(int(args.mb * 1e6))):
            fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    size = src.stat().st_size / 1e6
    gaz = exonym.load()
    blocksize = int(parse_bytes(args.blocksize))

    clusters = {}
    for n in (1, 2):
        t = time.perf_counter()
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL
        )
        client = Client(cluster)
        started = time.perf_counter() - t
        clusters[n] = (cluster, client, started)

    busy: dict[int, list[float]] = {1: [], 2: []}  # seconds spent inside partition tasks, per run

    def batch(n: int, out: Path, first: list[float]) -> None:
        with get_task_stream(clusters[n][1]) as stream:
            report = run_batch([str(src)], str(out), client=clusters[n][1], blocksize=blocksize)
        first.append(report.index_seconds)
        busy[n].append(
            sum(
                ss["stop"] - ss["start"]
                for t in stream.data
                if "exonym-part" in str(t["key"])
                for ss in t["startstops"]
                if ss["action"] == "compute"
            )
        )

    index_load: dict[int, list[float]] = {1: [], 2: []}
    peers = {
        "one process (exonym resolve --format jsonl)": lambda out: one_process(gaz, src, out),
        "resolve_many, 1 process": lambda out: many(src, out, 1),
        "resolve_many, 2 processes": lambda out: many(src, out, 2),
        "run_batch, LocalCluster 1 worker": lambda out: batch(1, out, index_load[1]),
        "run_batch, LocalCluster 2 workers": lambda out: batch(2, out, index_load[2]),
    }
    times: dict[str, list[float]] = {name: [] for name in peers}
    for r in range(args.runs):
        for i, (name, run) in enumerate(peers.items()):
            out = work / f"out-{r}-{i}"
            if "run_batch" not in name:
                out = out.with_suffix(".jsonl")
            t = time.perf_counter()
            run(out)
            times[name].append(time.perf_counter() - t)
            shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink()
    base = statistics.median(times["one process (exonym resolve --format jsonl)"])
    print(f"{size:.2f} MB of JSONL, partitions of {args.blocksize} for run_batch, median of {args.runs} interleaved rounds")
    print(f"{'':46} {'MB/s':>7} {'speed-up':>9}")
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f"{name:46} {size / m:7.2f} {base / m:8.2f}x")
    for n, (cluster, client, started) in clusters.items():
        wall = statistics.median(times[f"run_batch, LocalCluster {n} worker{'s' if n > 1 else ''}"])
        inside = statistics.median(busy[n])
        print(
            f"LocalCluster of {n}: started in {started:.1f} s; index load per worker {index_load[n][0]:.2f} s on the first run, "
            f"{index_load[n][-1]:.3f} s after; inside partition tasks {size / inside:.2f} MB/s of one worker's time, "
            f"workers busy {100 * inside / (wall * n):.0f}% of the run"
        )
        client.close()
        cluster.close()

    steps = breakdown(gaz, src, work / "breakdown.jsonl")
    total = sum(steps.values())
    out_mb = (work / "breakdown.jsonl").stat().st_size / 1e6
    print(f"one partition's time in one process ({size:.2f} MB in, {out_mb:.2f} MB out):")
    for step, seconds in steps.items():
        print(f"  {step:22} {seconds:7.3f} s {100 * seconds / total:5.1f}%")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
