"""Cold start: `import exonym` plus loading the bundled gazetteer, in a fresh process each time,
from the compiled cache (the normal case) and without it (YAML parsed and checked), medians of
several runs; and the import of peers for scale. Prints a table. Not a test.

    python tests/benchmarks/bench_load.py [--runs 5]
    python tests/benchmarks/bench_load.py --synthetic 1000000   # memory of a compiled 1M-name index
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
    print(
        f"import exonym + load, from the cache:    {statistics.median(warm) * 1e3:7.0f} ms median of {args.runs} "
        f"({(statistics.median(warm) - base) * 1e3:.0f} ms beyond Python's own start)"
    )
    print(f"... and a first resolve():               {statistics.median(first_resolve) * 1e3:7.0f} ms median")
    print(f"peer: import rapidfuzz, yaml, babel:     {statistics.median(peer) * 1e3:7.0f} ms median")


if __name__ == "__main__" and "--synthetic" not in sys.argv:
    main()


def memory_at(n_names: int) -> None:
    """Resident memory of a process that loads a compiled index of `n_names` extra names from its
    cache file, as a server does: `python bench_load.py --synthetic 1000000`."""
    import pickle
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import synthetic_gazetteer

    gaz, _ = synthetic_gazetteer(n_names)
    gaz.index  # noqa: B018
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as fh:
        pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
    code = (
        "import pickle, time, resource, exonym\n"
        "rss = lambda: int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS')).split()[1]) / 1024\n"
        f"t = time.perf_counter(); g = pickle.load(open({fh.name!r}, 'rb')); load = time.perf_counter() - t\n"
        "g.lookup('Azerbiajan'); g.resolve('Talks in Bakı, Ереван and Tbilisi.')\n"
        "print(f'{load:.2f} s to load, {rss():.0f} MB resident after a lookup and a resolve, peak '"
        " f'{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    os.unlink(fh.name)
    print(f"compiled index with {n_names:,} extra names: {out}")


if __name__ == "__main__" and "--synthetic" in sys.argv:
    memory_at(int(sys.argv[sys.argv.index("--synthetic") + 1]))
