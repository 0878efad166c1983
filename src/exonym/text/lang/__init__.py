"""Everything exonym knows about each language, in one place.

Each language has a word-list file, `words/<code>.yaml` (checked by `words.schema.json`): its
scripts, whether it inflects, and the words the resolver reads (function words, type cues such as
"district" or "село", the generic terms of division names, titles, determiners ...). A language
family whose words change form has a module here too (`slavic`, `turkic`, `armenian`, `georgian`,
`arabic`): it declares the `SCRIPT` it reads and gives `bases(word)`, the candidate uninflected
forms of a word in text, and optionally `name_variants(words)`, extra keys under which a name is
indexed. Modules are found by looking, not listed: adding a language is adding its file (and a
module when it has morphology). See README.md in this folder.

Words are folded (see exonym.text.normalize.fold) when read, as the text they are compared with.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from exonym.text.normalize import fold

WORDS = Path(__file__).with_name("words")

# The entry types each group of type cues names.
CUE_TYPES: dict[str, frozenset[str]] = {
    "village": frozenset({"village"}),
    "town": frozenset({"city", "town"}),
    "district": frozenset({"district"}),
    "province": frozenset({"first-level-division"}),
    "feature": frozenset({"physical-feature"}),  # river, lake, sea, mountains
}


@dataclass(frozen=True)
class Language:
    """One language's facts and word lists (folded), as its words/<code>.yaml gives them."""

    code: str
    name: str
    scripts: tuple[str, ...]
    inflects: bool = False
    capitalises_nouns: bool = False
    latin_reading: str | None = None  # "turkic": c is j, x is kh, q is g (Gəncə -> ganja)
    function_words: frozenset[str] = frozenset()
    sentence_words: frozenset[str] = frozenset()
    type_cues: dict[str, frozenset[str]] = field(default_factory=dict)  # folded word -> types
    generic_terms: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()  # relative pronouns said only of people: who
    type_words_precede: bool = False  # "مدينة دهوك": a type word after a name is not its cue
    adjectives_precede: bool = False  # "в подмосковном Клину": an adjective stands between a preposition and a name
    name_heads: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    of_words: frozenset[str] = frozenset()
    elided: frozenset[str] = frozenset()
    surname_suffixes: tuple[str, ...] = ()  # as written: matched against words in text
    place_prepositions: frozenset[str] = frozenset()
    in_words: frozenset[str] = frozenset()  # "Saint-Louis au Sénégal": the next name contains the first
    and_words: frozenset[str] = frozenset()  # "Minas Gerais, Goiás e Bahia": items of one list
    part_of_words: frozenset[str] = frozenset()  # "Konya'ya bağlı Ereğli": the first name contains the next
    province_offices: frozenset[str] = frozenset()  # "Adana Valisi": the name before is the province's
    in_endings: tuple[str, ...] = ()  # "İspanya'daki Toledo": a name with one contains the next
    which_words: frozenset[str] = frozenset()  # "Бірмінгем, що в Алабамі": "which (is)" before "in"
    capital_words: frozenset[str] = frozenset()  # "Mérida, capital de Extremadura": the next name contains the first
    letters: frozenset[str] = frozenset()  # lower-case letters its spelling has and few others do
    adjective_endings: tuple[str, ...] = ()  # folded endings of adjectives made from place names
    # those of them that carry a mark, as written (Czech -ská, -cký): a noun's case ending never
    # spells them, though folded they are one (Turecká, Turkish; Turecka, of Turkey)
    marked_adjective_endings: tuple[str, ...] = ()
    # institution -> the phrases naming it, as written ("Defence Ministry"); see resolver/organizations.py
    organization_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def stopwords(self) -> frozenset[str]:
        """Words that are never names at the start of a sentence in this language."""
        return self.function_words | self.sentence_words


def _written(word: str) -> str:
    return unicodedata.normalize("NFC", word).lower()


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def _language(data: dict[str, Any]) -> Language:
    cues: dict[str, frozenset[str]] = {}
    for group, words in (data.get("type_cues") or {}).items():
        for w in words:
            cues[fold(w)] = cues.get(fold(w), frozenset()) | CUE_TYPES[group]
    return Language(
        code=data["code"],
        name=data["name"],
        scripts=tuple(data["scripts"]),
        inflects=bool(data.get("inflects", False)),
        capitalises_nouns=bool(data.get("capitalises_nouns", False)),
        latin_reading=data.get("latin_reading"),
        function_words=_folded(data.get("function_words", ())),
        sentence_words=_folded(data.get("sentence_words", ())),
        type_cues=cues,
        generic_terms=_folded(data.get("generic_terms", ())),
        titles=_folded(data.get("titles", ())),
        honorifics=_folded(data.get("honorifics", ())),
        person_pronouns=_folded(data.get("person_pronouns", ())),
        type_words_precede=bool(data.get("type_words_precede", False)),
        adjectives_precede=bool(data.get("adjectives_precede", False)),
        name_heads=_folded(data.get("name_heads", ())),
        determiners=_folded(data.get("determiners", ())),
        of_words=_folded(data.get("of_words", ())),
        elided=_folded(data.get("elided", ())),
        surname_suffixes=tuple(data.get("surname_suffixes", ())),
        place_prepositions=_folded(data.get("place_prepositions", ())),
        in_words=_folded(data.get("in_words", ())),
        and_words=_folded(data.get("and_words", ())),
        part_of_words=_folded(data.get("part_of_words", ())),
        province_offices=_folded(data.get("province_offices", ())),
        in_endings=tuple(sorted(_folded(data.get("in_endings", ())), key=len, reverse=True)),
        which_words=_folded(data.get("which_words", ())),
        capital_words=_folded(data.get("capital_words", ())),
        letters=frozenset(unicodedata.normalize("NFC", c).lower() for c in data.get("letters", ())),
        adjective_endings=tuple(sorted({fold(w) for w in data.get("adjective_endings", ())}, key=lambda w: (-len(w), w))),
        marked_adjective_endings=tuple(
            sorted({_written(w) for w in data.get("adjective_endings", ()) if not _written(w).isascii()}, key=lambda w: (-len(w), w))
        ),
        organization_heads={k: tuple(v) for k, v in (data.get("organization_heads") or {}).items()},
    )


def read_word_file(path: Path) -> dict[str, Any]:
    """The raw mapping of one word-list file (the schema test reads it the same way)."""
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(data, dict) or data.get("code") != path.stem:
        raise ValueError(f"{path}: a word-list file maps keys to values, with code: {path.stem}")
    return data


@cache
def languages() -> dict[str, Language]:
    """Every language with a word-list file, by code (read once)."""
    return {p.stem: _language(read_word_file(p)) for p in sorted(WORDS.glob("*.yaml"))}


def language(code: str | None) -> Language | None:
    """The language of a tag's language subtag (`az` for `az-Cyrl-AZ`), or None if unknown."""
    if not code:
        return None
    return languages().get(code.split("-", 1)[0].lower())


def _union(get: Callable[[Language], frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*(get(x) for x in languages().values()))


@cache
def all_stopwords() -> frozenset[str]:
    return _union(lambda x: x.stopwords)


@cache
def all_titles() -> frozenset[str]:
    return _union(lambda x: x.titles)


@cache
def all_name_heads() -> frozenset[str]:
    return _union(lambda x: x.name_heads)


@cache
def all_determiners() -> frozenset[str]:
    return _union(lambda x: x.determiners)


@cache
def adjective_endings(code: str | None) -> tuple[str, ...]:
    """Endings of adjectives made from place names, in one language (every language's when
    `code` is None), longest first."""
    return _endings(code, lambda x: x.adjective_endings)


@cache
def marked_adjective_endings(code: str | None) -> tuple[str, ...]:
    """The adjective endings of one language that carry a mark, as written (every language's
    when `code` is None), longest first."""
    return _endings(code, lambda x: x.marked_adjective_endings)


def _endings(code: str | None, field_of: Callable[[Language], tuple[str, ...]]) -> tuple[str, ...]:
    chosen = [x for x in [language(code)] if x is not None] if code else list(languages().values())
    return tuple(sorted({e for x in chosen for e in field_of(x)}, key=lambda w: (-len(w), w)))


def honorifics(code: str | None) -> frozenset[str]:
    """Forms of address of one language (Mr, Frau); every language's when it is not known."""
    found = language(code)
    return found.honorifics if found is not None else all_honorifics()


@cache
def person_pronouns(code: str | None) -> frozenset[str]:
    """Pronouns said only of people, of the text's language (of every language when unknown)."""
    found = language(code)
    return found.person_pronouns if found is not None else _union(lambda x: x.person_pronouns)


def all_honorifics() -> frozenset[str]:
    return _union(lambda x: x.honorifics)


def determiners(code: str | None) -> frozenset[str]:
    """The articles and demonstratives of one language; every language's when it is not known
    (Czech "a" is "and", where Portuguese "a" is "the" and Italian "a" is "to")."""
    found = language(code)
    return found.determiners if found is not None else all_determiners()


def place_prepositions(code: str | None) -> frozenset[str]:
    """The prepositions of place of one language; every language's when it is not known."""
    found = language(code)
    return found.place_prepositions if found is not None else all_place_prepositions()


@cache
def all_place_prepositions() -> frozenset[str]:
    return _union(lambda x: x.place_prepositions)


@cache
def all_part_of_words() -> frozenset[str]:
    return _union(lambda x: x.part_of_words)


@cache
def all_in_endings() -> tuple[str, ...]:
    return tuple(sorted(_union(lambda x: frozenset(x.in_endings)), key=len, reverse=True))


@cache
def all_which_words() -> frozenset[str]:
    return _union(lambda x: x.which_words)


@cache
def all_province_offices() -> frozenset[str]:
    return _union(lambda x: x.province_offices)


def and_words(code: str | None) -> frozenset[str]:
    """The words of one language that join a list's items, "and", "or" (every language's when
    it is not known)."""
    found = language(code)
    return found.and_words if found is not None else _all_and_words()


@cache
def _all_and_words() -> frozenset[str]:
    return _union(lambda x: x.and_words)  # (asked for each pair of names in a list)


def in_words(code: str | None) -> frozenset[str]:
    """The words for "in" of one language (every language's when it is not known): in "X in Y"
    the second name contains the first."""
    found = language(code)
    return found.in_words if found is not None else _union(lambda x: x.in_words)


@cache
def all_generic_terms() -> frozenset[str]:
    return _union(lambda x: x.generic_terms)


@cache
def all_of_words() -> frozenset[str]:
    return _union(lambda x: x.of_words)


@cache
def all_elided() -> frozenset[str]:
    return _union(lambda x: x.elided)


@cache
def all_capital_words() -> frozenset[str]:
    return _union(lambda x: x.capital_words)


def _merged_type_cues(codes: Iterable[str]) -> dict[str, frozenset[str]]:
    """Folded type word -> the entry types it names, in any of these languages."""
    out: dict[str, frozenset[str]] = {}
    for code in codes:
        found = language(code)
        for word, types in (found.type_cues if found is not None else {}).items():
            out[word] = out.get(word, frozenset()) | types
    return out


@cache
def all_type_cues() -> dict[str, frozenset[str]]:
    """Folded type word -> the entry types it names, in every language."""
    return _merged_type_cues(languages())


@cache
def type_cues_read_in(code: str | None) -> dict[str, frozenset[str]]:
    """The type words read in a text of this language: its own (with its Turkic sisters', which a
    short text does not tell apart) and every other language's but those that are common words
    of this one (Italian "il", the, is no Turkish il, province); empty when the language is
    unknown."""
    found = language(code)
    if found is None:
        return {}
    own = _merged_type_cues(turkic_reading() if code in turkic_reading() else (found.code,))
    common = found.function_words | found.determiners | found.stopwords
    return {w: own.get(w, named) for w, named in all_type_cues().items() if w in own or w not in common}


@cache
def all_surname_suffixes() -> tuple[str, ...]:
    return tuple(sorted({s for x in languages().values() for s in x.surname_suffixes}, key=lambda s: (-len(s), s)))


@cache
def turkic_reading() -> frozenset[str]:
    """Codes of languages whose Latin letters read the Turkic way (az, tr ...)."""
    return frozenset(code for code, x in languages().items() if x.latin_reading == "turkic")


@cache
def stem_end_changes(code: str | None) -> int:
    """How many letters at the end of a name may change before a case ending in this language:
    one by default (Turkish Çorak, Çorağı), more where a family module says so (STEM_END_CHANGES:
    Polish Gniezno, Gnieźnie)."""
    found = [getattr(m, "STEM_END_CHANGES", 1) for m in families() if code in getattr(m, "LANGUAGES", ())]
    return max(found, default=1)


@cache
def latin_case_languages() -> frozenset[str]:
    """Codes of the languages whose case endings are read off words in Latin letters: the
    Turkic ones and those a Latin-script family module names (its LANGUAGES)."""
    named: list[frozenset[str]] = [getattr(m, "LANGUAGES", frozenset()) for m in families() if m.SCRIPT == "Latn"]
    return turkic_reading().union(*named)


def reads_turkic(tags: Iterable[str]) -> bool:
    """Whether any of these language tags reads Latin letters the Turkic way."""
    codes = turkic_reading()
    return any(tag.split("-", 1)[0] in codes for tag in tags)


@cache
def inflecting() -> frozenset[str]:
    return frozenset(code for code, x in languages().items() if x.inflects)


def _languages_of(get: Callable[[Language], Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Item -> the languages whose list (by `get`) holds it, in code order."""
    out: dict[str, list[str]] = {}
    for code, x in languages().items():
        for item in sorted(get(x)):
            out.setdefault(item, []).append(code)
    return {item: tuple(codes) for item, codes in out.items()}


@cache
def function_word_languages() -> dict[str, tuple[str, ...]]:
    """Folded function word -> the languages it belongs to (for guessing a text's language)."""
    return _languages_of(lambda x: x.function_words)


@cache
def elided_languages() -> dict[str, tuple[str, ...]]:
    """Folded elided article or preposition (l, d, dell) -> the languages that elide it."""
    return _languages_of(lambda x: x.elided)


@cache
def letter_languages() -> dict[str, tuple[str, ...]]:
    """Lower-case letter -> the languages whose `letters` list it (for guessing a text's language)."""
    return _languages_of(lambda x: x.letters)


@cache
def script_languages() -> dict[str, str]:
    """Script -> the one language that writes it among the words files (Geor -> ka, Armn -> hy):
    there the script alone tells the language."""
    out: dict[str, list[str]] = {}
    for code, x in languages().items():
        for script in x.scripts:
            out.setdefault(script, []).append(code)
    return {script: codes[0] for script, codes in out.items() if len(codes) == 1}


# -- morphology: the family modules ---------------------------------------------------------------
@cache
def families() -> tuple[ModuleType, ...]:
    """The modules of this package that read a script's morphology (they declare SCRIPT)."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "SCRIPT"):
            found.append(module)
    return tuple(found)


@cache
def _for_script(script: str, hook: str) -> tuple[Callable[..., Any], ...]:
    return tuple(getattr(m, hook) for m in families() if script == m.SCRIPT and hasattr(m, hook))


def bases(word: str, script: str | None) -> tuple[tuple[str, bool], ...]:
    """Candidate bases (base, derived) of one folded word in text: its case, possessive and
    clitic forms taken off. `derived` marks an adjective formed from the name (Bakılı)."""
    if script is None:
        return ()
    out: dict[str, bool] = {}
    for get in _for_script(script, "bases"):
        for base, derived in get(word):
            out.setdefault(base, derived)
    return tuple(out.items())


def has_bases(script: str | None) -> bool:
    return script is not None and bool(_for_script(script, "bases"))


def name_variants(words: list[str], script: str) -> list[str]:
    """Further keys (folded) under which a name of these folded words is found in declined text."""
    out: list[str] = []
    for get in _for_script(script, "name_variants"):
        out.extend(get(words))
    return out


def first_word_bases(word: str, script: str | None) -> tuple[tuple[str, bool], ...]:
    """Bases of the first word of a phrase, where the script's proclitics attach (Arabic و, ب, ال)
    or where an adjective declines with its noun (Polish Zielonej Górze, Czech Českých
    Budějovicích): from the modules that say so (PROCLITICS, DECLINES_EVERY_WORD) only."""
    if script is None:
        return ()
    out: dict[str, bool] = {}
    for get in _first_word_families(script):
        for base, derived in get(word):
            out.setdefault(base, derived)
    return tuple(out.items())


@cache
def _first_word_families(script: str) -> tuple[Callable[..., Any], ...]:
    return tuple(
        m.bases
        for m in families()
        if script == m.SCRIPT and hasattr(m, "bases") and (getattr(m, "PROCLITICS", False) or getattr(m, "DECLINES_EVERY_WORD", False))
    )


@cache
def place_endings(script: str | None) -> tuple[str, ...]:
    """Case endings of a script's families that place a name as a preposition of place does
    (Georgian -ში, -დან; Armenian -ում, -ից): each module's PLACE_ENDINGS."""
    if script is None:
        return ()
    return tuple(e for m in families() if script == m.SCRIPT for e in getattr(m, "PLACE_ENDINGS", ()))


@cache
def plural_endings(script: str | None) -> tuple[str, ...]:
    """Endings that make a noun plural in a script's families (Persian -ها, -های): a name so
    ended is more often a common noun's plural (انگورها, grapes) than a town's name."""
    if script is None:
        return ()
    return tuple(e for m in families() if script == m.SCRIPT for e in getattr(m, "PLURAL_ENDINGS", ()))


@cache
def declines_every_word(script: str | None) -> bool:
    """Whether a family of this script declines every word of a name (see first_word_bases)."""
    return script is not None and any(getattr(m, "DECLINES_EVERY_WORD", False) for m in families() if script == m.SCRIPT)


def stems(word: str, script: str | None) -> tuple[tuple[str, bool], ...]:
    """Every (stem, derived) a folded word may have in a script whose names are indexed by stem
    (Cyrillic: see slavic), the word itself first; empty in other scripts."""
    for get in _for_script(script, "stems") if script else ():
        return tuple(get(word))
    return ()


def name_stem(folded: str, script: str, short: bool = False) -> str | None:
    """The stem key of a name in a script whose names are indexed by stem, else None. `short`
    allows the shortest stems (Вена -> вен), which chance words meet more often: for places a
    bare mention means (see exonym.resolver.index.is_major)."""
    for get in _for_script(script, "name_stem"):
        return str(get(folded, short)[0])
    return None


def by_length(suffixes: Iterable[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """Suffixes grouped by length, longest first: a word's candidate suffixes are then a few set
    look-ups of its last letters, not a scan of the whole table."""
    groups: dict[int, set[str]] = {}
    for s in suffixes:
        groups.setdefault(len(s), set()).add(s)
    return tuple((n, frozenset(groups[n])) for n in sorted(groups, reverse=True))
