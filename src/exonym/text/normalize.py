"""Pure text functions that turn a name or a word into matching keys.

Three levels, each coarser than the last:
- `fold`: case (Turkic dotted and dotless i included), diacritics and punctuation; script kept.
- `latin_key`: `fold` transliterated into Latin letters, whatever the script (the syllabic
  scripts through `romanize`).
- `skeleton`: `latin_key` with romanization differences flattened (kh/x, dzh/j, vowel runs ...),
  so that Khankendy, Xankəndi and Ханкенди meet.
All are pure and length-changing: callers keep offsets into the original text themselves.
"""

from __future__ import annotations

import re
import unicodedata

from exonym.text.memo import short_text_cache
from exonym.text.romanize import SYLLABIC, romanize_syllabic

# Every combining mark (Mn, Me) -> deleted. Spacing marks (Mc) are kept: in Indic scripts they
# are vowels, and deleting them would merge distinct words.
# Planes 0-1 and the variation selectors of plane 14 hold every mark; scanning only them keeps
# import fast.
_MARKS: dict[int, str | None] = {
    cp: None for cp in (*range(0x20000), *range(0xE0100, 0xE01F0)) if unicodedata.category(chr(cp)) in ("Mn", "Me")
}
APOSTROPHES = "'’ʼ`´‘ʹ′ꞌ"
DASHES = "-‐‑‒–—―⁃﹣－"
_PUNCT_TO_SPACE = DASHES + './·_,;:!?()[]{}«»"“”„‹›/\\|'

_FOLD_TABLE: dict[int, str | None] = dict(_MARKS)
_FOLD_TABLE.update({ord(c): None for c in APOSTROPHES})
_FOLD_TABLE.update({ord(c): " " for c in _PUNCT_TO_SPACE})
_FOLD_TABLE.update(
    {
        ord("ı"): "i",  # Turkic dotless i: folds with i (İ decomposes to I + dot, which goes)
        ord("ø"): "o",
        ord("ł"): "l",
        ord("đ"): "d",
        ord("ħ"): "h",
        ord("æ"): "ae",
        ord("œ"): "oe",
        ord("þ"): "th",
        ord("ð"): "d",
        ord("ŀ"): "l",
        ord("ʻ"): None,  # okina / Uzbek o' and g' marks
        ord("ʿ"): None,
        ord("ʾ"): None,
        ord("ـ"): None,  # Arabic tatweel
        0x200C: " ",  # zero-width non-joiner: Persian writes it or a space between morphemes
        ord("ي"): "ی",  # Arabic and Persian forms of one letter
        ord("ى"): "ی",
        ord("ك"): "ک",
        ord("ة"): "ه",
        0x200D: None,
        0x00AD: None,  # soft hyphen
        ord("ё"): "е",
    }
)


_PROTECT = {ord("й"): "\uf8f0", ord("ї"): "\uf8f1", ord("ў"): "\uf8f2"}
_UNPROTECT = {ord(v): k for k, v in ((chr(k), v) for k, v in _PROTECT.items())}


@short_text_cache(262144, longest=128)
def fold(text: str) -> str:
    """Case-, mark- and punctuation-insensitive form, in the text's own script.

    >>> fold("Bakı"), fold("BAKI"), fold("Baki̇"), fold("Nagorno–Karabakh")
    ('baki', 'baki', 'baki', 'nagorno karabakh')
    """
    # й and ї are letters of their own, not и and і with a mark: keep them through NFD.
    s = unicodedata.normalize("NFC", text).casefold().translate(_PROTECT)
    s = unicodedata.normalize("NFD", s).translate(_FOLD_TABLE).translate(_UNPROTECT)
    if "եւ" in s:  # Armenian և is եւ in lower case and ԵՎ in capitals: one spelling for both
        s = s.replace("եւ", "եվ")
    return " ".join(s.split())


# --- transliteration into Latin -------------------------------------------------------------
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Ukrainian, Belarusian
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ў": "u",
    # Azerbaijani and other Turkic Cyrillic
    "ә": "e",
    "ғ": "gh",
    "ҹ": "j",
    "һ": "h",
    "ө": "o",
    "ү": "u",
    "ј": "y",
    "ҝ": "g",
    "ҡ": "q",
    "қ": "q",
    "ң": "ng",
    "ұ": "u",
    "ҳ": "h",
    "ӣ": "i",
    "ӯ": "u",
    # Serbian, Macedonian
    "ђ": "dj",
    "ћ": "c",
    "џ": "dzh",
    "љ": "lj",
    "њ": "nj",
    "ѓ": "gj",
    "ќ": "kj",
    "ѕ": "dz",
}
# Eastern Armenian, close to BGN/PCGN; ու and the word-initial ե / ո are handled in code.
_ARMENIAN = {
    "ա": "a",
    "բ": "b",
    "գ": "g",
    "դ": "d",
    "ե": "e",
    "զ": "z",
    "է": "e",
    "ը": "y",
    "թ": "t",
    "ժ": "zh",
    "ի": "i",
    "լ": "l",
    "խ": "kh",
    "ծ": "ts",
    "կ": "k",
    "հ": "h",
    "ձ": "dz",
    "ղ": "gh",
    "ճ": "ch",
    "մ": "m",
    "յ": "y",
    "ն": "n",
    "շ": "sh",
    "ո": "o",
    "չ": "ch",
    "պ": "p",
    "ջ": "j",
    "ռ": "r",
    "ս": "s",
    "վ": "v",
    "տ": "t",
    "ր": "r",
    "ց": "ts",
    "ւ": "v",
    "փ": "p",
    "ք": "k",
    "օ": "o",
    "ֆ": "f",
    "և": "ev",
}
# Georgian (Mkhedruli), national system of 2002 without apostrophes.
_GEORGIAN = {
    "ა": "a",
    "ბ": "b",
    "გ": "g",
    "დ": "d",
    "ე": "e",
    "ვ": "v",
    "ზ": "z",
    "თ": "t",
    "ი": "i",
    "კ": "k",
    "ლ": "l",
    "მ": "m",
    "ნ": "n",
    "ო": "o",
    "პ": "p",
    "ჟ": "zh",
    "რ": "r",
    "ს": "s",
    "ტ": "t",
    "უ": "u",
    "ფ": "p",
    "ქ": "k",
    "ღ": "gh",
    "ყ": "q",
    "შ": "sh",
    "ჩ": "ch",
    "ც": "ts",
    "ძ": "dz",
    "წ": "ts",
    "ჭ": "ch",
    "ხ": "kh",
    "ჯ": "j",
    "ჰ": "h",
}
_GREEK = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
# Arabic and Persian: consonantal; long vowels written as letters come through as a / u / i.
_ARABIC = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "چ": "ch",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "ژ": "zh",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ک": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "و": "u",
    "ؤ": "u",
    "ي": "i",
    "ی": "i",
    "ى": "a",
    "ئ": "i",
    "ء": "",
}
# Modern Greek spells b, d, g, j and some vowels with two letters (ELOT 743): Μπάρντα is Barda.
_GREEK_DIGRAPHS = {
    "μπ": "b",
    "ντ": "d",
    "γκ": "g",
    "γγ": "ng",
    "τζ": "dz",
    "τσ": "ts",
    "ου": "u",
    "αι": "e",
    "ει": "i",
    "οι": "i",
    "αυ": "av",
    "ευ": "ev",
}
_GREEK_DIGRAPH = re.compile("|".join(_GREEK_DIGRAPHS))
_GREEK_LETTER = re.compile("[\u0370-\u03ff]")


def _greek_digraphs(text: str) -> str:
    """Greek digraphs read as one sound, before folding: the accent goes, the diaeresis stays,
    since it is what says two vowels are not a digraph (Ισμαΐλι is Ismaili)."""
    s = unicodedata.normalize("NFD", text.lower()).replace("\u0301", "")
    return _GREEK_DIGRAPH.sub(lambda m: _GREEK_DIGRAPHS[m.group()], unicodedata.normalize("NFC", s))


# Hebrew: consonantal, as Arabic; a geresh after ג ז צ makes j, zh, ch (read before folding).
_HEBREW = {
    "א": "a",
    "ב": "b",
    "ג": "g",
    "ד": "d",
    "ה": "h",
    "ו": "v",
    "ז": "z",
    "ח": "kh",
    "ט": "t",
    "י": "i",
    "כ": "k",
    "ך": "k",
    "ל": "l",
    "מ": "m",
    "ם": "m",
    "נ": "n",
    "ן": "n",
    "ס": "s",
    "ע": "",
    "פ": "p",
    "ף": "f",
    "צ": "ts",
    "ץ": "ts",
    "ק": "k",
    "ר": "r",
    "ש": "sh",
    "ת": "t",
}
_HEBREW_GERESH = re.compile("([גזצ])[׳']")
_GERESH_SOUNDS = {"ג": "j", "ז": "zh", "צ": "ch"}  # ג׳ in גנג׳ה (Ganja), ז׳, צ׳
_LATIN_EXTRA = {"ə": "e", "ǝ": "e", "ŋ": "ng", "ʒ": "zh", "ɣ": "gh"}

_TRANSLIT: dict[int, str] = {}
for _table in (_CYRILLIC, _ARMENIAN, _GEORGIAN, _GREEK, _ARABIC, _HEBREW, _LATIN_EXTRA):
    _TRANSLIT.update({ord(k): v for k, v in _table.items()})

# Turkic Latin (Azerbaijani, Turkish) read the English way: c is j, x is kh, q is g, ə is a.
# Folding has already reduced ş ç ğ to s c g, so this works on the folded text plus the original
# letters handed in by `turkic_letters`.
_TURKIC_FROM_ORIGINAL = {
    "ş": "sh",
    "ç": "ch",
    "ğ": "gh",
    "c": "j",
    "x": "kh",
    "q": "g",
    "ə": "a",
    "ı": "i",
}
_ARMENIAN_U = re.compile(r"ու|ո՞ւ")
_ARMENIAN_INITIAL = re.compile(r"(?<![\w])([եո])")

_TURKIC_MARKERS = frozenset("əƏıİşŞğĞ")


def has_turkic_letters(text: str) -> bool:
    return not _TURKIC_MARKERS.isdisjoint(text)


@short_text_cache(262144, longest=128)
def latin_key(text: str, turkic: bool = False) -> str:
    """Fold and transliterate into lower-case Latin letters.

    With `turkic`, Azerbaijani/Turkish letters are read as English spelling reads them
    (Gəncə -> ganja, Xankəndi -> khankandi, Qazax -> gazakh).

    >>> latin_key("Ստեփանակերտ"), latin_key("Երևանում"), latin_key("Товуз"), latin_key("Gəncə", turkic=True)
    ('stepanakert', 'yerevanum', 'tovuz', 'ganja')
    """
    if SYLLABIC.search(text):
        text = romanize_syllabic(text)
    if "׳" in text or "'" in text:
        text = _HEBREW_GERESH.sub(lambda m: _GERESH_SOUNDS[m.group(1)], text)
    if _GREEK_LETTER.search(text):
        text = _greek_digraphs(text)
    if turkic:
        lowered = unicodedata.normalize("NFC", text).replace("İ", "i").lower()
        lowered = "".join(_TURKIC_FROM_ORIGINAL.get(ch, ch) for ch in lowered)
        s = fold(lowered)
    else:
        s = fold(text)
    if any(0x530 <= ord(ch) <= 0x58F for ch in s):
        s = _ARMENIAN_U.sub("u", s)
        s = _ARMENIAN_INITIAL.sub(lambda m: "ye" if m.group(1) == "ե" else "vo", s)
    return s.translate(_TRANSLIT)


_SKELETON_RULES = (
    ("shch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("dj", "j"),
    ("kh", "x"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("sch", "sh"),
    ("w", "v"),
    ("q", "k"),
    ("j", "j"),
    ("zh", "j"),
    ("ch", "c"),
    ("sh", "s"),
)
_VOWEL_RUNS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"([a-z])\1+")


@short_text_cache(262144, longest=128)
def skeleton(latin: str) -> str:
    """Flatten romanization differences of a Latin key: vowel runs become one 'a', digraphs merge.

    >>> skeleton("khankendy") == skeleton("xankendi"), skeleton("gyandzha") == skeleton("ganja")
    (True, True)
    """
    s = latin
    for old, new in _SKELETON_RULES:
        if old in s:
            s = s.replace(old, new)
    s = _DOUBLES.sub(r"\1", s)
    return _VOWEL_RUNS.sub("a", s)
