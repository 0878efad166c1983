#!/usr/bin/env python
"""Resolve throughput against flashtext (and pyahocorasick, exact matching only), measured so that
the ratios hold however loaded the machine is: the peers run in one process, interleaved chunk
by chunk in rotating order, on CPU time (time.process_time), and each figure is the median over
chunks. Not a test; prints tables.

    python tests/benchmarks/bench_resolve.py [--sizes 0,100000,1000000] [--mb 2] [--parts all]

Parts:
  repetitive   news-like documents built from templates, the seed and the golden sentences
               (words recur: the warm path)
  distinct     documents of made-up words, every one new to the process (the cold path), in a
               fresh process per run so that no cache is warm
  long         one document of 1, 2, 4 and 8 MB: time per MB should not grow with the size
  batch        resolve_many on 2 worker processes against one process
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import news_corpus, synthetic_gazetteer


def size_mb(docs: list[str]) -> float:
    return sum(len(d.encode()) for d in docs) / 1e6


def chunks(docs: list[str], n: int) -> list[list[str]]:
    step = max(1, len(docs) // n)
    return [docs[i : i + step] for i in range(0, len(docs), step)]


def interleaved(runners: dict[str, Callable[[str], Any]], docs: list[str], n_chunks: int = 12) -> dict[str, float]:
    """MB/s of each runner: every chunk is run by every runner, in an order that rotates from
    chunk to chunk, timed in CPU seconds; the figure is the median of the chunks' rates."""
    names = list(runners)
    rates: dict[str, list[float]] = {k: [] for k in names}
    for k, chunk in enumerate(chunks(docs, n_chunks)):
        mb = size_mb(chunk)
        order = names[k % len(names) :] + names[: k % len(names)]
        for name in order:
            fn = runners[name]
            gc.collect()
            start = time.process_time()
            for d in chunk:
                fn(d)
            rates[name].append(mb / max(time.process_time() - start, 1e-9))
    return {k: statistics.median(v) for k, v in rates.items()}


def flashtext_runner(names: list[str]) -> Callable[[str], Any] | None:
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        print("flashtext not installed: pip install '.[bench]'")
        return None
    kp = KeywordProcessor(case_sensitive=False)
    # flashtext splits words at every non-ASCII letter unless told they belong to words
    letters = {chr(c) for c in range(0x2FFF) if chr(c).isalnum()}
    kp.set_non_word_boundaries(letters | {"_"})
    for name in names:
        kp.add_keyword(name)
    return kp.extract_keywords  # type: ignore[no-any-return]


def distinct_corpus(size_bytes: int, seed: int) -> list[str]:
    """News-like documents in which about a third of the words are replaced by made-up words of
    the same script and capitalisation: the sentences keep their function words and punctuation,
    but most words are new to the process (the cold path). Generated, not copied text."""
    import re

    rnd = random.Random(seed)
    letters = {"Latn": "abcdefghiklmnoprstuvyz", "Cyrl": "абвгдежзиклмнопрстуфхя", "Armn": "աբգդեզէըթիլխծկհձղճմյնշոչպջռսվտրցփքօֆ"}

    def made_up(word: str) -> str:
        script = "Cyrl" if re.search("[а-яА-Я]", word) else "Armn" if re.search("[\u0530-\u058f]", word) else "Latn"
        new = "".join(rnd.choice(letters[script]) for _ in range(max(3, len(word) + rnd.randint(-2, 2))))
        return new.capitalize() if word[:1].isupper() else new

    docs = []
    for doc in news_corpus(size_bytes, seed=seed + 100):
        docs.append(re.sub(r"\w+", lambda m: made_up(m.group()) if rnd.random() < 0.35 and not m.group().isdigit() else m.group(), doc))
    return docs


def part_repetitive(sizes: list[int], mb: float) -> None:
    import exonym

    docs = news_corpus(int(mb * 1e6))
    print(f"\n## repetitive corpus: {len(docs)} documents, {size_mb(docs):.2f} MB; medians over 12 interleaved chunks (CPU time)")
    print(f"{'gazetteer':>10} {'names':>9} {'exonym MB/s':>12} {'flashtext MB/s':>15} {'ratio':>6} {'peak RSS MB':>12}")
    for size in sizes:
        gc.collect()
        gaz = exonym.load() if size == 0 else synthetic_gazetteer(size)[0]
        _ = gaz.index
        names = [n.text for e in gaz for n in e.names]
        for d in docs[:30]:  # warm
            gaz.resolve(d)
        runners: dict[str, Callable[[str], Any]] = {"exonym": gaz.resolve}
        flash = flashtext_runner(names)
        if flash is not None:
            runners["flashtext"] = flash
        rates = interleaved(runners, docs)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ratio = rates["exonym"] / rates["flashtext"] if "flashtext" in rates else float("nan")
        label = "bundled" if size == 0 else f"+{size:,}"
        print(
            f"{label:>10} {len(names):>9,} {rates['exonym']:>12.2f} {rates.get('flashtext', float('nan')):>15.2f} {ratio:>6.2f} {rss:>12.0f}"
        )


_DISTINCT_CHILD = """
import sys, json, time
sys.path.insert(0, {here!r})
from bench_resolve import distinct_corpus, flashtext_runner, interleaved
import exonym
gaz = exonym.load()
_ = gaz.index.fuzzy.arrays
docs = distinct_corpus({size}, {seed})
flash = flashtext_runner([n.text for e in gaz for n in e.names])
print(json.dumps(interleaved({{"exonym": gaz.resolve, "flashtext": flash}}, docs, 6)))
"""


def part_distinct(mb: float, runs: int = 3) -> None:
    print(f"\n## distinct-word corpus: {mb:.1f} MB per run, a third of its words made up, a fresh process per run (cold caches)")
    ratios = []
    for seed in range(runs):
        code = _DISTINCT_CHILD.format(here=str(Path(__file__).parent), size=int(mb * 1e6), seed=seed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        rates = json.loads(out.stdout.strip().splitlines()[-1])
        ratios.append(rates["exonym"] / rates["flashtext"])
        print(f"run {seed + 1}: exonym {rates['exonym']:.2f} MB/s, flashtext {rates['flashtext']:.2f} MB/s, ratio {ratios[-1]:.3f}")
    print(f"median ratio {statistics.median(ratios):.3f}")


def part_long() -> None:
    import exonym

    gaz = exonym.load()
    base = " ".join(news_corpus(9_000_000))
    print("\n## one long document (CPU seconds; each size once, after a 1 MB warm-up)")
    gaz.resolve(base[:1_000_000])
    times = {}
    for mb in (1, 2, 4, 8):
        text = base[: mb * 1_000_000]
        start = time.process_time()
        gaz.resolve(text)
        times[mb] = time.process_time() - start
        print(f"{mb} MB: {times[mb]:.2f} s ({times[mb] / mb:.2f} s per MB)")
    print(f"8 MB takes {times[8] / times[1]:.1f}x the time of 1 MB (linear would be 8x)")


_BATCH_CHILD = """
import sys, time, json
sys.path.insert(0, {here!r})
from corpus import news_corpus
import exonym
docs = news_corpus({size})
exonym.load()
start = time.perf_counter()
found = list(exonym.resolve_many(docs, workers={workers}))
took = time.perf_counter() - start
print(json.dumps([took, [[(m.start, m.end, m.id, m.score) for m in d] for d in found]]))
"""


def part_batch(mb: float) -> None:
    print(
        f"\n## batch: resolve_many over {mb:.0f} MB of news-like documents, each run in a fresh process (wall-clock seconds, median of 3)"
    )
    times: dict[int, list[float]] = {1: [], 2: []}
    outputs = {}
    for _ in range(3):
        for workers in (1, 2):
            code = _BATCH_CHILD.format(here=str(Path(__file__).parent), size=int(mb * 1e6), workers=workers)
            took, out = json.loads(
                subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()[-1]
            )
            times[workers].append(took)
            outputs[workers] = out
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print(f"1 process {one:.2f} s, 2 workers {two:.2f} s: {one / two:.2f}x; identical output: {outputs[1] == outputs[2]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="0,100000,1000000")
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--parts", default="repetitive,distinct,long,batch")
    args = ap.parse_args()
    parts = args.parts.split(",")
    print(f"exonym compiled core: {(os.environ.get('EXONYM_PURE') and 'off (EXONYM_PURE)') or _compiled()}")
    if "repetitive" in parts:
        part_repetitive([int(s) for s in args.sizes.split(",")], args.mb)
    if "distinct" in parts:
        part_distinct(min(args.mb, 1.0))
    if "long" in parts:
        part_long()
    if "batch" in parts:
        part_batch(max(args.mb, 4.0))


def _compiled() -> str:
    from exonym.compiled import CORE

    return "on" if CORE is not None else "off (not built: pure Python)"


if __name__ == "__main__":
    main()
