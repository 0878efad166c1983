"""Words with their offsets in the caller's string, and where sentences start.

A word is a run of letters, digits and combining marks, with inner apostrophes (Azərbaycan'ın,
l'Arménie, Russia's). CJK and other unspaced runs come as one word each. Offsets always index the
string given, never a normalised copy.
"""

from __future__ import annotations

import re
import unicodedata

from exonym.text.normalize import _MARKS, APOSTROPHES, DASHES


def _mark_class(codepoints: set[int]) -> str:
    """A regex character class body holding these code points, as ranges."""
    cps = sorted(codepoints)
    ranges: list[str] = []
    start = prev = cps[0]
    for cp in cps[1:]:
        if cp == prev + 1:
            prev = cp
            continue
        ranges.append(_range(start, prev))
        start = prev = cp
    ranges.append(_range(start, prev))
    return "".join(ranges)


def _range(a: int, b: int) -> str:
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


# Every combining mark (Mn, Me), the spacing marks of Indic scripts (Mc) and ZWNJ/ZWJ belong to
# the word they sit in.
_WORD_MARKS = set(_MARKS) | {cp for cp in range(0x900, 0x1100) if unicodedata.category(chr(cp)) == "Mc"} | {0x200C, 0x200D}
_APOS = re.escape(APOSTROPHES)


def _token_pattern(marks: set[int]) -> re.Pattern[str]:
    # One character class (letters, digits, marks; `_` rides along, as rare in news as it is
    # harmless) keeps the scan in the regex engine's fast path.
    word = rf"[\w{_mark_class(marks)}]"
    return re.compile(rf"{word}+(?:[{_APOS}]{word}+)*")


# Marks outside the basic plane (Brahmi, Kaithi ... and the variation selectors) make the class
# about 3.5 times slower to scan; text without such characters gets the same spans from the
# basic-plane class.
TOKEN = _token_pattern(_WORD_MARKS)
_TOKEN_BMP = _token_pattern({cp for cp in _WORD_MARKS if cp <= 0xFFFF})
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
APOSTROPHE = re.compile(rf"[{_APOS}]")
DASH_SET = frozenset(DASHES)


class Token:
    """A word with its offsets in the caller's string."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def token_pattern(text: str) -> re.Pattern[str]:
    """The word pattern for this text: the fast basic-plane one unless the text needs more."""
    return TOKEN if _ASTRAL.search(text) else _TOKEN_BMP


def tokenize(text: str) -> list[Token]:
    """Words with their offsets. CJK and other unspaced runs come as one token each."""
    return [Token(m.start(), m.end(), m.group()) for m in token_pattern(text).finditer(text)]


# What ends a sentence, or opens a new one before a name: full stops in every script (Armenian
# ։, CJK 。, Arabic ؟), colons, quotes, dashes, line breaks.
SENTENCE_END = frozenset('.!?…:;"»”«“„‘‹—–\n\u0589\u3002\u061f')
_LOOK_BACK = 3


def starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at `pos` starts a sentence: the text's start, or a sentence end (or a
    run of spaces) in the few characters before it. Looks at most a few characters back, so
    asking for every word of a long text stays linear."""
    i = pos - 1
    while i >= 0 and pos - i <= _LOOK_BACK and text[i].isspace():
        i -= 1
    if i < 0 or pos - i > _LOOK_BACK:
        return True
    return text[i] in SENTENCE_END
