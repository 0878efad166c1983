"""Which script a text is written in (ISO 15924), from Unicode character names."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from exonym.text.memo import short_text_cache

# First word(s) of a Unicode character name -> ISO 15924 code.
_NAME_PREFIX_TO_SCRIPT = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "GREEK": "Grek",
    "ARABIC": "Arab",
    "HEBREW": "Hebr",
    "CJK": "Hani",
    "HIRAGANA": "Hira",
    "KATAKANA": "Kana",
    "HANGUL": "Hang",
    "DEVANAGARI": "Deva",
    "BENGALI": "Beng",
    "GURMUKHI": "Guru",
    "GUJARATI": "Gujr",
    "TAMIL": "Taml",
    "TELUGU": "Telu",
    "KANNADA": "Knda",
    "MALAYALAM": "Mlym",
    "SINHALA": "Sinh",
    "THAI": "Thai",
    "LAO": "Laoo",
    "TIBETAN": "Tibt",
    "MYANMAR": "Mymr",
    "KHMER": "Khmr",
    "ETHIOPIC": "Ethi",
    "MONGOLIAN": "Mong",
    "SYRIAC": "Syrc",
    "THAANA": "Thaa",
    "ORIYA": "Orya",
    "CHAKMA": "Cakm",
    "CHEROKEE": "Cher",
    "TIFINAGH": "Tfng",
    "YI": "Yiii",
}

# Scripts whose words are not separated by spaces: names are found inside runs of letters.
UNSPACED_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Thai", "Laoo", "Khmr", "Mymr"})

KNOWN_SCRIPTS = frozenset(_NAME_PREFIX_TO_SCRIPT.values()) | {"Jpan", "Kore", "Hans", "Hant", "Zyyy", "Zzzz"}


@lru_cache(maxsize=65536)
def char_script(ch: str) -> str | None:
    """The script of one letter, or None for digits, punctuation, marks and unknown letters."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    script = _NAME_PREFIX_TO_SCRIPT.get(first)
    if script is None and name.startswith("MODIFIER LETTER"):
        return None
    return script


@short_text_cache(65536, longest=64)
def detect_script(text: str) -> str:
    """The main script of `text`: the most common letter script, Zyyy when there are no letters."""
    counts = Counter(s for s in map(char_script, text) if s)
    if not counts:
        return "Zyyy"
    script, _ = counts.most_common(1)[0]
    if script in ("Hira", "Kana") or (script == "Hani" and ("Hira" in counts or "Kana" in counts)):
        return "Jpan"
    if script == "Hang":
        return "Kore"
    return script


# Control (Cc), surrogate (Cs), private-use (Co) characters and noncharacters: never text.
_UNFIT = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # Cc
    "\ud800-\udfff"  # Cs
    "\ue000-\uf8ff\U000f0000-\U0010fffd"  # Co
    "\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)) + "]"  # noncharacters
)


def find_unfit(text: str) -> tuple[int, str] | None:
    """The first character unfit for a name (its index and what it is), or None: a control
    (Cc), surrogate (Cs) or private-use (Co) character, or a noncharacter. Other unassigned
    code points (Cn) pass: which ones are unassigned depends on the Unicode version of the
    Python running the check (Sunuwar, Unicode 16, reads as unassigned in Python 3.11)."""
    found = _UNFIT.search(text)
    if found is None:
        return None
    char = found.group()
    what = {"Cc": "control character", "Cs": "surrogate", "Co": "private-use character"}.get(unicodedata.category(char), "noncharacter")
    return found.start(), f"{what} U+{ord(char):04X}"
