"""Resolution: candidate spans -> Mentions, with disambiguation from context and an explanation
for each; and `lookup`, the same mechanisms for a single name."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from exonym.errors import InputError, InvalidLanguageTag
from exonym.model import ENTRY_TYPES, GLOSSARY_TYPES, PLACE_TYPES, Name
from exonym.resolver.budget import Budget
from exonym.resolver.match import (
    CHECK_EVERY,
    FUZZY_CUTOFF,
    FUZZY_CUTOFF_UNCASED,
    LONGEST_WORD,
    UNCASED_FUZZY_MIN,
    Hit,
    Matcher,
    Memo,
    Span,
    word_forms,
)
from exonym.resolver.persons import HeadlineLines, person_reason
from exonym.resolver.results import Candidate, Mention
from exonym.resolver.scoring import METHOD_SCORES, score, weight
from exonym.text import lang as languages
from exonym.text.langguess import guess_language
from exonym.text.langtags import canonical_tag, language_of
from exonym.text.normalize import fold, latin_key
from exonym.text.tokens import tokenize

if TYPE_CHECKING:
    from exonym.gazetteer import Gazetteer

MAX_QUERY_LENGTH = 256
SKELETON_CONFIRM = 78  # rapidfuzz ratio between Latin keys for a skeleton match to stand
SKELETON_CONFIRM_UNCASED = 88  # stricter where capitals give no evidence (Arabic, Georgian)
MIN_MENTION_SCORE = 50
TYPE_GROUPS = {"place": PLACE_TYPES, "places": PLACE_TYPES, "glossary": GLOSSARY_TYPES}
_IMPORT_SOURCES = frozenset({"geonames", "cldr"})

_SETTLEMENT = frozenset({"city", "town", "village"})
# entry id -> (score, hit, name): the best reading of a span by each entry
Readings = dict[str, tuple[float, Hit, Name]]
_ADMIN = frozenset({"first-level-division", "district", "disputed-territory"})


def parse_types(types: Any) -> frozenset[str] | None:
    """None, 'city,town', ['city'], or the groups 'place' / 'glossary' -> a set of entry types."""
    if types is None:
        return None
    items = types.split(",") if isinstance(types, str) else list(types)
    out: set[str] = set()
    for item in items:
        t = str(item).strip()
        if not t:
            continue
        if t in TYPE_GROUPS:
            out |= TYPE_GROUPS[t]
        elif t in ENTRY_TYPES:
            out.add(t)
        else:
            raise InputError(f"unknown type {t!r}; known: {', '.join(ENTRY_TYPES)}, place, glossary", parameter="types")
    return frozenset(out) if out else None


def _stopwords(text_lang: str | None) -> frozenset[str]:
    """Words never read as names at a sentence start: the text's language's, or every
    language's when it is not known."""
    if text_lang is None:
        return languages.all_stopwords()
    found = languages.language(text_lang)
    return found.stopwords if found else frozenset()


def _lang_hint(lang: str | None) -> str | None:
    if lang is None:
        return None
    try:
        return canonical_tag(lang)
    except InvalidLanguageTag as exc:
        raise exc.about("lang") from None


def _is_weak(name: Name) -> bool:
    """An import's alternate spelling, with no stated language: little evidence on its own."""
    return name.kind == "variant" and set(name.sources) <= _IMPORT_SOURCES


@lru_cache(maxsize=4)
def _matcher(index: Any) -> Matcher:
    return Matcher(index)


def _hit_cache(gaz: Gazetteer) -> Memo:
    """Gate results per surface form, kept by the index's matcher: spans repeat across a text
    and across texts."""
    return _matcher(gaz.index).hit_cache


class _Resolution:
    """One text's spans scored against each other."""

    def __init__(
        self,
        gaz: Gazetteer,
        text: str,
        lang: str | None,
        types: frozenset[str] | None,
        include_adjectives: bool,
        budget: Budget | None = None,
    ) -> None:
        self.gaz = gaz
        self.budget = budget
        self.text = text
        self.lang = lang
        self.types = types
        self.include_adjectives = include_adjectives
        self.ranking_only = False  # lookup: rank by how well the name matches, not by evidence
        self.index = gaz.index
        self.tokens = tokenize(text)
        self._token_starts = [t.start for t in self.tokens]
        self.text_lang = language_of(lang) if lang else guess_language([word_forms(t.text, False).fold for t in self.tokens[:400]])
        self._ancestors: dict[str, frozenset[str]] = {}

    def ancestors(self, entry_id: str) -> frozenset[str]:
        got = self._ancestors.get(entry_id)
        if got is None:
            got = frozenset(self.gaz.ancestors(entry_id))
            self._ancestors[entry_id] = got
        return got

    def entry_hits(self, span: Span) -> Readings:
        """Best hit per entry, after the precision gates (cached per surface and setting)."""
        # lookup() scores a different set of hits (fuzzy ones added) by other rules: keep apart.
        key = (
            self.text[span.start : span.end],
            span.first_word_case,
            span.sentence_start,
            self.text_lang,
            self.types,
            self.ranking_only,
            id(span.hits) if span.hits and span.hits[0].method == "fuzzy" else 0,
        )
        return _hit_cache(self.gaz).get_or(key, lambda: self._entry_hits(span))  # type: ignore[no-any-return]

    def _entry_hits(self, span: Span) -> Readings:
        surface = unicodedata.normalize("NFC", self.text[span.start : span.end])
        best: Readings = {}
        ix = self.index
        for hit in span.hits:
            entry_id = ix.entry_ids[ix.name_entry[hit.name_id]]
            entry = self.gaz.entries[entry_id]
            name = entry.names[ix.name_pos[hit.name_id]]
            if self.types is not None and entry.type not in self.types:
                continue
            if not self._case_ok(span, surface, name, hit):
                continue
            confirm = SKELETON_CONFIRM if span.first_word_case != "none" else SKELETON_CONFIRM_UNCASED
            if hit.method == "romanization variant" and fuzz.ratio(latin_key(surface), latin_key(name.text)) < confirm:
                continue  # the skeleton only proposes; the spelling must still be close
            if span.sentence_start and span.first_word_case == "title" and not self._sentence_start_ok(surface, name, hit):
                continue
            value = hit.score
            exact = surface == name.text or (hit.short and (name.text.startswith(surface + " ") or name.text.endswith(" " + surface)))
            if hit.method == "folded" and exact:
                value = METHOD_SCORES["exact"] + (weight("short_form") if hit.short else 0)
                hit = Hit(hit.name_id, "exact", value, hit.derived, hit.short)
            if _is_weak(name) and not self.ranking_only:
                value += weight("import_variant")
            if self.text_lang and any(language_of(lang) == self.text_lang for lang in name.langs):
                value += weight("own_language")
            elif name.is_adjective:
                value += weight("foreign_adjective")
            old = best.get(entry_id)
            if old is None or value > old[0]:
                best[entry_id] = (value, hit, name)
        return best

    @staticmethod
    def _case_ok(span: Span, surface: str, name: Name, hit: Hit) -> bool:
        """Proper names are capitalised: a lower-case word matches only a name written in lower
        case itself, by spelling (no Nice in "a nice gesture", no Benin in "been", no Togo in
        "того"); a short all-caps word matches only an abbreviation or the same capitals."""
        first = next((c for c in name.text if c.isalpha()), "")
        name_lowercase = bool(first) and first.islower()
        if span.first_word_case == "lower" and (not name_lowercase or hit.method in ("romanization variant", "fuzzy")):
            return False
        letters = sum(c.isalpha() for c in surface)
        if name.kind == "abbreviation" and hit.method not in ("folded", "exact", "inflected"):
            return False  # an abbreviation is matched as written, never through another script
        if span.first_word_case == "none" and letters <= 3 and hit.method not in ("folded", "exact"):
            return False
        if letters <= 3 and span.first_word_case == "upper":
            return name.kind == "abbreviation" or surface == name.text or name.text.isupper()
        return not (letters <= 2 and not (surface == name.text or name.kind == "abbreviation"))

    def _proper_noun(self, span: Span, hit: Hit, entry_id: str) -> bool:
        """A capitalised word mid-sentence, or with an apostrophe suffix (Ankara'da), matching a
        large place exactly is evidence enough even through an import's variant."""
        if span.sentence_start or span.first_word_case not in ("title", "upper"):
            return False
        if hit.method not in ("exact", "folded", "inflected"):
            return False
        return bool(self.index.priors[self.gaz.index_number(entry_id)] >= 40)

    def _retry(self, matcher: Matcher, span: Span, turkic: bool) -> list[Span]:
        first = bisect.bisect_left(self._token_starts, span.start)
        last = bisect.bisect_right(self._token_starts, span.end)
        inner = [t for t in self.tokens[first:last] if t.end <= span.end]
        if len(inner) > 1:
            rest = inner[1].start
            sub = matcher.spans(self.text[rest : span.end], turkic_hint=turkic)
            return [Span(s.start + rest, s.end + rest, s.hits, s.first_word_case, False) for s in sub]
        if len(inner) == 1 and not any(h.method == "fuzzy" for h in span.hits):
            forms = word_forms(inner[0].text, turkic)
            if forms.case in ("title", "upper", "none"):
                uncased_ok = forms.case != "none" or len(forms.latin) >= UNCASED_FUZZY_MIN.get(forms.script or "", 99)
                if uncased_ok and len(forms.latin) >= 6 and (not span.sentence_start or forms.case == "none" or len(forms.latin) >= 8):
                    hits = matcher.fuzzy_hits(forms.latin, FUZZY_CUTOFF if forms.case != "none" else FUZZY_CUTOFF_UNCASED)
                    if hits:
                        return [Span(span.start, span.end, hits, span.first_word_case, span.sentence_start)]
        return []

    def _sentence_start_ok(self, surface: str, name: Name, hit: Hit) -> bool:
        """A capitalised first word of a sentence is no evidence of a name ("Man geht ...",
        "Para el Gobierno"): it needs a recorded name of its own language or a widely shared one."""
        if " " in surface or len(surface) >= 8:
            return True
        if _is_weak(name) or hit.method in ("romanization variant", "fuzzy"):
            return False
        if fold(surface) in _stopwords(self.text_lang):
            return False
        if self.text_lang is None:
            return True
        return self.text_lang in {language_of(lang) for lang in name.langs} or len(name.langs) >= 5

    def run(self) -> list[Mention]:
        scored = self._without_persons(self._readings())
        return self._choose(scored)

    def _readings(self) -> list[tuple[Span, Readings]]:
        """Every candidate span with the readings that pass the precision gates. A span whose
        readings all fail is retried: its words may hold a shorter or a misspelt name that the
        longest match hid."""
        turkic = self.text_lang in languages.turkic_reading()
        matcher = _matcher(self.index)
        queue = deque(matcher.spans(self.text, turkic_hint=turkic, tokens=self.tokens, budget=self.budget))
        lower_words: set[str] | None = None  # the text's lower-case words, built when first needed
        out: list[tuple[Span, Readings]] = []
        seen = 0
        while queue:
            seen += 1
            if self.budget is not None and seen % CHECK_EVERY == 0:
                self.budget.check()
            span = queue.popleft()
            hits = self.entry_hits(span)
            if not hits:
                queue.extendleft(reversed(self._retry(matcher, span, turkic)))
                continue
            if span.sentence_start and span.first_word_case == "title":
                word = word_forms(self.text[span.start : span.end], False).fold
                if lower_words is None:
                    lower_words = {word_forms(t.text, False).fold for t in self.tokens if t.text[:1].islower()}
                if word in lower_words:  # "Split the bill ... split": a common word
                    continue
            out.append((span, hits))
        return out

    def _base(self, entry_id: str, match: float) -> float:
        return score(match, self.index.priors[self.gaz.index_number(entry_id)])

    def _choose(self, scored: list[tuple[Span, Readings]]) -> list[Mention]:
        """One entry per span, from its readings and what the other spans establish."""
        # Anchors are spans with one clear reading; they are the context the others lean on.
        anchors: list[set[str]] = []
        leaders: list[str] = []
        for _, hits in scored:
            ranked = sorted((self._base(e, s), e) for e, (s, _, _) in hits.items())[::-1]
            clear = len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= weight("clear_margin")
            anchors.append({ranked[0][1]} if clear else set())
            leaders.append(ranked[0][1])
        # Counted over the whole text, so that each span can leave itself out in O(1).
        context_count: Counter[str] = Counter()
        ancestor_count: Counter[str] = Counter()
        for a in anchors:
            for e in a:
                context_count[e] += 1
                ancestor_count.update(self.ancestors(e))
        mentions: list[Mention] = []
        for k, (span, hits) in enumerate(scored):
            own = anchors[k]
            context = _Context(
                mentioned=_Others(context_count, Counter(own)),
                contained=_Others(ancestor_count, Counter(a for e in own for a in self.ancestors(e))),
                local=self._local_context(k, scored),
                cue=self._type_cue(span),
            )
            # "Tovuz (known as Tavush in Armenia)": names in apposition are read at one level,
            # two districts or two towns, when they are not one place.
            context.partner_levels = {_level(self.gaz.entries[leaders[j]].type) for j in context.local["bracket"]}
            mention = self._mention(span, hits, context)
            if mention is not None:
                mentions.append(mention)
                if self.budget is not None:
                    self.budget.add_mentions()
                    if len(mentions) % CHECK_EVERY == 0:
                        self.budget.check()
        return mentions

    def _mention(self, span: Span, hits: Readings, context: _Context) -> Mention | None:
        """The best-supported reading of a span, or None when none is good enough."""
        results = []
        for entry_id, (s, hit, name) in hits.items():
            bonus, why = self._evidence(entry_id, context)
            if _is_weak(name):
                if not bonus and not self._proper_noun(span, hit, entry_id):
                    continue  # an import's variant with no language needs context
                bonus *= weight("import_variant_context")
            results.append((self._base(entry_id, s) + bonus, entry_id, hit, name, why))
        if not results:
            return None
        results.sort(key=lambda r: (-r[0], r[1]))
        best, entry_id, hit, name, why = results[0]
        if best < weight("min_mention"):
            return None
        is_adjective = name.is_adjective or hit.derived
        if is_adjective and not self.include_adjectives:
            return None
        lifted = why and len(results) > 1 and results[1][0] > self._base(entry_id, hit.score) - weight("context_method_margin")
        return Mention(
            start=span.start,
            end=span.end,
            text=self.text[span.start : span.end],
            entry=self.gaz.entries[entry_id],
            score=round(min(100.0, best), 1),
            method="context" if lifted else hit.method,
            name=name,
            candidates=tuple(Candidate(self.gaz.entries[e], round(min(100.0, sc), 1), n, h.method) for sc, e, h, n, _ in results[1:6]),
            is_adjective=is_adjective,
            reasons=tuple(why),
            match_method=hit.method,
            short_form=hit.short,
        )

    def _evidence(self, entry_id: str, context: _Context) -> tuple[float, list[str]]:
        """What the text around a span says for one reading: (bonus, reasons), by the weights of
        exonym.resolver.scoring."""
        why: list[str] = []
        bonus = 0.0
        local = context.local
        anc = self.ancestors(entry_id)
        if entry_id in local["same"]:
            bonus += weight("apposition_same")
            why.append("named again beside it in apposition")
        if anc & local["parent"]:
            bonus += weight("qualified_by_parent")
            why.append(f"qualified by {', '.join(sorted(anc & local['parent']))} beside it")
        known = {a for a in anc if a in context.mentioned or a in context.contained}
        if known:
            bonus += weight("inside_mentioned")
            why.append(f"in {', '.join(sorted(known)[:3])}, which the text mentions")
        elif entry_id in context.contained:
            bonus += weight("contains_mentioned")
            why.append("contains other places the text mentions")
        elif entry_id in context.mentioned:
            bonus += weight("mentioned_elsewhere")
            why.append("mentioned elsewhere in the text")
        entry_type = self.gaz.entries[entry_id].type
        if _level(entry_type) in context.partner_levels:
            bonus += weight("apposition_level")
            why.append("at the level of the name in apposition")
        if context.cue and entry_type in context.cue:
            bonus += weight("type_cue")
            why.append("the word beside it names its type")
        return bonus, why

    def _without_persons(self, scored: list[tuple[Span, Readings]]) -> list[tuple[Span, Readings]]:
        """Drop one-word place names that the text shows to be part of a person's name
        (Michael Jordan, Ararat Mirzoyan), and the same word alone elsewhere in it."""
        if self.ranking_only:
            return scored
        persons: set[str] = set()
        single: dict[int, int] = {}  # position in scored -> token index, for one-word spans
        starts = [span.start for span, _ in scored]  # spans do not overlap: sorted by start

        def covered(t: int) -> bool:
            tok = self.tokens[t]
            k = bisect.bisect_right(starts, tok.start) - 1
            return k >= 0 and scored[k][0].end >= tok.end

        def known(t: int) -> bool:
            word = self.tokens[t].text
            return covered(t) or fold(word) in languages.all_type_cues() or self._is_known_word(word)

        headline = HeadlineLines(self.text, self.tokens)
        for k, (span, hits) in enumerate(scored):
            i = bisect.bisect_left(self._token_starts, span.start)
            if i >= len(self.tokens) or self.tokens[i].end != span.end or span.first_word_case != "title":
                continue
            if not all(self.gaz.entries[e].is_place for e in hits):
                continue
            single[k] = i
            if person_reason(self.text, self.tokens, i, known, headline, self.text_lang):
                persons.add(fold(self.tokens[i].text))
        if not persons:
            return scored
        return [item for k, item in enumerate(scored) if not (k in single and fold(self.tokens[single[k]].text) in persons)]

    def _is_known_word(self, word: str) -> bool:
        """Whether a word alone is a name in the gazetteer (Azerbaijani, Soviet, Tavush ...)."""
        if len(word) > LONGEST_WORD:
            return False

        def compute() -> bool:
            spans = _matcher(self.index).spans(word, turkic_hint=False)
            return any(
                s.start == 0 and s.end == len(word) and any(h.method in ("exact", "folded", "inflected") for h in s.hits) for s in spans
            )

        return bool(_hit_cache(self.gaz).get_or(("known word", word), compute))

    def _type_cue(self, span: Span) -> frozenset[str]:
        """Types named by the word right after or before a span: "Tavush village", "село Х"."""
        i = bisect.bisect_left(self._token_starts, span.end)
        j = bisect.bisect_left(self._token_starts, span.start) - 1
        out: frozenset[str] = frozenset()
        cues = languages.all_type_cues()
        for k in (i, j):
            if 0 <= k < len(self.tokens):
                tok = self.tokens[k]
                gap = self.text[span.end : tok.start] if k == i else self.text[tok.end : span.start]
                if len(gap) <= 3 and not gap.strip(" -\u00a0"):
                    out |= cues.get(fold(tok.text), frozenset())
                    # "the village of Tavush", "la ville de Gandja": the cue two words back
                    if k == j and k > 0 and fold(tok.text) in languages.all_of_words():
                        before = self.tokens[k - 1]
                        if not self.text[before.end : tok.start].strip():
                            out |= cues.get(fold(before.text), frozenset())
        return out

    def _local_context(self, k: int, scored: list[tuple[Span, Readings]]) -> dict[str, Any]:
        """Entries of the neighbouring spans that qualify span k: "X (Y)", "X, Y", "X in Y"."""
        span = scored[k][0]
        same: set[str] = set()
        parent: set[str] = set()
        bracket: set[int] = set()
        for j in (k - 1, k + 1):
            if not 0 <= j < len(scored):
                continue
            other, other_hits = scored[j]
            gap = self.text[span.end : other.start] if j > k else self.text[other.end : span.start]
            if len(gap) > 40:
                continue
            # "Stepanakert (Khankendi)": both names of one place, each a real name of it.
            strong_other = {e for e, (_, _, n) in other_hits.items() if not _is_weak(n)}
            strong_here = {e for e, (_, _, n) in scored[k][1].items() if not _is_weak(n)}
            if re.fullmatch(r"\s*[(\[]\s*", gap if j > k else gap[-3:]):
                same |= strong_other & strong_here
            if (j > k and re.fullmatch(r"\s*[(\[][^()\[\]]{0,30}", gap)) or (j < k and re.fullmatch(r"\s*[(\[][^()\[\]]{0,30}", gap)):
                bracket.add(j)
            if j > k and re.fullmatch(r"\s*(,|\(|[(]?\s*\w+(\s\w+)?\s+as\s+\w+\s+in|\bin|\bof|в|во|у|de|du|en|in)\s*", gap, re.I):
                parent |= set(other_hits)
            if j > k and re.fullmatch(r"\s*[,(]\s*", gap):
                parent |= set(other_hits)
        return {"same": same, "parent": parent, "bracket": bracket}


@dataclass(slots=True)
class _Context:
    """What the rest of the text says around one span."""

    mentioned: _Others  # entries the other spans name clearly
    contained: _Others  # ancestors of those entries
    local: dict[str, Any]  # the neighbours: same place, parent, bracketed partner
    cue: frozenset[str]  # entry types named by the word beside the span
    partner_levels: set[str] = field(default_factory=set)


class _Others:
    """Membership in a count of the whole text, less one span's own share."""

    __slots__ = ("own", "total")

    def __init__(self, total: Counter[str], own: Counter[str]) -> None:
        self.total = total
        self.own = own

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return self.total.get(key, 0) - self.own.get(key, 0) > 0


def _level(entry_type: str) -> str:
    return "settlement" if entry_type in _SETTLEMENT else "unit"


def resolve(
    gaz: Gazetteer, text: str, *, lang: str | None = None, types: Any = None, include_adjectives: bool = False, budget: Budget | None = None
) -> list[Mention]:
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}", parameter="text")
    return _Resolution(gaz, text, _lang_hint(lang), parse_types(types), include_adjectives, budget).run()


def lookup(gaz: Gazetteer, query: str, *, lang: str | None = None, limit: int = 5, types: Any = None) -> list[Candidate]:
    if not isinstance(query, str):
        raise InputError(f"query must be a string, not {type(query).__name__}", parameter="query")
    query = query.strip()
    if not query:
        raise InputError("the query is empty", parameter="query")
    if len(query) > MAX_QUERY_LENGTH:
        raise InputError(f"the query is longer than {MAX_QUERY_LENGTH} characters", parameter="query")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise InputError("limit must be a whole number of at least 1", parameter="limit")
    hint = _lang_hint(lang)
    wanted = parse_types(types)
    matcher = _matcher(gaz.index)
    tokens = tokenize(query)
    if not tokens:
        return []
    turkic = bool(hint and languages.reads_turkic([hint]))
    forms = [word_forms(t.text, turkic) for t in tokens]
    hits: list[Hit] = matcher.sequence_hits(forms) if len(forms) <= 12 else []
    if forms[0].tail:
        tail = [word_forms(tokens[0].text[forms[0].tail_offset :], turkic), *forms[1:]]
        hits += matcher.sequence_hits(tail)
    query_latin = " ".join(f.latin for f in forms)
    if len(query_latin) >= 4:
        hits += matcher.fuzzy_hits(query_latin, cutoff=78)
    span = Span(0, len(query), hits, "none", False)
    res = _Resolution(gaz, query, hint, wanted, True)
    res.text_lang = language_of(hint) if hint else None
    res.ranking_only = True
    best = res.entry_hits(span)
    ranked = []
    for entry_id, (value, hit, name) in best.items():
        prior = gaz.index.priors[gaz.index_number(entry_id)]
        # The match decides; the prior only orders entries that share a name.
        ranked.append((min(100.0, value), prior, entry_id, hit, name))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    return [Candidate(gaz.entries[e], round(s, 1), n, h.method) for s, _, e, h, n in ranked[:limit]]
