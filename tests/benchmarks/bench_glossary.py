"""Glossary and editors' tools, each against a peer measured in the same run (medians):

- render (resolve + name_in + splice) vs resolve alone, on the news corpus;
- name_in per call vs a plain scan of the entry's names for the language;
- TBX and CSV export of the South Caucasus in four languages vs serialising the same rows with
  the csv module alone;
- fmt --check of the whole gazetteer vs composing its YAML with libyaml (the least any tool
  reading these files must do).

    python tests/benchmarks/bench_glossary.py [--runs 5]
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from corpus import news_corpus

import exonym
from exonym.data.folder import bundled_path, entry_files
from exonym.edit.fmt import format_files
from exonym.glossary.export import export, select
from exonym.glossary.render import render


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    root = bundled_path()
    files = entry_files(root)
    fmt_t = median_time(lambda: format_files(files, root, write=False), max(1, args.runs // 2))

    def compose_all() -> None:
        for f in files:  # one tree at a time, as fmt holds them (a list of all would tax the GC)
            yaml.compose(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    compose_t = median_time(compose_all, max(1, args.runs // 2))
    print(f"fmt --check {fmt_t:5.1f} s for {len(files)} files   libyaml compose {compose_t:.1f} s   ratio {fmt_t / compose_t:.1f}x")

    gaz = exonym.load()
    _ = gaz.index.fuzzy.arrays
    docs = news_corpus(200_000)
    size = sum(len(d.encode()) for d in docs) / 1e6

    def cold(fn):  # the gazetteer keeps name_in's answers: measure without them too
        def run() -> None:
            gaz._names.clear()
            fn()

        return run

    resolve_t = median_time(lambda: [gaz.resolve(d) for d in docs], args.runs)
    render_cold = median_time(cold(lambda: [render(gaz, d, to="ru", style="neutral") for d in docs]), args.runs)
    render_t = median_time(lambda: [render(gaz, d, to="ru", style="neutral") for d in docs], args.runs)
    print(
        f"render  {size / render_t:6.2f} MB/s warm, {size / render_cold:.2f} MB/s with no names kept   "
        f"resolve {size / resolve_t:6.2f} MB/s   render/resolve time {render_t / resolve_t:.2f}x warm, {render_cold / resolve_t:.2f}x cold"
    )

    ids = [e.id for e in select(gaz, within=["azerbaijan", "armenia", "georgia"])]
    calls = [(i, loc) for i in ids for loc in ("ru", "hy", "az-Cyrl-AZ", "en")]
    name_cold = median_time(cold(lambda: [gaz.name_in(i, loc, style="neutral") for i, loc in calls]), args.runs)
    name_t = median_time(lambda: [gaz.name_in(i, loc, style="neutral") for i, loc in calls], args.runs)
    scan_t = median_time(lambda: [[n for n in gaz.get(i).names if loc.split("-")[0] in n.langs] for i, loc in calls], args.runs)
    print(
        f"name_in {name_cold / len(calls) * 1e6:6.1f} us/call cold, {name_t / len(calls) * 1e6:.1f} us warm   "
        f"plain language scan {scan_t / len(calls) * 1e6:.1f} us/call   ratio {name_cold / scan_t:.1f}x cold, {name_t / scan_t:.1f}x warm"
    )

    within = ["azerbaijan", "armenia", "georgia"]
    tbx_t = median_time(cold(lambda: export(gaz, "tbx", langs="ru,en,hy,az", within=within)), args.runs)
    csv_t = median_time(cold(lambda: export(gaz, "csv", langs="ru,en,hy,az", within=within)), args.runs)
    rows = [[e.id, e.type, e.name, *[n.text for n in e.names[:4]]] for e in select(gaz, within=within)]
    peer_t = median_time(lambda: csv.writer(io.StringIO()).writerows(rows), args.runs)
    print(
        f"export  tbx {tbx_t * 1e3:6.0f} ms  csv {csv_t * 1e3:5.0f} ms  ({len(rows)} entries; csv module alone {peer_t * 1e3:.1f} ms, csv export {csv_t / peer_t:.0f}x)"
    )


if __name__ == "__main__":
    main()
