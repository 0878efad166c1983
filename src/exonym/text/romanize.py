"""Romanization of the syllabic scripts: the Brahmic family (Devanagari, Bengali, Gurmukhi,
Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Chakma), Hangul and the Japanese
kana.

These scripts write a name as syllables, so a letter table like the alphabets' in `normalize`
cannot romanize them: a Brahmic consonant carries a vowel that a sign replaces and the virama
removes, a Hangul block holds up to three sounds, a small kana changes the syllable before it.
The Brahmic letters are read from their Unicode character names, which spell each letter's sound
("DEVANAGARI LETTER KHA", "TAMIL VOWEL SIGN II"), so one reader serves every script of the
family; Hangul blocks are split by Unicode's own arithmetic and romanized by the Revised
Romanization of Korean; kana by their names, in Hepburn spelling.

The result is a key for matching, not a transcription for reading: long and short vowels merge,
retroflex and dental consonants merge, and a word-final inherent vowel of the northern scripts is
dropped as Hindi, Bengali or Gujarati speech drops it (कुर्दमीर -> kurdamir).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# with Hangul jamo (NFD text) and Chakma
SYLLABIC = re.compile("[\u0900-\u0dff\u1100-\u11ff\u3040-\u30ff\uac00-\ud7a3\U00011100-\U0001114f]")
# Scripts (ISO 15924) whose romanization here is a rule of thumb: good for reading a query or a
# text in them against Latin keys, too loose to give their own names Latin keys (কর্স, Corsica in
# Bengali, is not Kars; சமாரா, Samara in Tamil, is not Câmara).
LOOSELY_ROMANIZED = frozenset(
    {
        "Deva",
        "Beng",
        "Guru",
        "Gujr",
        "Orya",
        "Taml",
        "Telu",
        "Knda",
        "Mlym",
        "Sinh",
        "Cakm",
        "Hang",
        "Kore",
        "Hira",
        "Kana",
        "Jpan",
        "Grek",
        "Hebr",
    }
)
_DOUBLED = re.compile(r"([a-z])\1+")

# Scripts whose speech drops a word's final inherent vowel (schwa deletion).
_SILENT_FINAL_A = frozenset({"DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "CHAKMA"})
_VOWELS = {
    "A": "a",
    "AA": "a",
    "I": "i",
    "II": "i",
    "U": "u",
    "UU": "u",
    "E": "e",
    "EE": "e",
    "AI": "ai",
    "O": "o",
    "OO": "o",
    "AU": "au",
    "AE": "ae",
    "AAE": "ae",
    "VOCALIC R": "ri",
    "VOCALIC RR": "ri",
    "VOCALIC L": "li",
    "VOCALIC LL": "li",
    "CANDRA E": "e",
    "SHORT E": "e",
    "CANDRA O": "o",
    "SHORT O": "o",
    "CANDRA A": "a",
}
# Sinhala names its vowel signs by their shapes, not their sounds.
_SINHALA_SIGNS = {
    "AELA-PILLA": "a",
    "KETTI AEDA-PILLA": "ae",
    "DIGA AEDA-PILLA": "ae",
    "KETTI IS-PILLA": "i",
    "DIGA IS-PILLA": "i",
    "KETTI PAA-PILLA": "u",
    "DIGA PAA-PILLA": "u",
    "GAETTA-PILLA": "ru",
    "DIGA GAETTA-PILLA": "ru",
    "KOMBUVA": "e",
    "DIGA KOMBUVA": "e",
    "KOMBU DEKA": "ai",
    "KOMBUVA HAA AELA-PILLA": "o",
    "KOMBUVA HAA DIGA AELA-PILLA": "o",
    "KOMBUVA HAA GAYANUKITTA": "au",
}

# What a character is to the reader: (kind, Latin). Kinds: C consonant (carries a vowel), V
# independent vowel, S vowel sign, K virama (no vowel), N nasal sign, H visarga, F a consonant with
# no vowel of its own (chillu, khanda ta), "" no sound (nukta), and None for anything else.
Reading = tuple[str, str] | None


@lru_cache(maxsize=4096)
def _script_word(ch: str) -> str:
    """The first word of a character's Unicode name: its script (DEVANAGARI, TAMIL ...)."""
    return unicodedata.name(ch, "").partition(" ")[0]


@lru_cache(maxsize=4096)
def _brahmic(ch: str) -> Reading:
    script, _, rest = unicodedata.name(ch, "").partition(" ")
    if script not in _SILENT_FINAL_A and script not in ("TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA"):
        return None
    if rest.startswith("LETTER "):
        letter = rest[7:]
        if script == "CHAKMA" and letter.endswith("AA") and letter not in _VOWELS:
            letter = letter[:-1]  # Chakma names its consonants with their long vowel: KAA is ka
        return _letter(letter)
    if rest.endswith(" MARK") and rest[:-5] in _VOWELS:  # Chakma's O MARK, AU MARK
        return ("S", _VOWELS[rest[:-5]])
    if rest.startswith("VOWEL SIGN "):
        sign = rest[11:]
        vowel = _SINHALA_SIGNS.get(sign) if script == "SINHALA" else _VOWELS.get(sign)
        return ("S", vowel) if vowel is not None else None
    if rest in ("SIGN VIRAMA", "SIGN AL-LAKUNA", "VIRAMA", "MAAYYAA"):
        return ("K", "")
    if rest in ("SIGN ANUSVARA", "SIGN CANDRABINDU", "SIGN ANUSVARAYA", "TIPPI", "SIGN BINDI"):
        return ("N", "n")
    if rest == "ADDAK":  # Gurmukhi: doubles the next consonant, which a key does not keep
        return ("", "")
    if rest in ("SIGN VISARGA", "SIGN VISARGAYA"):
        return ("H", "h")
    if rest == "SIGN NUKTA":
        return ("", "")
    return None


def _letter(rest: str) -> Reading:
    if rest in _VOWELS:
        return ("V", _VOWELS[rest])
    if rest.startswith("CHILLU "):
        return ("F", _DOUBLED.sub(r"\1", rest[7:].lower()))
    if rest == "KHANDA TA":
        return ("F", "t")
    words = rest.split(" ")
    last = words[-1]
    if last.endswith("YANNA"):  # Sinhala: ALPAPRAANA KAYANNA, MAHAAPRAANA KAYANNA, AAYANNA
        core = last[:-5]
        if len(words) == 1 and core in _VOWELS:
            return ("V", _VOWELS[core])
        consonant = _DOUBLED.sub(r"\1", (core[:-1] if core.endswith("A") else core).lower())
        if "MAHAAPRAANA" in words:
            consonant += "h"
        if "SANYAKA" in words:
            consonant = "n" + consonant
        return ("C", consonant)
    if last.endswith("NAASIKYAYA"):
        return ("C", "n")
    if len(words) == 1 and rest.endswith("A") and rest.isalpha():
        # KA, KHA, NNA (retroflex), SSA: the letters spell the sound; doubled ones merge. CA is
        # the ch of English spelling, and CHA its aspirate.
        consonant = _DOUBLED.sub(r"\1", rest[:-1].lower())
        return ("C", {"c": "ch", "ch": "chh"}.get(consonant, consonant))
    return None


# A nukta under a consonant makes the sound Persian and English loanwords need: ज़ z, फ़ f, ड़ r.
_NUKTA = {"j": "z", "k": "q", "g": "gh", "ph": "f", "d": "r", "dh": "rh"}


def _romanize_brahmic(word: str) -> str:
    # Syllables as [consonant, vowel, inherent]: the inherent vowel is decided at the end.
    syllables: list[list[str | bool]] = []
    out: list[str] = []
    script = ""

    def flush() -> None:
        if not syllables:
            return
        if script in _SILENT_FINAL_A:
            _delete_schwas(syllables)
        out.append(_DOUBLED.sub(r"\1", "".join(f"{c}{v}" for c, v, _ in syllables)))
        syllables.clear()

    for ch in word:
        reading = _brahmic(ch)
        if reading is None:
            flush()
            out.append(ch)
            continue
        script = _script_word(ch)
        kind, latin = reading
        last = syllables[-1] if syllables else None
        if kind == "S" and last is not None and last[2]:
            last[1:] = [latin, False]
        elif kind == "K" and last is not None and last[2]:
            last[1:] = ["", False]
        elif kind == "" and last is not None and last[2]:
            last[0] = _NUKTA.get(str(last[0]), last[0])
        elif kind == "C":
            syllables.append([latin, "a", True])
        elif kind in ("V", "S"):
            syllables.append(["", latin, False])
        elif kind in ("F", "N", "H"):
            syllables.append([latin, "", False])
    flush()
    return "".join(out)


def _delete_schwas(syllables: list[list[str | bool]]) -> None:
    """Hindi-style schwa deletion, right to left: a word's last inherent vowel goes, and so does
    one between a vowel and a consonant that has its own (अज़रबैजान -> azarbaijan)."""
    last = syllables[-1]
    if last[2] and len(syllables) > 1:
        last[1] = ""
    for i in range(len(syllables) - 2, 0, -1):
        here, before, after = syllables[i], syllables[i - 1], syllables[i + 1]
        if here[2] and here[1] and before[1] and after[0] and after[1]:
            here[1] = ""


# Revised Romanization of Korean: initial consonants, vowels and finals, in Unicode's order.
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_MEDIALS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i")
_FINALS = (
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
)
_EU = 18  # ㅡ: Korean writes it after a foreign name's consonant that ends a syllable (크 in 세데레크)


def _romanize_hangul(word: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(word):
        index = ord(ch) - 0xAC00
        if not 0 <= index < 11172:
            out.append(ch)
            continue
        initial, medial, final = index // 588, index % 588 // 28, index % 28
        nxt = ord(word[i + 1]) - 0xAC00 if i + 1 < len(word) else -1
        # The written ㅡ of a loanword's lone consonant is not spoken there: Sedereke is Sederek.
        silent = medial == _EU and final == 0 and initial != 11 and not (0 <= nxt < 11172 and nxt // 588 == 11)
        out.append(_INITIALS[initial] + ("" if silent else _MEDIALS[medial]) + _FINALS[final])
    return "".join(out)


_KANA_FIX = {"si": "shi", "ti": "chi", "tu": "tsu", "hu": "fu", "zi": "ji", "di": "ji", "du": "zu", "wo": "o"}


@lru_cache(maxsize=512)
def _kana(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for prefix in ("KATAKANA LETTER ", "HIRAGANA LETTER "):
        if name.startswith(prefix):
            sound = name[len(prefix) :].lower()
            if sound.startswith("small "):
                return "~" + sound[6:]
            return _KANA_FIX.get(sound, sound)
    if name in (
        "KATAKANA-HIRAGANA PROLONGED SOUND MARK",
        "KATAKANA-HIRAGANA VOICED SOUND MARK",
        "KATAKANA-HIRAGANA SEMI-VOICED SOUND MARK",
    ):
        return ""
    if name == "KATAKANA MIDDLE DOT":
        return " "
    return None


def _romanize_kana(word: str) -> str:
    out = ""
    for ch in word:
        sound = _kana(ch)
        if sound is None:
            out += ch
        elif sound.startswith("~"):  # a small kana changes the syllable before it
            small = sound[1:]
            if small == "tu":
                continue  # the doubling of the next consonant: not kept in a key
            if small in ("ya", "yu", "yo") and out.endswith("i"):
                out = out[:-1] + (small[1:] if out[-2:-1] in ("h", "j") else small)  # kya, sha, ja
            elif small in ("a", "i", "u", "e", "o") and out and out[-1] in "aeiou":
                out = (out[:-1] if len(out) > 1 and out[-2] not in "aeiou" else out) + small  # ti, fi, we
            else:
                out += small
        else:
            out += sound
    return out


def romanize_syllabic(text: str) -> str:
    """The text with its Brahmic, Hangul and kana runs in Latin letters; the rest unchanged.

    >>> romanize_syllabic("कुर्दमीर"), romanize_syllabic("세데레크"), romanize_syllabic("ザンギラン")
    ('kurdamir', 'sederek', 'zangiran')
    """
    text = unicodedata.normalize("NFC", text)
    out = []
    for word in re.split(r"(\s+)", text):
        if SYLLABIC.search(word):
            word = _romanize_kana(_romanize_hangul(_romanize_brahmic(word)))
        out.append(word)
    return "".join(out)
