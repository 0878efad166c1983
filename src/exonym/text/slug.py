"""Ids from labels in any script: lower-case ASCII letters, digits and hyphens.

One rule for every command that makes ids (`exonym new`, the importers): the label is read as an
English-speaking editor would spell it. Azerbaijani and Turkish letters read the Turkic way
(Gəncə -> ganja, Şəki -> shaki); Russian е at a word's start or after a vowel is "ye" (Ереван ->
yerevan, as BGN/PCGN writes it); scripts that exonym does not transliterate go through anyascii
(北京 -> beijing).
"""

from __future__ import annotations

import re
import unicodedata

from exonym.text.normalize import has_turkic_letters, latin_key

_CYRILLIC_VOWELS = "аеёиоуыэюяіїєъь"
_IOTATED_E = re.compile(rf"(?:(?<=^)|(?<=[\s\-{_CYRILLIC_VOWELS}]))[её]", re.IGNORECASE)


def slug(label: str) -> str:
    """An id from a label: Ереван -> yerevan, Şəki -> shaki, Tovuz District -> tovuz-district.

    >>> slug("Ереван"), slug("Şəki"), slug("Bosnia & Herzegovina"), slug("北京")
    ('yerevan', 'shaki', 'bosnia-and-herzegovina', 'beijing')
    """
    text = unicodedata.normalize("NFC", label).replace("&", " and ")
    text = _IOTATED_E.sub(lambda m: "йе" if m.group().lower() == "е" else "йо", text)
    latin = latin_key(text, turkic=has_turkic_letters(text))
    if not latin.isascii():  # a script without a table here: anyascii reads the whole label
        from anyascii import anyascii

        latin = anyascii(text)
    return re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
