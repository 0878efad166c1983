"""What every command shares: exit codes, the argument parser that exits with 2, the gazetteer a
command works on, and reading a text input. Only the cli package prints."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from exonym.errors import InputError

EXIT_DATA = 1  # bad data or input
EXIT_USAGE = 2  # bad command line
MAX_INPUT_BYTES = 50 * 1024 * 1024  # a larger single document is refused, not half-read


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def gazetteer_path(arg: str | None) -> Path:
    from exonym.data.folder import bundled_path

    return Path(arg) if arg else bundled_path()


def load_gazetteer(arg: str | None) -> Any:
    import exonym

    return exonym.load(arg)


def usage(message: str) -> int:
    print(f"exonym: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def read_input(path: str | None) -> str:
    """A text from a file or standard input ("-"), at most MAX_INPUT_BYTES, as UTF-8."""
    if path in (None, "-"):
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        where = "standard input"
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"no such file: {path}")
        with p.open("rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
        where = path
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{where} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; split it (jsonl) first")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where} is not valid UTF-8 (byte {exc.start})") from None


def split_types(arg: str | None) -> list[str] | None:
    return [t for t in arg.split(",") if t.strip()] if arg else None
