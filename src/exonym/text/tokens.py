"""Words with their offsets in the caller's string, and where sentences start.

A word is a run of letters, digits and combining marks, with inner apostrophes (Azərbaycan'ın,
l'Arménie, Russia's). CJK and other unspaced runs come as one word each. Offsets always index the
string given, never a normalised copy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from exonym.compiled import CORE
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


class Words:
    """One text's words as parallel lists (word, start, end): a text of a million words makes no
    million objects. CJK and other unspaced runs come as one word each."""

    __slots__ = ("ends", "starts", "text", "words")

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int]) -> None:
        self.text = text
        self.words = words
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.words)


def split(text: str) -> Words:
    """The words of a text, with their offsets in it."""
    if CORE is not None:
        return Words(text, *CORE.split_words(text, _char_table(), _astral_word))
    found = list(token_pattern(text).finditer(text))
    return Words(text, [m.group() for m in found], [m.start() for m in found], [m.end() for m in found])


@lru_cache(maxsize=1)
def _char_table() -> bytes:
    """For the compiled core: what each basic-plane character is to the word pattern (1 a word
    character, 2 an apostrophe between words, 0 neither), the same classes as TOKEN's."""
    apostrophes = {ord(c) for c in APOSTROPHES}
    return bytes(1 if (chr(cp).isalnum() or cp == 0x5F or cp in _WORD_MARKS) else 2 if cp in apostrophes else 0 for cp in range(0x10000))


def _astral_word(cp: int) -> bool:
    return chr(cp).isalnum() or cp in _WORD_MARKS


def tokenize(text: str) -> list[Token]:
    """Words with their offsets, as objects (for callers that want few of them)."""
    w = split(text)
    return [Token(a, b, t) for a, b, t in zip(w.starts, w.ends, w.words, strict=True)]


# What ends a sentence, or opens a new one before a name: full stops in every script (Armenian
# ։, CJK 。, Arabic ؟), colons, quotes, dashes, line breaks.
SENTENCE_END = frozenset('.!?…:"»”«“„‘‹—–\n\u0589\u3002\u061f')
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
    if text[i] == "-" and i > 0 and (text[i - 1] in SENTENCE_END or text[i - 1].isspace()) and i < pos - 1:
        return True  # a hyphen for a dash: "(EFE).- Un incendio", "OLOMOUC (ČTK) - Mezi", as with — and –
    if text[i] == ";" and i > 0 and "\u0370" <= text[i - 1] <= "\u03ff":
        return True  # Greek's question mark is a semicolon (a semicolon ends no sentence elsewhere)
    return text[i] in SENTENCE_END
