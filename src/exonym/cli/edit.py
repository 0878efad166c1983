"""Editors' commands: `exonym new`, `exonym promote`, `exonym fmt`, `exonym impact`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from exonym.cli.common import EXIT_DATA, gazetteer_path, refuse_installed


def cmd_new(args: argparse.Namespace) -> int:
    from exonym.edit.scaffold import new_entry

    root = gazetteer_path(args.gazetteer)
    if not args.dry_run:
        refuse_installed(root)
    made = new_entry(
        root,
        args.name,
        entry_type=args.type,
        parent=args.parent,
        entry_id=args.id,
        lang=args.lang,
        kind=args.kind,
        sources=tuple(args.source or ()),
        folder=Path(args.folder) if args.folder else None,
    )
    if args.dry_run:
        sys.stdout.write(made.text)
        return 0
    made.path.parent.mkdir(parents=True, exist_ok=True)
    with made.path.open("x", encoding="utf-8", newline="\n") as fh:  # never overwrite
        fh.write(made.text)
    print(made.path)
    print(
        f"created {made.id!r}: add its other names (each with lang, kind, sources), an example "
        "sentence if the name could be ambiguous, then run exonym fmt and exonym validate",
        file=sys.stderr,
    )
    return 0


def cmd_promote(args: argparse.Namespace) -> int:
    import exonym
    from exonym.edit.promote import promote

    root = gazetteer_path(args.gazetteer)
    if not args.dry_run:
        refuse_installed(root)
    path, text = promote(exonym.load(root, layers=True), root, args.id)
    if args.dry_run:
        sys.stdout.write(text)
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(path)
    print(f"wrote {args.id!r} as YAML: it now replaces the layer's line; edit it, then exonym fmt and exonym validate", file=sys.stderr)
    return 0


def cmd_fmt(args: argparse.Namespace) -> int:
    from exonym.data.folder import entry_files, is_entry_file
    from exonym.edit.fmt import format_files

    root = gazetteer_path(args.gazetteer)
    if not args.check:
        for target in [root, *map(Path, args.files)]:
            refuse_installed(target)
    if args.files:
        paths = []
        for f in args.files:
            p = Path(f)
            if p.is_dir():
                paths += entry_files(p)
            elif is_entry_file(p):  # pre-commit passes every changed YAML file: skip the others
                paths.append(p)
    else:
        paths = entry_files(root)
    report = format_files(paths, root, write=not args.check)
    for problem in report.problems:
        print(problem)
    for path in report.changed:
        print(f"{'would reformat' if args.check else 'reformatted'} {path}")
    verb = "would be reformatted" if args.check else "reformatted"
    print(
        f"{len(report.changed)} file(s) {verb}, {report.unchanged} already canonical, {len(report.problems)} not formatted",
        file=sys.stderr,
    )
    if report.problems or (args.check and report.changed):
        return EXIT_DATA
    return 0


def cmd_impact(args: argparse.Namespace) -> int:
    from exonym.edit.impact import impact_report

    text = impact_report(args.base, gazetteer=args.gazetteer, texts=args.texts, fmt=args.format)
    sys.stdout.write(text)
    return 0


def add_commands(sub: Any) -> None:
    n = sub.add_parser("new", help="scaffold a new entry file with a fresh, never-used id")
    n.add_argument("name", help='the canonical English label, e.g. "Dilijan"')
    n.add_argument("--type", required=True, help="village, town, city, district, organization, term ...")
    n.add_argument("--parent", help="id of the entry that contains it, e.g. tavush-province")
    n.add_argument("--source", action="append", help="source id of the name (repeatable; see gazetteer/sources.yaml)")
    n.add_argument("--id", help="the id to use instead of one made from the name")
    n.add_argument("--lang", default="en", help="language of the name (default en)")
    n.add_argument("--kind", default="exonym", help="kind of the name (default exonym)")
    n.add_argument("--folder", help="folder for the file (default: beside its parent)")
    n.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    n.add_argument("--dry-run", action="store_true", help="print the file instead of writing it")
    n.set_defaults(func=cmd_new)

    pr = sub.add_parser("promote", help="write a generated layer entry out as a YAML file to edit by hand")
    pr.add_argument("id", help="the entry's id (exonym lookup finds it)")
    pr.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    pr.add_argument("--dry-run", action="store_true", help="print the file instead of writing it")
    pr.set_defaults(func=cmd_promote)

    f = sub.add_parser("fmt", help="write entry files in the canonical layout (--check: only report)")
    f.add_argument("files", nargs="*", help="files or folders (default: every entry of the gazetteer)")
    f.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is not canonical")
    f.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    f.set_defaults(func=cmd_fmt)

    i = sub.add_parser("impact", help="what the gazetteer changes since a git revision do (Markdown)")
    i.add_argument("base", help="git revision to compare with, e.g. origin/main")
    i.add_argument("--gazetteer", help="gazetteer folder in the working tree (default: ./gazetteer of the repository)")
    i.add_argument("--texts", action="append", help="extra text files or folders to resolve (repeatable)")
    i.add_argument("--format", choices=["markdown", "json"], default="markdown")
    i.set_defaults(func=cmd_impact)
