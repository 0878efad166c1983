#!/usr/bin/env python
"""Score `exonym lookup` on the subdivision names of tests/eval/subdivisions.tsv.

Usage:
  python tests/eval/score_subdivisions.py [--misses] [--lang-hint] [--file PATH]

Each row is a name of a first-level division or rayon of Azerbaijan, Armenia or Georgia in one
language, from a source other than the importer's input, and the id of the entry it names. The
name is looked up with `exonym.lookup(name, types=DIVISION_TYPES)` (no language hint unless
--lang-hint) and counts as a hit when the expected entry is the first candidate.

Thirteen ISO 3166-2 subdivisions are cities (Baku, Ganja, Yerevan, Tbilisi ...) whose entry has
type `city`: a lookup restricted to division types cannot find them, so their rows are scored on
their own line, with `city` added to the types, and left out of the division figure.

Prints the hit rate overall, by language, and with --misses every row that missed and what the
lookup gave instead.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

import exonym

HERE = Path(__file__).resolve().parent
DIVISION_TYPES = ("first-level-division", "district", "disputed-territory")


def read_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=HERE / "subdivisions.tsv")
    parser.add_argument("--misses", action="store_true", help="list every row that missed")
    parser.add_argument("--lang-hint", action="store_true", help="pass the row's language to lookup")
    args = parser.parse_args()

    gaz = exonym.load()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # group -> [hits, rows]
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for row in read_rows(args.file):
        city = gaz.get(row["entry"]).type == "city"
        types = (*DIVISION_TYPES, "city") if city else DIVISION_TYPES
        found = gaz.lookup(row["name"], lang=row["lang"] if args.lang_hint else None, limit=3, types=types)
        hit = bool(found) and found[0].entry.id == row["entry"]
        group = "city subdivisions" if city else "divisions"
        totals[group][0] += hit
        totals[group][1] += 1
        if not city:
            by_lang[row["lang"]][0] += hit
            by_lang[row["lang"]][1] += 1
        if not hit:
            got = ", ".join(c.entry.id for c in found) or "nothing"
            misses.append(f"{row['lang']}\t{row['name']}\t{row['entry']}\tgot: {got}")

    print(f"{'language':<10} {'rows':>5} {'hits':>5} {'rate':>7}")
    for lang in sorted(by_lang, key=lambda k: (-by_lang[k][1], k)):
        hits, rows = by_lang[lang]
        print(f"{lang:<10} {rows:>5} {hits:>5} {hits / rows:>7.1%}")
    print()
    for group in ("divisions", "city subdivisions"):
        hits, rows = totals[group]
        if rows:
            print(f"{group}: {hits} of {rows} found first ({hits / rows:.1%})")
    if args.misses:
        print("\nmisses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
