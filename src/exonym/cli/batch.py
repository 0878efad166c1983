"""exonym batch: resolve whole archives on a Dask cluster (the dask extra), resumably."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from exonym.cli.common import EXIT_DATA, usage


def cmd_batch(args: argparse.Namespace) -> int:
    try:
        from dask.utils import parse_bytes

        from exonym.integrations.archive import input_files
        from exonym.integrations.dask import BatchReport, connect, run_batch
    except ImportError as exc:
        return usage(f"exonym batch needs the dask extra ({exc.name} is missing): pip install 'exonym[dask]'")
    if args.scheduler and args.workers:
        return usage("--workers starts a local cluster; with --scheduler the cluster has its own workers")
    try:
        blocksize = int(parse_bytes(args.blocksize)) if args.blocksize else None
    except ValueError:
        return usage(f"--blocksize: not a size: {args.blocksize!r} (e.g. 16MB)")
    input_files(args.inputs)  # a missing input fails before a cluster starts
    show = sys.stderr.isatty() or args.progress

    def progress(r: BatchReport) -> None:
        if show:
            rate = r.bytes / max(r.seconds, 1e-9) / 1e6
            done = r.reused + r.written + len(r.failed)
            sys.stderr.write(f"\r{done}/{r.partitions} partitions, {r.documents} documents, {r.bytes / 1e6:.1f} MB, {rate:.2f} MB/s")
            sys.stderr.flush()

    with connect(args.scheduler, args.workers) as client:
        report = run_batch(
            args.inputs,
            args.output,
            client=client,
            output_format=args.format,
            blocksize=blocksize,
            lang=args.lang,
            types=args.types,
            include_adjectives=args.adjectives,
            gazetteer=args.gazetteer,
            text_column=args.text_column,
            on_progress=progress,
        )
    _summary(report, show)
    return EXIT_DATA if report.failed or report.errors else 0


def _summary(r: Any, newline: bool) -> None:
    if newline and r.written + len(r.failed):
        sys.stderr.write("\n")
    reused = f", {r.reused} already done" if r.reused else ""
    print(
        f"exonym batch: {r.written} of {r.partitions} partitions written{reused}; {r.documents} documents, {r.errors} with errors, "
        f"{r.bytes / 1e6:.1f} MB in {r.seconds:.1f} s (index loaded in {r.index_seconds:.2f} s per worker)",
        file=sys.stderr,
    )
    for number, why in sorted(r.failed.items()):
        print(f"exonym batch: partition {number} failed: {why}", file=sys.stderr)
    if r.failed:
        print("exonym batch: run the same command again to redo only the failed partitions", file=sys.stderr)


def add_commands(sub: Any) -> None:
    b = sub.add_parser("batch", help="resolve JSONL or Parquet archives on a Dask cluster, partition by partition (resumable)")
    b.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="JSONL or Parquet files, folders or globs; local or any fsspec URL (s3://...)"
    )
    b.add_argument("--output", required=True, metavar="DIR", help="folder for part-NNNNN files and the manifest; rerun to resume")
    b.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://host:8786); default: a local cluster")
    b.add_argument("--workers", type=int, help="worker processes of the local cluster (default: one per core)")
    b.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl", help="output format (default: jsonl)")
    b.add_argument("--blocksize", help="bytes of JSONL per partition, e.g. 16MB (default: about 4 per worker, 1MB to 16MB)")
    b.add_argument("--text-column", default="text", help="Parquet input: the column of texts (default: text)")
    b.add_argument("--lang", help="BCP 47 hint for documents without a lang")
    b.add_argument("--types", help="comma-separated entry types, or place / glossary")
    b.add_argument("--adjectives", action="store_true", help="also report adjectives and demonyms")
    b.add_argument("--gazetteer", help="gazetteer folder, the same path on every worker (default: the bundled one)")
    b.add_argument("--progress", action="store_true", help="show progress on stderr even when it is not a terminal")
    b.set_defaults(func=cmd_batch)
