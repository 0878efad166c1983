"""Lookup latency (p50, p99) for misspelled names at 100,000 and 1,000,000 synthetic names,
against rapidfuzz.process.extractOne over all names (the brute force), and how often our top-1
agrees with the brute force's best match. Prints a table. Not a test.

    python tests/benchmarks/bench_lookup.py [--sizes 100000,1000000] [--queries 1000] [--brute 200]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).parent))
from corpus import synthetic_gazetteer

from exonym.text.normalize import latin_key

LOOKUP_CUTOFF = 78  # exonym.resolver.resolution.lookup's fuzzy cutoff


def misspell(name: str, rng: random.Random) -> str:
    chars = list(name)
    for _ in range(rng.choice((1, 2))):
        i = rng.randrange(1, len(chars))  # keep the capital: a reporter's typo, not a new word
        op = rng.choice(("sub", "del", "ins", "swap"))
        letter = rng.choice("aeioulnrstkmbd")
        if op == "sub":
            chars[i] = letter
        elif op == "del" and len(chars) > 6:
            del chars[i]
        elif op == "ins":
            chars.insert(i, letter)
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--brute", type=int, default=200, help="queries also run through the brute force")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    rng = random.Random(5)
    for size in [int(s) for s in args.sizes.split(",")]:
        t = time.perf_counter()
        gaz, names = synthetic_gazetteer(size)
        _ = gaz.index  # build it now, inside the timing
        build = time.perf_counter() - t
        long_names = [n for n in names if len(n) >= 8]
        queries = [(misspell(n, rng), n) for n in rng.sample(long_names, args.queries)]
        gaz.lookup(queries[0][0])
        times = []
        tops = []
        for q, _ in queries:
            t = time.perf_counter()
            found = gaz.lookup(q, limit=1)
            times.append(time.perf_counter() - t)
            tops.append(found[0].entry.id if found else None)
        # The brute force: every Latin key of every name, scored with the same ratio.
        key_owner: dict[str, set[str]] = {}
        for e in gaz:
            for n in e.names:
                key_owner.setdefault(latin_key(n.text), set()).add(e.id)
        all_keys = list(key_owner)
        agree = 0
        brute_times = []
        wratio_times = []
        sample = list(range(min(args.brute, len(queries))))
        for i in sample:
            q = latin_key(queries[i][0])
            t = time.perf_counter()
            best = process.extractOne(q, all_keys, scorer=fuzz.ratio)
            brute_times.append(time.perf_counter() - t)
            tied = {k for k, s, _ in process.extract(q, all_keys, scorer=fuzz.ratio, limit=20) if s >= best[1] - 1e-6}
            owners = set().union(key_owner[best[0]], *(key_owner[k] for k in tied))
            # Below the lookup's cutoff the brute force's best is no match either: both say none.
            agree += tops[i] in owners or (tops[i] is None and best[1] < LOOKUP_CUTOFF)
            if args.verbose and not (tops[i] in owners or (tops[i] is None and best[1] < LOOKUP_CUTOFF)):
                print("  disagree:", queries[i][0], "->", tops[i], "| brute:", best[0], round(best[1], 1), sorted(owners)[:3])
        for i in sample[:20]:
            t = time.perf_counter()
            process.extractOne(queries[i][0], names, scorer=fuzz.WRatio)
            wratio_times.append(time.perf_counter() - t)
        found_rate = sum(1 for (q, n), top in zip(queries, tops, strict=True) if top and n in [x.text for x in gaz.get(top).names]) / len(
            queries
        )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        p50, p99 = pct(times, 0.5) * 1e3, pct(times, 0.99) * 1e3
        brute_p50 = statistics.median(brute_times) * 1e3
        print(
            f"{size:>9,} names (+bundled {len(all_keys):,} keys) build {build:.1f}s | exonym lookup p50 {p50:.2f} ms p99 {p99:.2f} ms "
            f"({1e3 / p50:.0f} q/s) | brute extractOne(ratio) p50 {brute_p50:.1f} ms ({brute_p50 / p50:.0f}x slower), "
            f"WRatio {statistics.median(wratio_times) * 1e3:.0f} ms | top-1 agrees with brute force {agree}/{len(sample)} "
            f"| intended name found {found_rate:.1%} | max RSS {rss:.0f} MB"
        )
        del gaz, names, key_owner, all_keys


if __name__ == "__main__":
    main()
