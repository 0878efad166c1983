"""Render a text's place names into another locale and house style, for translators' pre-editing
and newsroom normalisation: every resolved place mention becomes the target locale's name under
the style; every other character stays exactly as it was.

A mention that the source text inflects ("в Нагорном Карабахе", "Bakıda") is not replaced when
the target language inflects too: the nominative would be wrong there, so it is left as it was
and flagged for review with the suggested name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from exonym.glossary.names import parse_locale
from exonym.text.lang import inflecting
from exonym.text.normalize import fold, latin_key

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: marks that no ordinary text contains


@dataclass(frozen=True, slots=True)
class Change:
    start: int  # in the input, code points
    end: int
    original: str
    replacement: str  # what was written (== original when flagged)
    suggestion: str  # the target name under the style
    entry_id: str
    status: str  # "replaced", "review" (inflected, left as it was) or "same"
    out_start: int  # where the written text sits in the output
    out_end: int
    reason: str = ""


@dataclass
class Rendering:
    text: str
    locale: str
    style: str | None
    changes: list[Change] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"replaced": 0, "review": 0, "same": 0}
        for c in self.changes:
            out[c.status] += 1
        return out


# A suffix written apart from the name: the English possessive (Baku's, Azerbaijans') and the
# case endings some languages attach with an apostrophe or hyphen (Bakı'da, ՄԱԿ-ը).
_TAIL = re.compile(r"^(?P<core>.+?)(?P<tail>['\u2019\u02bc](?:s)?|['\u2019\u02bc-][^\W\d_]{1,5})$")
_POSSESSIVE = re.compile(r"^['\u2019\u02bc]s?$")


def split_tail(surface: str, recorded: str) -> tuple[str, str]:
    """(core, tail): the part of a mention that is the name, and a suffix attached to it."""
    m = _TAIL.match(surface)
    if m and not is_inflected(m.group("core"), recorded):
        return m.group("core"), m.group("tail")
    return surface, ""


def is_inflected(surface: str, recorded: str) -> bool:
    """Whether a mention is a case form of its name rather than the name itself, a shorter form
    of it ("Tovuz" for "Tovuz District") or a spelling of it in another script. Any other
    difference counts as inflection (Гяндже, Шушу, Bakıda): when in doubt, a person looks."""
    a, b = fold(surface), fold(recorded)
    if a == b:
        return False
    words, name_words = a.split(), b.split()
    if words and all(w in name_words for w in words):  # a short form: Tovuz, Tavush
        return False
    return latin_key(surface) != latin_key(recorded) and latin_key(surface, turkic=True) != latin_key(recorded, turkic=True)


def render(
    gaz: Any,
    text: str,
    *,
    to: str,
    style: str | None = None,
    at: int | None = None,
    mark: bool = False,
    lang: str | None = None,
    types: Any = "place",
    budget: Any = None,
) -> Rendering:
    """The text with every place mention in `to`'s name under `style`; see the module's notes.
    A `budget` (exonym.resolver.budget) bounds the resolution under it."""
    req = parse_locale(to, "to")  # a bad tag fails before any work
    if style is not None:
        gaz.style(style)
    # a language whose nouns change form (cases, or proclitics written into the word): a name
    # put in without that form needs a person to check it
    target_inflects = req.language in inflecting()
    out: list[str] = []
    changes: list[Change] = []
    seen: set[str] = set()
    pos = 0
    length = 0
    memo: dict[tuple[str, bool], Any] = {}  # an article names the same places again and again
    for m in gaz.resolve(text, lang=lang, types=types, budget=budget):
        key = (m.entry.id, m.entry.id not in seen)
        chosen = memo.get(key)
        if chosen is None:
            chosen = memo[key] = gaz.name_in(m.entry, to, at=at, style=style, first=key[1])
        seen.add(m.entry.id)
        out.append(text[pos : m.start])
        length += m.start - pos
        _core, tail = split_tail(m.text, m.name.text)
        keeps_tail = bool(tail) and (not target_inflects or bool(_POSSESSIVE.match(tail)))
        if chosen.text + tail == m.text:
            written, status, reason = m.text, "same", "already the target name"
        elif target_inflects and not keeps_tail and (tail or is_inflected(m.text, m.name.text)):
            written, status = m.text, "review"
            reason = f"{m.text!r} is an inflected form of {m.name.text!r}; {req.language} would need {chosen.text!r} inflected the same way"
        else:
            written, status = chosen.text + tail, "replaced"
            reason = f"{chosen.step} name" + (" (fallback)" if chosen.fallback else "") + (f"; kept {tail!r}" if tail else "")
        if mark and status == "replaced":
            written = f"{OPEN}{written}{CLOSE}"
        elif mark and status == "review":
            written = f"{OPEN}?{m.text} \u2192 {chosen.text}{CLOSE}"
        out.append(written)
        changes.append(Change(m.start, m.end, m.text, written, chosen.text, m.entry.id, status, length, length + len(written), reason))
        length += len(written)
        pos = m.end
    out.append(text[pos:])
    return Rendering("".join(out), req.tag, style, changes)
