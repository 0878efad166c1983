"""The spaCy component's overhead: MB/s of UTF-8 through exonym.resolve alone, spaCy's blank
tokenizer alone, and a blank pipeline with the exonym component (nlp.pipe, and nlp(text) one doc at
a time), on the multilingual news corpus. The peers run interleaved in one process; medians of
`--runs` rounds and their ratio to resolve alone. Not a test.

    python tests/benchmarks/bench_spacy.py [--mb 1] [--runs 3] [--lang xx]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import news_corpus

import exonym


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lang", default="xx", help="spaCy language of the blank pipelines (xx: the resolver guesses per text)")
    args = ap.parse_args()

    import spacy

    docs = news_corpus(int(args.mb * 1e6))
    size = sum(len(d.encode()) for d in docs) / 1e6
    gaz = exonym.load()
    hint = None if args.lang == "xx" else args.lang
    tokenizer = spacy.blank(args.lang)
    nlp = spacy.blank(args.lang)
    nlp.add_pipe("exonym")
    nlp(docs[0])  # load the gazetteer and spaCy's tables before timing

    peers = {
        "exonym.resolve alone": lambda: [gaz.resolve(d, lang=hint) for d in docs],
        "spaCy blank tokenizer alone": lambda: list(tokenizer.pipe(docs)),
        "blank + exonym, nlp.pipe": lambda: list(nlp.pipe(docs, batch_size=64)),
        "blank + exonym, nlp(text) each": lambda: [nlp(d) for d in docs],
        "blank + exonym, pipe + read ents": lambda: [[(e.kb_id_, e._.exonym.score) for e in d.ents] for d in nlp.pipe(docs)],
    }
    times: dict[str, list[float]] = {name: [] for name in peers}
    for _ in range(args.runs):
        for name, run in peers.items():
            t = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - t)
    base = statistics.median(times["exonym.resolve alone"])
    print(f"{len(docs)} documents, {size:.2f} MB, spacy.blank({args.lang!r}), median of {args.runs} interleaved rounds")
    print(f"{'':36} {'MB/s':>7} {'time / resolve':>15}")
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f"{name:36} {size / m:7.2f} {m / base:14.2f}x")


if __name__ == "__main__":
    main()
