"""Glossary commands: `exonym name`, `exonym render`, `exonym export`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from exonym.cli.common import load_gazetteer, read_input
from exonym.cli.progress import Progress, wanted


def cmd_name(args: argparse.Namespace) -> int:
    gaz = load_gazetteer(args.gazetteer)
    for locale in args.to.split(","):
        chosen = gaz.name_in(args.id, locale.strip(), at=args.at, style=args.style, first=not args.later)
        note = " (fallback)" if chosen.fallback else ""
        print(f"{chosen.locale}\t{chosen.text}\t{chosen.step}{note}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from exonym.glossary.render import render

    gaz = load_gazetteer(args.gazetteer)
    result = render(gaz, read_input(args.file), to=args.to, style=args.style, at=args.at, mark=args.mark, lang=args.lang, types=args.types)
    if args.format == "json":
        body = {
            "locale": result.locale,
            "style": result.style,
            "text": result.text,
            "changes": [dataclasses.asdict(c) for c in result.changes],
        }
        json.dump(body, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.text)
    counts = result.counts()
    print(f"{counts['replaced']} replaced, {counts['review']} left for review (inflected), {counts['same']} already right", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from exonym.glossary.export import export

    gaz = load_gazetteer(args.gazetteer)
    progress = Progress(f"export {args.format}", enabled=wanted(args.progress), unit="entries")
    text = export(gaz, args.format, langs=args.langs, types=args.types, within=args.within or (), style=args.style, on_progress=progress)
    if progress.drawn or args.progress:
        progress.finish(f"export {args.format}: {progress.totals.get('entries', 0):,} entries, {len(text.encode()) / 1e6:,.1f} MB")
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def add_commands(sub: Any) -> None:
    n = sub.add_parser("name", help="the name of an entry in a locale, at a year, under a house style")
    n.add_argument("id", help="entry id, e.g. khankendi")
    n.add_argument("--to", required=True, help="BCP 47 locale(s), comma-separated: ru,hy,az-Cyrl")
    n.add_argument("--style", help="house style from gazetteer/styles.yaml (neutral, az-official ...)")
    n.add_argument("--at", type=int, help="year: the name in use then (1980 gives Kirovabad)")
    n.add_argument("--later", action="store_true", help="the style's form for later mentions")
    n.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    n.set_defaults(func=cmd_name)

    r = sub.add_parser("render", help="rewrite a text's place names into a locale and house style")
    r.add_argument("file", help="UTF-8 text file, or - for standard input")
    r.add_argument("--to", required=True, help="target locale (BCP 47): ru, en, hy, az ...")
    r.add_argument("--style", help="house style from gazetteer/styles.yaml")
    r.add_argument("--at", type=int, help="year whose names to use")
    r.add_argument("--mark", action="store_true", help="mark changes as ⟦name⟧ and reviews as ⟦?original → name⟧")
    r.add_argument("--lang", help="BCP 47 hint for the text's language")
    r.add_argument("--types", default="place", help="entry types to render (default: place)")
    r.add_argument("--format", choices=["text", "json"], default="text", help="json: the text and every change")
    r.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    r.set_defaults(func=cmd_render)

    e = sub.add_parser("export", help="a glossary for translators: TBX-Basic or CSV")
    e.add_argument("--format", choices=["tbx", "csv"], required=True)
    e.add_argument("--langs", required=True, help="comma-separated BCP 47 tags: en,ru,hy,az")
    e.add_argument("--types", help="entry types, or place / glossary (default: all)")
    e.add_argument(
        "--within",
        action="append",
        help="only entries inside this entry, through parents or a disputed territory's covers (repeatable): azerbaijan, nagorno-karabakh",
    )
    e.add_argument("--style", help="house style: which name is preferred, which deprecated")
    e.add_argument("--progress", action="store_true", help="show progress on stderr even when it is not a terminal")
    e.add_argument("--output", "-o", help="file to write (default: standard output)")
    e.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    e.set_defaults(func=cmd_export)
