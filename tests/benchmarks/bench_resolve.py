"""Resolve throughput (MB/s of UTF-8, one document at a time) on a multilingual news corpus, with
the bundled gazetteer and with synthetic gazetteers of 100,000 and 1,000,000 extra names,
against flashtext's extract_keywords and pyahocorasick (exact matching only) on the same names
and text. Medians of several runs; prints a table. Not a test.

    python tests/benchmarks/bench_resolve.py [--sizes 0,100000,1000000] [--mb 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import news_corpus, synthetic_gazetteer


def mb(docs: list[str]) -> float:
    return sum(len(d.encode()) for d in docs) / 1e6


def timed(fn, docs: list[str], runs: int) -> float:
    fn(docs[0])
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for d in docs:
            fn(d)
        times.append(time.perf_counter() - t)
    return mb(docs) / statistics.median(times)


def peers(all_names: list[str]):
    out = {}
    try:
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=False)
        # flashtext splits words at every non-ASCII letter unless told they belong to words
        letters = {chr(c) for c in range(0x2FFF) if chr(c).isalnum()}
        kp.set_non_word_boundaries(letters | {"_"})
        for name in all_names:
            kp.add_keyword(name)
        out["flashtext"] = kp.extract_keywords
    except ImportError:
        print("flashtext not installed: pip install '.[bench]'")
    try:
        import ahocorasick

        auto = ahocorasick.Automaton()
        for name in all_names:
            key = name.lower()
            auto.add_word(key, (len(key), name))
        auto.make_automaton()

        def aho(text: str):
            low = text.lower()  # same length for these scripts; a boundary check as a real matcher needs
            found = []
            last = -1
            for end, (length, name) in auto.iter_long(low):
                start = end - length + 1
                if start > last and (start == 0 or not low[start - 1].isalnum()) and (end + 1 == len(low) or not low[end + 1].isalnum()):
                    found.append((start, end + 1, name))
                    last = end
            return found

        out["pyahocorasick"] = aho
    except ImportError:
        print("pyahocorasick not installed: pip install '.[bench]'")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="0,100000,1000000")
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    docs = news_corpus(int(args.mb * 1e6))
    print(f"corpus: {len(docs)} documents, {mb(docs):.2f} MB")
    import exonym

    for size in [int(s) for s in args.sizes.split(",")]:
        gc.collect()
        t = time.perf_counter()
        if size == 0:
            gaz = exonym.load()
            label = "bundled"
        else:
            gaz, _ = synthetic_gazetteer(size)
            label = f"+{size:,}"
        _ = gaz.index  # build it now, inside the timing
        build = time.perf_counter() - t
        ours = timed(gaz.resolve, docs, args.runs)
        mentions = sum(len(gaz.resolve(d)) for d in docs[:50]) / mb(docs[:50])
        rss_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before any peer is built
        names = [n.text for e in gaz for n in e.names]
        row = {"exonym": ours}
        for name, fn in peers(names).items():
            row[name] = timed(fn, docs, args.runs)
        ratios = ", ".join(f"{k} {v:.2f} MB/s ({row['exonym'] / v:.2f}x)" for k, v in row.items() if k != "exonym")
        print(
            f"{label:>10} names={len(names):>9,} build={build:6.1f}s  exonym {ours:.2f} MB/s ({mentions:.0f} mentions/MB) | {ratios} | peak RSS with exonym's index {rss_ours:.0f} MB"
        )


if __name__ == "__main__":
    main()
