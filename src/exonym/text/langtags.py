"""BCP 47 language tags, parsed and checked against babel's CLDR data."""

from __future__ import annotations

import re
from functools import lru_cache

from exonym.errors import InvalidLanguageTag

_SUBTAG = re.compile(r"^[A-Za-z0-9]{1,8}$")


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from babel import Locale, localedata
    from babel.core import get_global

    en = Locale("en")
    languages = {str(code).split("_")[0].lower() for code in en.languages}
    languages |= {ident.split("_")[0].lower() for ident in localedata.locale_identifiers()}
    languages |= {lang.split("_")[0].lower() for langs in get_global("territory_languages").values() for lang in langs}
    languages |= {"und", "mul", "zxx"}
    scripts = frozenset(en.scripts)
    territories = frozenset(en.territories)
    return frozenset(languages), scripts, territories


@lru_cache(maxsize=4096)
def canonical_tag(tag: str) -> str:
    """Check a BCP 47 tag and return it in canonical case (az-Cyrl-AZ); raise InvalidLanguageTag."""
    if not isinstance(tag, str) or not tag.strip():
        raise InvalidLanguageTag(str(tag), "empty")
    parts = tag.strip().replace("_", "-").split("-")
    if not all(_SUBTAG.match(p) for p in parts):
        raise InvalidLanguageTag(tag, "subtags are 1-8 letters or digits joined by '-'")
    languages, scripts, territories = _known()
    language = parts[0].lower()
    if not (2 <= len(language) <= 3 and language.isalpha()):
        raise InvalidLanguageTag(tag, "the language subtag is 2 or 3 letters")
    if language not in languages:
        raise InvalidLanguageTag(tag, f"unknown language {language!r}")
    out = [language]
    rest = parts[1:]
    if rest and len(rest[0]) == 4 and rest[0].isalpha():
        script = rest.pop(0).title()
        if script not in scripts:
            raise InvalidLanguageTag(tag, f"unknown script {script!r}")
        out.append(script)
    if rest and ((len(rest[0]) == 2 and rest[0].isalpha()) or (len(rest[0]) == 3 and rest[0].isdigit())):
        region = rest.pop(0).upper()
        if region not in territories:
            raise InvalidLanguageTag(tag, f"unknown region {region!r}")
        out.append(region)
    for variant in rest:
        if not (5 <= len(variant) <= 8 or (len(variant) == 4 and variant[0].isdigit())):
            raise InvalidLanguageTag(tag, f"malformed subtag {variant!r}")
        out.append(variant.lower())
    return "-".join(out)


def language_of(tag: str) -> str:
    """The language subtag of a tag: 'az' for 'az-Cyrl-AZ'."""
    return tag.split("-", 1)[0].lower()
