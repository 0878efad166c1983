"""Frozen models of the gazetteer: Entry, Name, Source and their parts. No I/O here."""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, Sequence, ValuesView
from dataclasses import dataclass, field
from typing import Any

ENTRY_TYPES = (
    "country",
    "territory",
    "first-level-division",
    "district",
    "city",
    "town",
    "village",
    "disputed-territory",
    "historical-unit",
    "physical-feature",
    "organization",
    "term",
)
PLACE_TYPES = frozenset(ENTRY_TYPES) - {"organization", "term"}
GLOSSARY_TYPES = frozenset({"organization", "term"})

NAME_KINDS = (
    "official",
    "endonym",
    "exonym",
    "variant",
    "historical",
    "colloquial",
    "abbreviation",
    "romanization",
    "adjective",
    "demonym",
)
# Kinds that describe a people or a quality, not the place: not place mentions by default.
ADJECTIVE_KINDS = frozenset({"adjective", "demonym"})

# Sources that importers cite (datasets read whole by a program, no person checked each name): an
# entry all of whose names come from them is an imported entry, which the resolver trusts less.
IMPORT_SOURCES = frozenset({"geonames", "cldr", "libgeonames", "cldr-subdivisions", "naturalearth", "whosonfirst"})

ID_KEYS = ("iso3166", "geonames", "wikidata", "geonames_admin1")


class FrozenDict(Mapping[str, Any]):
    """A read-only mapping that compares like a dict."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data = dict(data or {})

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(self._data)

    def __eq__(self, other: object) -> bool:
        return dict(self) == dict(other) if isinstance(other, Mapping) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._data.items())))


@dataclass(frozen=True, slots=True)
class Period:
    """Years in use or in existence; either end may be open."""

    start: int | None = None
    end: int | None = None

    def contains(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    def __str__(self) -> str:
        return f"{self.start or ''}-{self.end or ''}"


@dataclass(frozen=True, slots=True)
class Coordinates:
    lat: float
    lon: float


@dataclass(frozen=True, slots=True, repr=False)
class Name:
    """One name of an entry: a spelling, its languages, script, kind and sources."""

    text: str
    langs: tuple[str, ...]
    kind: str
    script: str
    sources: tuple[str, ...] = ()
    preferred: bool = False
    period: Period | None = None
    system: str | None = None
    used_by: tuple[str, ...] = ()
    note: str | None = None

    @property
    def lang(self) -> str:
        """The first (main) language tag of this spelling."""
        return self.langs[0]

    @property
    def is_adjective(self) -> bool:
        return self.kind in ADJECTIVE_KINDS

    def __repr__(self) -> str:
        return f"Name({self.text!r}, {'/'.join(self.langs)}, {self.kind})"


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence that must yield `mention`, resolved to the entry that carries the example."""

    text: str
    mention: str
    line: int = 0  # where the example starts in its file, for messages


@dataclass(frozen=True, slots=True, repr=False)
class Entry:
    """One place or glossary term, with every name it goes by."""

    id: str
    type: str
    name: str
    names: tuple[Name, ...]
    parents: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()  # entries inside this one outside its parent chain (see spec)
    ids: FrozenDict = field(default_factory=FrozenDict)
    coordinates: Coordinates | None = None
    population: int | None = None
    period: Period | None = None
    sources: tuple[str, ...] = ()
    notes: str | None = None
    examples: tuple[Example, ...] = ()
    path: str | None = None

    @property
    def is_place(self) -> bool:
        return self.type in PLACE_TYPES

    def __repr__(self) -> str:
        return f"Entry({self.id!r}, {self.type}, {self.name!r}, {len(self.names)} names)"

    def name_in(self, locale: str, *, at: int | None = None) -> str:
        """The name to show in `locale` (BCP 47) at year `at`: see exonym.glossary.names for the fallback
        chain. House styles need the gazetteer: Gazetteer.name_in(entry, locale, style=...)."""
        if _name_chooser is None:  # pragma: no cover - exonym/__init__ installs it
            raise RuntimeError("import exonym before asking an entry for its name")
        return _name_chooser(self, locale, at)

    def names_in(self, lang: str) -> tuple[Name, ...]:
        """Names recorded for a language tag (exact tag or its language subtag)."""
        base = lang.split("-")[0].lower()
        return tuple(n for n in self.names if any(t == lang or t.split("-")[0] == base for t in n.langs))


# How a name is chosen for a reader lives in the glossary layer (exonym.glossary.names), above this
# one: the package installs it here on import, so the model never imports upwards.
_name_chooser: Callable[[Entry, str, int | None], str] | None = None


def set_name_chooser(choose: Callable[[Entry, str, int | None], str]) -> None:
    global _name_chooser
    _name_chooser = choose


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    url: str | None = None
    kind: str | None = None


# -- compact form for the compiled cache: plain lists and tuples, JSON-able --------------------------
def _period_raw(p: Period | None) -> tuple[int | None, int | None] | None:
    return None if p is None else (p.start, p.end)


def _period_from(t: Sequence[int | None] | None) -> Period | None:
    return None if t is None else Period(t[0], t[1])


def entry_to_raw(e: Entry) -> tuple[Any, ...]:
    """The entry as nested tuples of plain values (the cache stores them as JSON)."""
    names = tuple(
        (n.text, n.langs, n.kind, n.script, n.sources, n.preferred, _period_raw(n.period), n.system, n.used_by, n.note) for n in e.names
    )
    coords = None if e.coordinates is None else (e.coordinates.lat, e.coordinates.lon)
    examples = tuple((x.text, x.mention, x.line) for x in e.examples)
    return (
        e.id,
        e.type,
        e.name,
        names,
        e.parents,
        e.covers,
        tuple(e.ids.items()),
        coords,
        e.population,
        _period_raw(e.period),
        e.sources,
        e.notes,
        examples,
        e.path,
    )


def entry_from_raw(t: Sequence[Any]) -> Entry:
    """The inverse of entry_to_raw; lists (from JSON) are taken as tuples."""
    (eid, etype, label, names, parents, covers, ids, coords, population, period, sources, notes, examples, path) = t
    return Entry(
        id=eid,
        type=etype,
        name=label,
        names=tuple(
            Name(text, tuple(langs), kind, script, tuple(srcs), preferred, _period_from(p), system, tuple(used_by), note)
            for (text, langs, kind, script, srcs, preferred, p, system, used_by, note) in names
        ),
        parents=tuple(parents),
        covers=tuple(covers),
        ids=FrozenDict(dict(ids)),
        coordinates=None if coords is None else Coordinates(*coords),
        population=population,
        period=_period_from(period),
        sources=tuple(sources),
        notes=notes,
        examples=tuple(Example(*x) for x in examples),
        path=path,
    )


class LazyEntries(dict[str, Entry]):
    """id -> Entry, each built from its compact form on first access: a cold start decodes only
    the entries a request touches. A dict underneath, so that reading an entry already built
    (the resolver does it tens of thousands of times a text) costs no Python call: only a first
    access goes through __missing__. Membership, length, iteration and views cover every id,
    built or not."""

    __slots__ = ("_ids", "_row")

    def __init__(self, ids: Sequence[str], row: Callable[[str], Sequence[Any]]) -> None:
        super().__init__()
        self._ids = dict.fromkeys(ids)
        self._row = row

    def __missing__(self, key: str) -> Entry:
        if key not in self._ids:
            raise KeyError(key)
        entry = entry_from_raw(self._row(key))
        dict.__setitem__(self, key, entry)
        return entry

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._ids else default

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return KeysView(self)

    def values(self) -> ValuesView[Entry]:  # type: ignore[override]
        return ValuesView(self)

    def items(self) -> ItemsView[str, Entry]:  # type: ignore[override]
        return ItemsView(self)

    def copy(self) -> dict[str, Entry]:
        return dict(self.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    def __ne__(self, other: object) -> bool:  # (dict's own compares only the entries built so far)
        return not self == other

    __hash__ = None
