"""What resolution gives back: Mentions in a text and Candidates for a name. Immutable; offsets
are code points into the caller's own string."""

from __future__ import annotations

from dataclasses import dataclass

from exonym.model import Entry, Name


@dataclass(frozen=True, slots=True, repr=False)
class Candidate:
    """An entry proposed for a name, with how well it fits (0-100) and why."""

    entry: Entry
    score: float
    name: Name
    method: str
    name_index: int = -1  # where `name` stands in entry.names

    @property
    def id(self) -> str:
        return self.entry.id

    def __repr__(self) -> str:
        return f"Candidate({self.entry.id!r}, {self.score}, {self.method!r}, name={self.name.text!r})"


@dataclass(frozen=True, slots=True, repr=False)
class Mention:
    """A place or term found in a text; `start`/`end` are code-point offsets into that text.

    `method` is how the words matched (exact, folded, transliterated, romanization variant,
    inflected, fuzzy) or `context` when the words around them chose between entries;
    `explanation` says it in a sentence, with the `reasons` the context gave."""

    start: int
    end: int
    text: str
    entry: Entry
    score: float
    method: str
    name: Name
    candidates: tuple[Candidate, ...] = ()  # the runners-up, best first
    is_adjective: bool = False
    reasons: tuple[str, ...] = ()  # what in the text supported this reading
    match_method: str = ""  # how the words matched, even when `method` is "context"
    short_form: bool = False  # a division named without its generic term (Tovuz for Tovuz District)
    name_index: int = -1  # where `name` stands in entry.names

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def explanation(self) -> str:
        """Why this entry: the name matched, how, its languages and sources, and the context.
        Built when read: most callers never ask."""
        name = self.name
        what = f"the short form of the {name.kind} name" if self.short_form else f"the {name.kind} name"
        text = f"{self.match_method or self.method} match of {what} {name.text!r} ({', '.join(name.langs)}; sources: {', '.join(name.sources) or 'none'})"
        if self.is_adjective:
            text += "; an adjective or demonym, not the place itself"
        if self.reasons:
            text += "; " + "; ".join(self.reasons)
        return text

    def __repr__(self) -> str:
        return f"Mention({self.start}, {self.end}, {self.text!r} -> {self.entry.id!r}, {self.method}, {self.score})"
