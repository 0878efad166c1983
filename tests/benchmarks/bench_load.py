"""Cold start: `import exonym` plus loading the bundled gazetteer, in a fresh process each time,
from the compiled cache (the normal case) and without it (YAML parsed and checked), medians of
several runs; and the import of peers for scale. Prints a table. Not a test.

    python tests/benchmarks/bench_load.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CODE_LOAD = "import exonym; g = exonym.load(); g.index; print(len(g))"
CODE_RESOLVE = "import exonym; print(len(exonym.resolve('Talks in Bakı and Ереван')))"


def run(code: str, env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, EXONYM_CACHE_DIR=cache)
        uncached = run(CODE_LOAD, env)  # writes the cache
        warm = [run(CODE_LOAD, env) for _ in range(args.runs)]
        first_resolve = [run(CODE_RESOLVE, env) for _ in range(args.runs)]
        python_only = [run("pass", env) for _ in range(args.runs)]
        peer = [run("import rapidfuzz, yaml, babel", env) for _ in range(args.runs)]
    base = statistics.median(python_only)
    print(f"python start alone:                      {base * 1e3:7.0f} ms")
    print(f"import exonym + load, no cache (YAML):   {uncached * 1e3:7.0f} ms (one run: it writes the cache)")
    print(f"import exonym + load, from the cache:    {statistics.median(warm) * 1e3:7.0f} ms median of {args.runs} "
          f"({(statistics.median(warm) - base) * 1e3:.0f} ms beyond Python's own start)")
    print(f"... and a first resolve():               {statistics.median(first_resolve) * 1e3:7.0f} ms median")
    print(f"peer: import rapidfuzz, yaml, babel:     {statistics.median(peer) * 1e3:7.0f} ms median")


if __name__ == "__main__":
    main()
