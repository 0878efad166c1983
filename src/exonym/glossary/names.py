"""The name of an entry for a reader: one locale, one moment, one house style.

Fallback chain (documented in README): the requested tag with its script made explicit (babel's
likely subtags: zh-TW -> zh-Hant-TW, sr -> sr-Cyrl), then language-script, language-region,
language, and English; the entry's canonical label comes last. `az-Cyrl-AZ` -> `az-Cyrl` -> `az`
-> `en`. A name matches a step when its tag has that language and, where the step names them,
that script (the tag's, or the script of the text itself) and region. A well-formed tag for a
language the gazetteer has no names in falls back to English; a malformed tag is an error.

Within a step the best name is: in use at the moment asked (`at`; by default now), favoured by
the style, in the locale's script, preferred, by kind (official before variant), by text.
Names a style avoids, historical names and names out of their period are used only when no
step of the chain has anything else."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from exonym.errors import InvalidLanguageTag
from exonym.model import ADJECTIVE_KINDS, NAME_KINDS, Entry, Name
from exonym.text.langtags import canonical_tag
from exonym.text.normalize import latin_key, skeleton

if TYPE_CHECKING:
    from exonym.data.styles import Style

_WELL_FORMED = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8}|-[0-9][A-Za-z0-9]{3})*$")
# BCP 47 extensions (-u-ca-gregory) and private use (-x-...) say nothing about which name to show
_EXTENSIONS = re.compile(r"-(?:[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+|[Xx](?:-[A-Za-z0-9]{1,8})+)+$")
_KIND_RANK = {
    k: i for i, k in enumerate(("official", "endonym", "exonym", "variant", "romanization", "colloquial", "abbreviation", "historical"))
}
_TIERS = 2  # 0: usable as is; 1: avoided by the style, historical, or out of its period
_THIS_YEAR = datetime.date.today().year


@dataclass(frozen=True, slots=True)
class RequestedLocale:
    tag: str  # as asked, in canonical case
    language: str
    script: str | None  # asked or likely (babel)
    region: str | None
    chain: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LocaleName:
    """The name to show: `text` (with the style's template applied), the gazetteer name it
    comes from, the other side's name when the style shows one, and how it was found."""

    text: str
    name: Name | None
    other: Name | None
    locale: str
    step: str  # the chain step that gave the name ("label" for the canonical label)
    fallback: bool  # True when the name is not in the requested language


@lru_cache(maxsize=1024)
def parse_locale(locale: str, parameter: str = "locale") -> RequestedLocale:
    """Parse and canonicalise a locale; InvalidLanguageTag (naming `parameter`) when it is not a
    well-formed tag."""
    raw = _EXTENSIONS.sub("", str(locale or "").strip().replace("_", "-"))
    if not _WELL_FORMED.match(raw):
        raise InvalidLanguageTag(str(locale), "not a well-formed BCP 47 tag (e.g. en, az-Cyrl-AZ, zh-Hant-TW)", parameter=parameter)
    raw = _alias(raw)
    try:
        tag = canonical_tag(raw)
    except InvalidLanguageTag:  # well formed, unknown to CLDR: no names, falls back to English
        tag = _case(raw)
    parts = tag.split("-")
    language = parts[0]
    script = next((p for p in parts[1:] if len(p) == 4 and p[0].isupper()), None)
    region = next((p for p in parts[1:] if (len(p) == 2 and p.isupper()) or (len(p) == 3 and p.isdigit())), None)
    likely = _likely_script(language, region)
    script = script or likely
    steps = [
        "-".join(p for p in (language, script, region) if p),
        "-".join(p for p in (language, script) if p),
        "-".join(p for p in (language, region) if p),
        language,
    ]
    if language != "en":
        steps.append("en")
    chain = tuple(dict.fromkeys(s for s in steps if s))
    return RequestedLocale(tag, language, script, region, chain)


def _alias(raw: str) -> str:
    """Deprecated language codes to their current ones, as CLDR lists them (iw -> he, in -> id,
    mo -> ro, sh -> sr-Latn)."""
    from babel.core import get_global

    first, _, rest = raw.partition("-")
    found = get_global("language_aliases").get(first.lower())
    if not found:
        return raw
    current = str(found).replace("_", "-")
    if "-" in current and rest[:4].isalpha() and len(rest.split("-")[0]) == 4:
        current = current.split("-")[0]  # sh-Cyrl: the tag's own script wins
    return current + ("-" + rest if rest else "")


def _case(raw: str) -> str:
    parts = raw.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.title() if len(p) == 4 and p.isalpha() else p.upper() if len(p) == 2 else p.lower())
    return "-".join(out)


@lru_cache(maxsize=512)
def _likely_script(language: str, region: str | None) -> str | None:
    from babel.core import get_global

    likely = get_global("likely_subtags")
    full = likely.get(f"{language}_{region}") if region else None
    full = full or likely.get(language)
    if not full:
        return None
    return next((p for p in str(full).split("_")[1:] if len(p) == 4), None)


@lru_cache(maxsize=4096)
def _tag_parts(tag: str) -> tuple[str, str | None, str | None]:
    parts = tag.split("-")
    script = next((p for p in parts[1:] if len(p) == 4 and p[0].isupper()), None)
    region = next((p for p in parts[1:] if (len(p) == 2 and p.isupper()) or (len(p) == 3 and p.isdigit())), None)
    return parts[0].lower(), script, region


def _name_script(name: Name, lang: str, script: str | None, region: str | None) -> str | None:
    """The script a name is written in, for one of its tags: the tag's own, else the text's;
    Han text is both Simplified and Traditional, so there the tag decides (zh -> Hans,
    zh-TW and yue -> Hant, by CLDR's likely subtags)."""
    if script:
        return script
    if name.script == "Hani":
        return _likely_script(lang, region) or name.script
    return name.script


def _matches(name: Name, step: str) -> bool:
    lang, script, region = _tag_parts(step)
    for tag in name.langs:
        t_lang, t_script, t_region = _tag_parts(tag)
        if t_lang != lang:
            continue
        if script and _name_script(name, t_lang, t_script, t_region) != script:
            continue
        if region and t_region != region:
            continue
        return True
    return False


def _in_use(name: Name, at: int | None) -> bool:
    year = at if at is not None else _THIS_YEAR
    if name.period is not None:
        start, end = name.period.start, name.period.end
        return (start is None or start <= year) and (end is None or year <= end)
    return name.kind != "historical"


def _period_rank(name: Name, at: int | None) -> int:
    """Asked for a year, a name of a closed period that covers it beats a timeless one
    (Kirovabad, 1935-1989, in 1980). An open period (Stepanakert, from 1923) says when a name
    began, not that the others stopped: it gets no such precedence."""
    return 0 if at is not None and name.period is not None and name.period.end is not None else 1


@dataclass(frozen=True)
class Parties:
    """Whose names a style favours or avoids, for one entry."""

    prefer: frozenset[str] = frozenset()
    avoid: frozenset[str] = frozenset()
    prefer_sources: frozenset[str] = frozenset()


_PARTY_CACHE: dict[tuple[str, Parties], tuple[Entry, tuple[set[str], set[str]]]] = {}


def _party_sets(entry: Entry, parties: Parties) -> tuple[set[str], set[str]]:
    key = (entry.id, parties)
    cached = _PARTY_CACHE.get(key)
    if cached is not None and cached[0] is entry:  # the same entry object, not a namesake
        return cached[1]
    if len(_PARTY_CACHE) > 50_000:  # bounded: a long-running server sees every entry
        _PARTY_CACHE.clear()
    found = _compute_party_sets(entry, parties)
    _PARTY_CACHE[key] = (entry, found)
    return found


def _compute_party_sets(entry: Entry, parties: Parties) -> tuple[set[str], set[str]]:
    """Skeletons of the names the favoured and the avoided parties use, so that a name without
    `used_by` in another language counts as theirs when it is the same name (Խանքենդի is
    Xankəndi; Степанакерт is Stepanakert)."""
    favoured: set[str] = set()
    avoided: set[str] = set()
    for n in entry.names:
        key = skeleton(latin_key(n.text))
        users = set(n.used_by)
        if users & parties.prefer:
            favoured.add(key)
        elif users and users <= parties.avoid:
            avoided.add(key)
    return favoured, avoided - favoured


def _is_avoided(name: Name, parties: Parties, avoided_keys: set[str]) -> bool:
    users = set(name.used_by)
    if users:
        return users <= parties.avoid
    return skeleton(latin_key(name.text)) in avoided_keys


def is_avoided(entry: Entry, name: Name, parties: Parties) -> bool:
    """Whether a style avoids this name: used only by avoided sides, or, with no `used_by`,
    the same name as one of theirs (Степанакерт is Stepanakert)."""
    if not parties.avoid:
        return False
    return _is_avoided(name, parties, _party_sets(entry, parties)[1])


def style_parties(style: Style | None, country: str | None) -> Parties:
    """The sides a style favours and avoids for an entry in `country`."""
    if style is None:
        return Parties()
    prefer = set(style.prefer_used_by)
    if style.prefer_recognised_state and country:
        prefer.add(country)
    return Parties(frozenset(prefer), frozenset(style.avoid_used_by) - prefer, frozenset(style.prefer_sources))


def choose(
    entry: Entry,
    locale: RequestedLocale,
    *,
    at: int | None = None,
    parties: Parties = Parties(),
    exclude: Iterable[Name] = (),
) -> tuple[Name | None, str]:
    """The best name along the chain, and the step that gave it."""
    favoured, avoided = _party_sets(entry, parties) if (parties.prefer or parties.avoid) else (set(), set())
    skip = set(exclude)

    def tier(n: Name) -> int:
        if not _in_use(n, at):
            return 1
        return 1 if parties.avoid and _is_avoided(n, parties, avoided) else 0

    def party_rank(n: Name) -> int:
        if set(n.used_by) & parties.prefer or set(n.sources) & parties.prefer_sources:
            return 0
        if favoured and skeleton(latin_key(n.text)) in favoured:
            return 1
        return 2

    def other_region(n: Name) -> bool:
        """sr-Cyrl-BA is a Serbian name, but for Bosnia: not the first choice for plain sr."""
        regions = {_tag_parts(t)[2] for t in n.langs if _tag_parts(t)[0] == locale.language}
        return bool(regions) and None not in regions and locale.region not in regions

    def rank(n: Name) -> tuple[Any, ...]:
        return (
            _period_rank(n, at),
            other_region(n),
            party_rank(n),
            locale.script is not None and all(_name_script(n, *_tag_parts(t)) != locale.script for t in n.langs),
            not n.preferred,
            _KIND_RANK.get(n.kind, len(NAME_KINDS)),
            n.text,
        )

    # only the names in a language of the chain are worth a look (a country has hundreds)
    chain_langs = {_tag_parts(step)[0] for step in locale.chain}
    usable = [
        n for n in entry.names if n.kind not in ADJECTIVE_KINDS and n not in skip and any(_tag_parts(t)[0] in chain_langs for t in n.langs)
    ]
    tiers = {id(n): tier(n) for n in usable}
    for wanted in range(_TIERS):
        for step in locale.chain:
            found = [n for n in usable if tiers[id(n)] <= wanted and _matches(n, step)]
            if found:
                return min(found, key=rank), step
    return None, "label"


def other_side(
    entry: Entry,
    primary: Name,
    locale: RequestedLocale,
    step: str,
    at: int | None,
    parties: Parties,
    neutral_users: frozenset[str] = frozenset(),
) -> Name | None:
    """The name another party uses, in the primary name's language step: Stepanakert beside
    Khankendi. Another party is a `used_by` outside the favoured ones and the primary's, and
    not one of `neutral_users` (the UN uses a name without being a side to the dispute)."""
    mine = set(primary.used_by) | set(parties.prefer)
    theirs = [
        n
        for n in entry.names
        if (set(n.used_by) - neutral_users) and not (set(n.used_by) & mine) and n.kind not in ADJECTIVE_KINDS and _in_use(n, at)
    ]
    if not theirs:
        return None
    keys = {skeleton(latin_key(n.text)) for n in theirs}
    # in the primary name's language if it has one, else further down the chain (Xankəndi
    # (Stepanakert) in Azerbaijani, where no Azerbaijani text records the Armenian name)
    steps = locale.chain[locale.chain.index(step) :] if step in locale.chain else (step,)
    for s in steps:
        found = [
            n
            for n in entry.names
            if n.text != primary.text
            and _matches(n, s)
            and _in_use(n, at)
            and n.kind not in ADJECTIVE_KINDS
            and (n in theirs or (not n.used_by and skeleton(latin_key(n.text)) in keys))
        ]
        if found:
            return min(found, key=lambda n: (n not in theirs, not n.preferred, _KIND_RANK.get(n.kind, 99), n.text))
    return None


def name_in(
    entry: Entry,
    locale: str,
    *,
    at: int | None = None,
    style: Style | None = None,
    country: str | None = None,
    first: bool = True,
    neutral_users: frozenset[str] = frozenset(),
) -> LocaleName:
    """See the module docstring. `country` is the state the place lies in (for styles that
    prefer the recognised state) and `neutral_users` the organizations among `used_by` ids;
    Gazetteer.name_in fills them in."""
    from exonym.data.styles import fill

    req = parse_locale(locale)
    parties = style_parties(style, country)
    name, step = choose(entry, req, at=at, parties=parties)
    if name is None:
        return LocaleName(entry.name, None, None, req.tag, "label", req.language != "en")
    fallback = _tag_parts(step)[0] != req.language
    other = None
    template = "{name}"
    if style is not None:
        template = style.first_mention if first else style.later_mentions
        if "{other}" in template:
            other = other_side(entry, name, req, step, at, parties, neutral_users)
    text = fill(template, name.text, other.text if other else None)
    return LocaleName(text, name, other, req.tag, step, fallback)
