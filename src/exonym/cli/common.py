"""What every command shares: exit codes, the argument parser that exits with 2, the gazetteer a
command works on, and reading a text input. Only the cli package prints."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from exonym.errors import ExonymError, InputError

EXIT_DATA = 1  # bad data or input
EXIT_USAGE = 2  # bad command line
MAX_INPUT_BYTES = 50 * 1024 * 1024  # a larger single document is refused, not half-read


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


class ServeError(ExonymError):
    """The server could not start."""


def notice(message: str) -> None:
    """One line on stderr about what the command is doing (stdout stays for results)."""
    print(f"exonym: {message}", file=sys.stderr, flush=True)


class _NoticeHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        notice(record.getMessage())


def show_load_notices() -> None:
    """Show the library's notices of a cold load (a logger at INFO, silent by default) as notice
    lines: a first run that takes half a minute says why."""
    logger = logging.getLogger("exonym.gazetteer")
    if not any(isinstance(h, _NoticeHandler) for h in logger.handlers):  # main() may run many times in one process
        logger.addHandler(_NoticeHandler())
    logger.setLevel(logging.INFO)
    logger.propagate = False  # once, even where an application has set up the root logger


def gazetteer_path(arg: str | None) -> Path:
    """The gazetteer folder a command works on: `--gazetteer`, or the bundled one."""
    from exonym.data.folder import bundled_path

    if not arg:
        return bundled_path()
    path = Path(arg)
    if not path.is_dir():
        raise InputError(f"no gazetteer folder at {arg}", parameter="gazetteer")
    return path


INSTALLED_FOLDERS = frozenset({"site-packages", "dist-packages"})


def refuse_installed(path: Path) -> None:
    """Called before a command writes into a gazetteer: an installed copy's edits would be thrown
    away, silently, by the next upgrade of the package."""
    if INSTALLED_FOLDERS & set(path.resolve().parts):
        raise InputError(
            f"{path} is an installed copy of exonym's data (inside site-packages), which the next upgrade replaces; "
            "pass --gazetteer with the gazetteer/ folder of a clone, or install exonym editable (pip install -e .)",
            parameter="gazetteer",
        )


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
