"""The world layer's cost, in one run: load from the compiled cache (fresh process, with and
without the layer), resident memory after loading and resolving, and resolve throughput with the
layer as a ratio against without it (on two corpora), timed chunk by chunk interleaved (so machine load swings
hit both alike). Prints medians. Not a test.

    python tests/benchmarks/bench_layer.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import exonym

LOAD = (
    "import exonym; g = exonym.load(layers={layers}); g.resolve('Talks in Bakı and Ереван'); "
    "print(open('/proc/self/status').read().split('VmRSS:')[1].split()[0])"
)


def fresh(layers: bool) -> tuple[float, float]:
    """(seconds, resident MB at the end) of a fresh process loading from the cache and resolving a text."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", LOAD.format(layers=layers)], check=True, capture_output=True, text=True)
    return time.perf_counter() - t, int(out.stdout.split()[-1]) / 1024


def chunks() -> list[str]:
    """The evaluation sentences and the seed article, in chunks of about 4 KB."""
    import yaml

    root = Path(__file__).resolve().parents[1]
    texts = [
        c["text"]
        for f in ("heldout.yaml", "careful_reader.yaml", "world.yaml")
        for c in yaml.safe_load((root / "eval" / f).read_text(encoding="utf-8"))["cases"]
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root.parent / "seeds").glob("*.txt"))]
    out, buf = [], ""
    for t in texts:
        buf += t + "\n"
        if len(buf) > 4000:
            out.append(buf)
            buf = ""
    return out + ([buf] if buf else [])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with_layer, without = exonym.load(layers=True), exonym.load(layers=False)
    loads = {True: [], False: []}
    for _ in range(args.rounds):
        for layers in (True, False):
            loads[layers].append(fresh(layers))
    for layers in (True, False):
        secs = statistics.median(s for s, _ in loads[layers])
        rss = statistics.median(r for _, r in loads[layers])
        print(f"fresh process, cached load + one resolve, layers={layers}: {secs:.2f} s, resident {rss:.0f} MB")
    from corpus import news_corpus

    # Two corpora: the evaluation sentences (written to name world places: the layer finds about
    # half as many mentions again there, and each costs its reading) and generated wire copy
    # about the Caucasus (corpus.news_corpus), where it finds few more.
    for label, texts in (("evaluation sentences", chunks()), ("generated news", news_corpus(300_000))):
        for t in texts:  # warm both
            with_layer.resolve(t), without.resolve(t)
        ratios = []
        for _ in range(args.rounds):
            a = b = 0.0
            for t in texts:
                s = time.process_time()
                with_layer.resolve(t)
                a += time.process_time() - s
                s = time.process_time()
                without.resolve(t)
                b += time.process_time() - s
            ratios.append(b / a)
        size = sum(len(t.encode()) for t in texts) / 1e6
        found = sum(len(with_layer.resolve(t)) for t in texts), sum(len(without.resolve(t)) for t in texts)
        print(
            f"{label}: {size:.2f} MB in {len(texts)} chunks, {found[0]:,} mentions with the layer, {found[1]:,} without; "
            f"throughput with the layer / without (CPU time), median of {args.rounds}: {statistics.median(ratios):.2f}"
        )
    print(f"entries: {len(with_layer):,} with the layer, {len(without):,} without")


if __name__ == "__main__":
    main()
