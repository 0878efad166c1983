"""Subcommands that use the resolver: resolve, lookup, show, serve."""

from __future__ import annotations

import argparse
import bisect
import contextlib
import json
import os
import sys
from typing import Any, TextIO

from exonym.cli.common import ServeError, gazetteer_path, load_gazetteer, notice, read_input, split_types
from exonym.cli.progress import Progress, wanted
from exonym.errors import InputError


def _print_mentions_text(text: str, mentions: list[Any], out: TextIO) -> None:
    if not mentions:
        out.write("no places or terms found\n")
        return
    width = max(len(m.text) for m in mentions)
    # line numbers from one list of line starts: counting newlines per mention took 25 s on 5 MB
    line_starts = [0, *(k + 1 for k, ch in enumerate(text) if ch == "\n")]
    for m in mentions:
        line = bisect.bisect_right(line_starts, m.start)
        adjective = " (adjective)" if m.is_adjective else ""
        out.write(
            f"line {line:<4} @{m.start:<7} {m.text:<{width}}  -> {m.entry.id} ({m.entry.type}, {m.entry.name}){adjective}  {m.score:5.1f} {m.method}\n"
        )


def cmd_resolve(args: argparse.Namespace) -> int:
    from exonym.glossary.serialize import mention_dict

    gaz = load_gazetteer(getattr(args, "gazetteer", None))
    types = split_types(args.types)
    if args.format == "jsonl":
        return _resolve_jsonl(gaz, args, types)
    text = read_input(args.file)
    mentions = _resolve_text(gaz, text, args, types)
    if args.format == "json":
        json.dump({"mentions": [mention_dict(m) for m in mentions], "offsets": "code points"}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_mentions_text(text, mentions, sys.stdout)
    return 0


def _resolve_text(gaz: Any, text: str, args: argparse.Namespace, types: list[str] | None) -> list[Any]:
    """One document, with a progress line (stage, share, time left) while a long one runs."""
    from exonym.resolver.budget import Budget, fraction_done

    progress = Progress("resolving", enabled=wanted(args.progress), unit="characters")

    def report(stage: str, position: int, length: int) -> None:
        progress.update(position, stage=stage, total=length, share=fraction_done(stage, position, length))

    mentions: list[Any] = gaz.resolve(
        text, lang=args.lang, types=types, include_adjectives=args.adjectives, budget=Budget(on_progress=report)
    )
    if progress.drawn or args.progress:  # a short text on a terminal needs no summary line
        progress.finish(f"resolving: {len(text):,} characters, {len(mentions):,} mentions")
    return mentions


def _resolve_jsonl(gaz: Any, args: argparse.Namespace, types: list[str] | None) -> int:
    """One document per line in, one result per line out, streaming; a bad line gets an error
    record and the rest go on."""

    from_stdin = args.file in (None, "-")
    size = None if from_stdin else os.path.getsize(args.file)
    progress = Progress("resolving", enabled=wanted(args.progress), total=size, unit="MB")
    bad = 0
    with contextlib.ExitStack() as stack:
        source = sys.stdin if from_stdin else stack.enter_context(open(args.file, encoding="utf-8", errors="strict"))
        bad = _stream(gaz, args, types, source, progress)
    return 1 if bad else 0


def _stream(gaz: Any, args: argparse.Namespace, types: list[str] | None, source: Any, progress: Progress) -> int:
    from exonym.integrations.records import line_record, record_line  # the same records as exonym batch

    bad = documents = size = 0
    try:
        for number, line in enumerate(source, 1):
            size += len(line.encode("utf-8"))
            if not line.strip():
                continue
            record = line_record(gaz, line, number, lang=args.lang, types=types, include_adjectives=args.adjectives)
            bad += "error" in record
            documents += 1
            sys.stdout.write(record_line(record))
            progress.update(size, note=f"{documents:,} documents")
    except UnicodeDecodeError as exc:
        raise InputError(f"the input is not valid UTF-8 (byte {exc.start})") from None
    finally:
        progress.finish(f"resolving: {documents:,} documents, {size / 1e6:,.1f} MB, {bad:,} with errors")
    return bad


def cmd_lookup(args: argparse.Namespace) -> int:
    from exonym.glossary.serialize import candidate_dict

    gaz = load_gazetteer(getattr(args, "gazetteer", None))
    candidates = gaz.lookup(args.query, lang=args.lang, limit=args.limit, types=split_types(args.types))
    if args.format == "json":
        json.dump({"query": args.query, "candidates": [candidate_dict(c) for c in candidates]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not candidates:
        print("no close match")
    else:
        for c in candidates:
            print(f"{c.score:5.1f}  {c.entry.id:<32} {c.entry.type:<20} {c.entry.name}   via {c.name.text!r} ({c.name.lang}, {c.method})")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from exonym.glossary.serialize import entry_dict

    gaz = load_gazetteer(getattr(args, "gazetteer", None))
    entry = gaz.get(args.id)
    if args.format == "json":
        json.dump(entry_dict(entry), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{entry.name}  [{entry.id}]  {entry.type}")
    if entry.parents:
        print("  in: " + ", ".join(f"{gaz.get(p).name} [{p}]" for p in entry.parents if p in gaz))
    if also := gaz.covering(entry.id):
        print("  also within: " + ", ".join(f"{gaz.get(a).name} [{a}]" for a in also))
    if entry.covers:
        print("  covers: " + ", ".join(f"{gaz.get(c).name} [{c}]" for c in entry.covers if c in gaz))
    if entry.ids:
        print("  ids: " + ", ".join(f"{k} {v}" for k, v in entry.ids.items()))
    if entry.coordinates:
        print(f"  coordinates: {entry.coordinates.lat}, {entry.coordinates.lon}")
    if entry.population:
        print(f"  population: {entry.population:,}")
    if entry.period:
        print(f"  period: {entry.period}")
    by_lang: dict[str, list[Any]] = {}
    for n in entry.names:
        by_lang.setdefault(n.lang, []).append(n)
    print(f"  names ({len(entry.names)} in {len(by_lang)} languages):")
    for lang in sorted(by_lang, key=lambda k: (k == "und", k)):
        for n in by_lang[lang]:
            extra = [n.kind]
            if n.preferred:
                extra.append("preferred")
            if n.period:
                extra.append(str(n.period))
            if n.used_by:
                extra.append("used by " + ", ".join(n.used_by))
            langs = ",".join(n.langs)
            print(f"    {langs[:28]:<28} {n.text}  ({'; '.join(extra)}; sources: {', '.join(n.sources)})")
    if entry.notes:
        print(f"  notes: {entry.notes}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Load (and compile) the gazetteer here first, so that a data error or a busy port is one
    clear line and exit 1 before any worker starts; then serve, and say when it is ready."""
    import os
    import socket

    from exonym.api.server import serve
    from exonym.gazetteer import load_path

    root = gazetteer_path(args.gazetteer)
    os.environ["EXONYM_GAZETTEER"] = str(root.resolve())
    if args.cors:
        os.environ["EXONYM_CORS_ORIGINS"] = args.cors
    notice(f"loading the gazetteer at {root} ...")
    gaz = load_path(root)
    try:
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as exc:
        raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", parameter="port") from None
    url = f"http://{args.host}:{args.port}/"
    notice(f"starting {args.workers} worker(s) for {len(gaz):,} entries at {url}")

    def ready() -> None:
        notice(f"ready: open {url} in a browser, the API reference is at {url}docs (Ctrl-C stops; SIGHUP reloads the gazetteer)")

    if not serve(host=args.host, port=args.port, workers=args.workers, log_level=args.log_level, on_ready=ready):
        raise ServeError(f"the server at {url} did not start; see the messages above")
    return 0


def add_commands(sub: Any) -> None:
    r = sub.add_parser("resolve", help="find and resolve every place and term in a text")
    r.add_argument("file", nargs="?", help="UTF-8 text file, or - for standard input (default)")
    r.add_argument("--lang", help="BCP 47 hint for the text's language (optional)")
    r.add_argument("--types", help="comma-separated entry types, or place / glossary")
    r.add_argument("--format", choices=["text", "json", "jsonl"], default="text", help='jsonl: one {"id", "text"} document per line')
    r.add_argument("--adjectives", action="store_true", help="also report adjectives and demonyms (Armenian, russe ...)")
    r.add_argument(
        "--progress", action="store_true", help="show progress (share done, rate, time left) on stderr even when it is not a terminal"
    )
    r.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    r.set_defaults(func=cmd_resolve)

    lk = sub.add_parser("lookup", help="rank entries for one name in any script or form")
    lk.add_argument("query")
    lk.add_argument("--lang")
    lk.add_argument("--limit", type=int, default=5)
    lk.add_argument("--types")
    lk.add_argument("--format", choices=["text", "json"], default="text")
    lk.add_argument("--gazetteer")
    lk.set_defaults(func=cmd_lookup)

    sh = sub.add_parser("show", help="an entry's card: names by language, sources, identifiers, parents")
    sh.add_argument("id")
    sh.add_argument("--format", choices=["text", "json"], default="text")
    sh.add_argument("--gazetteer")
    sh.set_defaults(func=cmd_show)

    sv = sub.add_parser("serve", help="run the HTTP API (OpenAPI docs at /docs)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1)
    sv.add_argument("--gazetteer")
    sv.add_argument("--cors", help="comma-separated allowed origins (CORS is off by default)")
    sv.add_argument("--log-level", default="warning")
    sv.set_defaults(func=cmd_serve)
