"""exonym: find every place and glossary term in a text, in any language and script, and resolve
each mention to one canonical gazetteer entry.

    >>> import exonym
    >>> [(m.text, m.entry.id) for m in exonym.resolve("Talks in Bakı and Ереван")]
    [('Bakı', 'baku'), ('Ереван', 'yerevan')]

Importing the package loads nothing; the bundled gazetteer loads once, lazily, and is cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exonym import model as _model
from exonym._version import __version__
from exonym.errors import (
    DataError,
    ExonymError,
    GazetteerError,
    InputError,
    InvalidLanguageTag,
    UnknownEntry,
)
from exonym.model import Entry, Name, Period, Source

if TYPE_CHECKING:
    from exonym.gazetteer import Gazetteer
    from exonym.resolver.results import Candidate, Mention

_default: Gazetteer | None = None


def _entry_name_in(entry: Entry, locale: str, at: int | None) -> str:
    from exonym.glossary.names import name_in

    return name_in(entry, locale, at=at).text


_model.set_name_chooser(_entry_name_in)


def load(path: str | Path | None = None, *, layers: bool | None = None) -> Gazetteer:
    """The gazetteer at `path`, or the bundled one (loaded once and kept) when `path` is None.
    `layers=False` leaves out the generated world layer (also EXONYM_LAYERS=off).

    Raises DataError, listing every problem, when the data does not validate.
    """
    global _default
    from exonym.data.folder import bundled_path
    from exonym.gazetteer import layers_wanted, load_path

    if path is not None:
        return load_path(path, layers=layers)
    wanted = layers_wanted(layers)
    if _default is None or _default.layers != wanted:
        _default = load_path(bundled_path(), layers=wanted)
    return _default


def get(entry_id: str) -> Entry:
    """The bundled gazetteer's entry with this id; raises UnknownEntry (a KeyError subclass)."""
    return load().get(entry_id)


def resolve(text: str, *, lang: str | None = None, types: Any = None, include_adjectives: bool = False) -> list[Mention]:
    """Every place and glossary term mentioned in `text`, with offsets into `text`."""
    return load().resolve(text, lang=lang, types=types, include_adjectives=include_adjectives)


def resolve_many(
    texts: Iterable[str], *, workers: int = 1, lang: str | None = None, types: Any = None, include_adjectives: bool = False
) -> Iterator[list[Mention]]:
    """The mentions of each text, in order, as resolve() gives them; with `workers` > 1 (0: one per
    core) in a pool of processes that each load the compiled gazetteer once. A generator: it reads
    the texts as it goes."""
    from exonym.parallel import resolve_many as many

    return many(load(), texts, workers=workers, lang=lang, types=types, include_adjectives=include_adjectives)


def lookup(query: str, *, lang: str | None = None, limit: int = 5, types: Any = None) -> list[Candidate]:
    """Entries ranked for one name in any script or form; empty when nothing is close."""
    return load().lookup(query, lang=lang, limit=limit, types=types)


__all__ = [
    "Candidate",
    "DataError",
    "Entry",
    "ExonymError",
    "Gazetteer",
    "GazetteerError",
    "InputError",
    "InvalidLanguageTag",
    "Mention",
    "Name",
    "Period",
    "Source",
    "UnknownEntry",
    "__version__",
    "get",
    "load",
    "lookup",
    "resolve",
    "resolve_many",
]


def __getattr__(name: str) -> Any:
    # Lazy re-exports: importing exonym must stay cheap.
    if name == "Gazetteer":
        from exonym.gazetteer import Gazetteer

        return Gazetteer
    if name in ("Mention", "Candidate"):
        from exonym.resolver import results as _results

        return getattr(_results, name)
    raise AttributeError(name)
